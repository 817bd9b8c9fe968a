"""`make loadtest`: a bounded load against `make serve` on this machine, and its figures.

Recreates a PostgreSQL database (gcu_loadtest) with the 2011 sample records, the 2011
report issued, and 100,000 demo activities; starts `make serve` on it (gunicorn, 2 workers,
DEBUG off, Redis as the shared cache when one answers) on 127.0.0.1; drives 32 connections
for 60 seconds over the public pages; prints requests per second, p50, p99 and errors;
stops the server. Traffic goes to 127.0.0.1 only, and the run stops by itself.

With `--servers 2` (as `make loadtest SERVERS=2`), two app servers share the database
and the cache, as two hosts behind one proxy would: the load alternates between them, and
in the middle of it a manager changes a record through the API of the first while the
second is asked for it on the next request; a stale answer counts as an error.
"""

import argparse
import http.client
import itertools
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
HOST = "127.0.0.1"  # never anything else: the load stays on this machine
LOG = ROOT / "var" / "loadtest-server.log"
# A hard cap besides the duration, so that no mistake can make the loop run away.
MAX_REQUESTS = 2_000_000

SLUG = "osce-ilo-gender-labour-migration-training-2011"
URLS = [
    ("dashboard", "/"),
    ("list, filtered", "/activities/?year=2011&thematic_area=migration-development"),
    ("list, filtered", "/activities/?year=2020&thematic_area=fgm&sort=title"),
    ("list, filtered", "/activities/?activity_type=workshop&country=CH"),
    ("record page", f"/activities/{SLUG}/"),
    ("API list", "/api/activities/"),
    ("2011 report", "/reports/2011/"),
]

ISSUE_2011_REPORT = """
from django.contrib.auth import get_user_model
from reports import services
from reports.models import AnnualReport
from rest_framework.authtoken.models import Token
user, _ = get_user_model().objects.get_or_create(
    username="loadtest-manager", defaults={"is_superuser": True, "is_staff": True}
)
services.mark_final(report=AnnualReport.objects.get(year=2011), user=user)
Token.objects.get_or_create(user=user)
"""

TOKEN_OF_MANAGER = """
from rest_framework.authtoken.models import Token
print(Token.objects.get(user__username="loadtest-manager").key)
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gcu_loadtest"
        ),
    )
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument(
        "--servers",
        type=int,
        default=int(os.environ.get("LOADTEST_SERVERS", "1")),
        help="app servers on the one database and cache (2: a write through one must "
        "be seen through the other)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/14"),
        help="shared cache; used when it answers",
    )
    parser.add_argument(
        "--reuse-data", action="store_true", help="keep the database when it is already seeded"
    )
    return parser.parse_args()


def step(message):
    print(f"--- {message}", flush=True)


def manage(env, *args):
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)


def database_is_seeded(url, activities):
    import psycopg2

    try:
        connection = psycopg2.connect(url)
    except psycopg2.OperationalError:
        return False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM activities_activity")
            count = cursor.fetchone()[0]
            cursor.execute("SELECT state FROM reports_annualreport WHERE year = 2011")
            report = cursor.fetchone()
    except psycopg2.Error:
        return False
    finally:
        connection.close()
    return count >= activities and report == ("final",)


def recreate_database(url):
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "loadtest" not in name:
        sys.exit(f"Refusing to recreate {name!r}: the load test only drops a *loadtest* database.")
    connection = psycopg2.connect(parts._replace(path="/postgres").geturl())
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def seed(env, args):
    if args.reuse_data and database_is_seeded(args.database_url, args.activities):
        step("Reusing the seeded database")
        return
    step(f"Recreating {urlsplit(args.database_url).path.lstrip('/')}")
    recreate_database(args.database_url)
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    manage(env, "load_sample_data")
    subprocess.run(
        [str(PYTHON), "manage.py", "shell", "--verbosity", "0", "-c", ISSUE_2011_REPORT],
        cwd=ROOT,
        env=env,
        check=True,
    )
    manage(env, "generate_demo_data", "--activities", str(args.activities), "--seed", "1")
    subprocess.run(["psql", args.database_url, "-q", "-c", "VACUUM ANALYZE"], env=env, check=False)


def port_is_free(port):
    with socket.socket() as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
        return True


def any_free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def serve_ports(count):
    """8000 first, as `make serve` uses, unless something listens there; then free ports."""
    ports = [8000] if port_is_free(8000) else []
    while len(ports) < count:
        port = any_free_port()
        if port not in ports:
            ports.append(port)
    return ports[:count]


class Redis:
    """The shared cache: the one given if it answers, else a private server, else none."""

    def __init__(self, url):
        self.url = url
        self.process = None

    def answers(self, url):
        import redis

        try:
            return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        except redis.RedisError:
            return False

    def start(self):
        import redis

        if not self.answers(self.url) and shutil.which("redis-server"):
            port = any_free_port()
            self.process = subprocess.Popen(
                ["redis-server", "--bind", HOST, "--port", str(port), "--save", ""],
                stdout=subprocess.DEVNULL,
            )
            self.url = f"redis://{HOST}:{port}/14"
            for _ in range(50):
                if self.answers(self.url):
                    break
                time.sleep(0.1)
        if not self.answers(self.url):
            print("No Redis: the page cache stays off (each worker would keep its own).")
            return None
        # A database of its own, emptied, so no count cached by an earlier run is reused.
        redis.Redis.from_url(self.url).flushdb()
        return self.url

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


class Server:
    """`make serve` in its own process group, so that stopping it stops gunicorn too."""

    def __init__(self, env, port, log=LOG):
        self.port = port
        self.log_path = log
        LOG.parent.mkdir(exist_ok=True)
        self.log = open(log, "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_healthy(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(
                    f"make serve stopped (exit {self.process.returncode}); see {self.log_path}"
                )
            try:
                status, _ = fetch(
                    http.client.HTTPConnection(HOST, self.port, timeout=5), "/healthz"
                )
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        sys.exit(f"The server did not answer /healthz within {timeout} s; see {self.log_path}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def fetch(connection, path, method="GET", body=None, headers=None):
    connection.request(
        method, path, body=body, headers={"Accept": "text/html,application/json", **(headers or {})}
    )
    response = connection.getresponse()
    body = response.read()
    return response.status, body


def write_through_one_read_through_other(ports, token, rounds=5):
    """A manager renames a record through the API of the first server; the other server
    must show the new title on the very next request: its record page, its API record,
    and its cached list and search. Returns (checks, stale answers)."""
    import json

    writer = http.client.HTTPConnection(HOST, ports[0], timeout=30)
    reader = http.client.HTTPConnection(HOST, ports[-1], timeout=30)
    auth = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
    checks = stale = 0
    try:
        for number in range(rounds):
            title = f"Labour migration training, checked {number} {secrets.token_hex(3)}"
            status, body = fetch(writer, f"/api/activities/{SLUG}/", headers=auth)
            version = json.loads(body)["version"]
            status, body = fetch(
                writer,
                f"/api/activities/{SLUG}/",
                method="PATCH",
                body=json.dumps({"title": title, "version": version}),
                headers=auth,
            )
            if status != 200:
                sys.exit(f"The API refused the manager's change ({status}): {body[:300]!r}")
            word = title.rsplit(" ", 1)[-1]
            for path in (
                f"/activities/{SLUG}/",
                f"/api/activities/{SLUG}/",
                f"/activities/?q={word}",
                f"/api/activities/?q={word}",
            ):
                status, body = fetch(reader, path)
                checks += 1
                if status != 200 or title.encode() not in body:
                    stale += 1
                    print(f"  stale: {path} on port {ports[-1]} answered {status}")
    finally:
        writer.close()
        reader.close()
    return checks, stale


def drive(ports, connections, duration):
    """`connections` threads, each with its own connection, until `duration` has passed;
    with several servers, the threads are shared out between them."""
    results = []  # (name, seconds, ok): list.append is atomic, so threads share it
    counter = itertools.count()
    deadline = time.monotonic() + duration

    def worker(offset):
        port = ports[offset % len(ports)]
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        turn = offset
        while time.monotonic() < deadline and next(counter) < MAX_REQUESTS:
            name, path = URLS[turn % len(URLS)]
            turn += 1
            started = time.perf_counter()
            try:
                status, _ = fetch(connection, path)
                ok = 200 <= status < 300
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
            results.append((name, time.perf_counter() - started, ok))
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.monotonic() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(results, elapsed):
    groups = {"all": results}
    for name, _path in URLS:
        groups[name] = [r for r in results if r[0] == name]
    print(f"\n{'':<16}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, rows in groups.items():
        times = [seconds * 1000 for _name, seconds, _ok in rows]
        errors = sum(1 for *_rest, ok in rows if not ok)
        print(
            f"{name:<16}{len(rows):>10}{len(rows) / elapsed:>9.1f}"
            f"{statistics.median(times):>9.1f}{percentile(times, 0.99):>9.1f}{errors:>8}"
        )
    return sum(1 for *_rest, ok in results if not ok)


def manager_token(env):
    output = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "--verbosity", "0", "-c", TOKEN_OF_MANAGER],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return output.stdout.strip().splitlines()[-1]


def main():
    args = parse_args()
    env = dict(os.environ)
    env.update(
        DATABASE_URL=args.database_url,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)
    seed(env, args)

    redis = Redis(args.redis_url)
    cache_url = redis.start()
    if cache_url:
        env["REDIS_URL"] = cache_url
    ports = serve_ports(args.servers)
    servers = []
    try:
        for number, port in enumerate(ports):
            server_env = dict(
                env, GUNICORN_BIND=f"{HOST}:{port}", GUNICORN_WORKERS=str(args.workers)
            )
            log = LOG if number == 0 else LOG.with_name(f"loadtest-server-{number + 1}.log")
            step(f"make serve on http://{HOST}:{port} ({args.workers} workers, cache: {cache_url})")
            servers.append(Server(server_env, port, log))
            # One after the other, as a deploy does: the first collects the static files and
            # migrates; the next finds both done.
            servers[-1].wait_until_healthy()
        step("Warm-up: each URL twice on each server")
        for port in ports:
            warm = http.client.HTTPConnection(HOST, port, timeout=30)
            for _name, path in URLS * 2:
                status, _ = fetch(warm, path)
                if status != 200:
                    sys.exit(f"{path} answered {status} before the load; see {LOG}")
            warm.close()
        step(f"{args.connections} connections for {args.duration:.0f} s")
        checked = None
        if len(ports) > 1:
            token = manager_token(env)

            def check_midway():
                time.sleep(args.duration / 2)
                nonlocal checked
                checked = write_through_one_read_through_other(ports, token)

            checker = threading.Thread(target=check_midway)
            checker.start()
        results, elapsed = drive(ports, args.connections, args.duration)
        if len(ports) > 1:
            checker.join()
    finally:
        step("Stopping the servers")
        for server in servers:
            server.stop()
        redis.stop()
    errors = report(results, elapsed)
    print(f"\n{len(results) / elapsed:.1f} requests/s, {errors} errors (server log: {LOG})")
    if checked is not None:
        checks, stale = checked
        print(
            f"Written through port {ports[0]}, read through port {ports[-1]} on the next "
            f"request: {checks} reads, {stale} stale."
        )
        errors += stale
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
