"""Production settings come from the environment and pass Django's deployment checks."""

import gzip
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

from tests.ops.production import ROOT, production_env, run, run_django

# `make serve` runs on plain http://127.0.0.1 for local trials only.
LOCAL_TRIAL = {
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_COOKIES": "false",
    "DJANGO_SECURE_HSTS_SECONDS": "0",
}


def check_deploy(env):
    return run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)


def test_check_deploy_reports_no_issue_with_the_documented_production_settings():
    result = check_deploy(production_env())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_local_trial_settings_are_flagged_by_check_deploy():
    result = check_deploy(production_env(**LOCAL_TRIAL))
    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


def test_production_settings_are_safe_by_default():
    code = """
import json
from django.conf import settings
print(json.dumps({
    name: getattr(settings, name)
    for name in (
        "DEBUG", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY", "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_PROXY_SSL_HEADER", "X_FRAME_OPTIONS",
        "SECURE_REFERRER_POLICY", "CSRF_TRUSTED_ORIGINS", "ALLOWED_HOSTS", "MIDDLEWARE",
        "STORAGES", "AXES_FAILURE_LIMIT",
    )
}))
"""
    result = run_django(code, production_env())
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://gcu.example.org"]
    assert values["ALLOWED_HOSTS"] == ["gcu.example.org"]
    assert values["AXES_FAILURE_LIMIT"] == 5
    middleware = values["MIDDLEWARE"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert middleware[-1] == "axes.middleware.AxesMiddleware"
    assert (
        values["STORAGES"]["staticfiles"]["BACKEND"] == "core.static_files.HashedCompressedStorage"
    )
    assert "django.middleware.gzip.GZipMiddleware" in middleware


def test_make_run_serves_the_collected_files_by_their_hashed_names(tmp_path):
    """`make run` collects the static files, then debug mode names and serves them as a server
    does (runserver's plain files turned off): hashed names, kept for ever."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "$(COLLECTED)" in recipe.splitlines()[0]
    assert "runserver --nostatic" in recipe and "RUN_ENV" in recipe
    assert "DJANGO_STATIC_COLLECTED=true" in makefile.split("RUN_ENV =", 1)[1].split("\n")[0]
    assert "collectstatic" in makefile.split("$(COLLECTED):", 1)[1].split("\n\n", 1)[0]

    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"paths": {"css/site.css": "css/site.0123456789ab.css"}, "version": "1.1"})
    )
    env = production_env(
        DJANGO_DEBUG="true",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_COLLECTED="true",
        DJANGO_STATIC_ROOT=str(tmp_path),
    )
    code = (
        "from django.conf import settings\n"
        "from django.templatetags.static import static\n"
        "print(settings.DEBUG, settings.WHITENOISE_USE_FINDERS, static('css/site.css'))"
    )
    result = run_django(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True False /static/css/site.0123456789ab.css"


def test_debug_mode_is_off_unless_asked_for():
    env = production_env()
    del env["DJANGO_DEBUG"]
    result = run_django("from django.conf import settings; print(settings.DEBUG)", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_a_server_that_forgets_debug_and_key_does_not_start_in_debug_mode():
    env = production_env()
    del env["DJANGO_DEBUG"], env["DJANGO_SECRET_KEY"]
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off." in result.stderr


def test_debug_mode_refuses_to_start_for_hosts_other_than_this_machine():
    result = run(["manage.py", "check"], production_env(DJANGO_DEBUG="true"))
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS names hosts other than this machine (gcu.example.org)" in (
        result.stderr
    )
    local = production_env(DJANGO_DEBUG="true", DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost")
    assert run(["manage.py", "check"], local).returncode == 0


def test_without_a_proxy_no_forwarded_header_is_trusted():
    env = production_env()
    del env["DJANGO_BEHIND_PROXY"]
    result = run_django(
        "from django.conf import settings\nprint(settings.SECURE_PROXY_SSL_HEADER)", env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None"


def test_debug_off_without_a_secret_key_refuses_to_start():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = check_deploy(env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_a_malformed_number_is_named_in_the_error():
    result = check_deploy(production_env(DJANGO_SECURE_HSTS_SECONDS="a year"))
    assert result.returncode != 0
    assert "DJANGO_SECURE_HSTS_SECONDS must be a whole number" in result.stderr


def test_every_environment_variable_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    sources = [ROOT / "gcu_tracker" / "settings.py", ROOT / "gunicorn.conf.py"]
    names = set()
    for source in sources:
        names |= set(
            re.findall(
                r"\"((?:DJANGO|GUNICORN)_[A-Z_]+|DATABASE_URL|REDIS_URL)\"", source.read_text()
            )
        )
    assert len(names) > 20
    undocumented = sorted(name for name in names if f"`{name}`" not in readme)
    assert undocumented == []


def test_gunicorn_reads_bind_and_workers_from_the_environment():
    code = "import runpy\nconfig = runpy.run_path('gunicorn.conf.py')\nprint(config['bind'], config['workers'], config['threads'])"
    env = production_env(GUNICORN_BIND="0.0.0.0:9000", GUNICORN_WORKERS="3", GUNICORN_THREADS="4")
    result = run(["-c", code], env)
    assert result.stdout.split() == ["0.0.0.0:9000", "3", "4"]
    result = run(["-c", code], production_env())
    bind, workers, threads = result.stdout.split()
    # One worker per core, at least two (2 cores: 4 workers served no more than 2).
    assert bind == "127.0.0.1:8000" and threads == "1"
    assert int(workers) == max(2, os.cpu_count())


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return response.status, response.headers, body


def test_gunicorn_serves_pages_and_compressed_hashed_static_files(tmp_path):
    """The `make serve` stack, with DEBUG off: collectstatic, then gunicorn with WhiteNoise."""
    port = free_port()
    env = production_env(
        **LOCAL_TRIAL,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
    )
    collected = run(["manage.py", "collectstatic", "--no-input", "--verbosity", "0"], env)
    assert collected.returncode == 0, collected.stderr
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "gcu_tracker.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, _headers, body = get(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.1)
        assert (status, body) == (200, b"ok\n")

        # A page that needs no records: the sign-in form, linking the hashed stylesheet.
        status, headers, body = get(f"{base}/accounts/login/")
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"  # pages are compressed too
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body.decode())
        assert stylesheet, "the page links the stylesheet by its hashed name"

        status, headers, _body = get(f"{base}{stylesheet.group(1)}")
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert "immutable" in headers["Cache-Control"]
    finally:
        server.terminate()
        server.wait(timeout=30)
