"""gunicorn settings, read from the environment (see README.md, Deploy).

Run as `gunicorn -c gunicorn.conf.py gcu_tracker.wsgi`, behind a reverse proxy that
terminates TLS; `make serve` does so on 127.0.0.1:8000 for local trials.
"""

import multiprocessing
import os


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


# Loopback by default: the reverse proxy on the same host is the only client. Set
# 0.0.0.0:8000 (or a unix: socket) when the proxy runs elsewhere.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# One worker per core, and at least two so that one slow request never holds up the rest.
# Requests spend nearly all their time in Python: measured on 2 cores, 4 workers served no
# more than 2, and 5 (the usual 2 x cores + 1) only added memory and context switches.
# Behind a slow network or for long exports, raise GUNICORN_THREADS rather than workers.
workers = env_int("GUNICORN_WORKERS", max(2, multiprocessing.cpu_count()))
# More than one thread switches to the gthread worker (useful with slow clients or exports).
threads = env_int("GUNICORN_THREADS", 1)
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then, so that a slow leak never grows without bound.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10

# Addresses whose X-Forwarded-* headers gunicorn believes; Django reads the scheme itself
# from X-Forwarded-Proto when DJANGO_BEHIND_PROXY is set.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Workers are managed with signals (HUP reloads, TERM stops); a control socket under
# $HOME would be shared by every instance on the host.
control_socket_disable = True

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# One line per request, with the time it took in microseconds.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'
