"""Run the project in a fresh process with production settings from the environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(**overrides):
    """The environment the Deploy section of README.md documents, plus `overrides`."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "GUNICORN_"))
        and name not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="gcu_tracker.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="gcu.example.org",
        DJANGO_BEHIND_PROXY="true",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://gcu.example.org",
        # Never the developer's database: these processes must not need one, or get a scratch one.
        DATABASE_URL="sqlite:////nonexistent-directory/gcu.sqlite3",
    )
    env.update(overrides)
    return env


def run(args, env, timeout=120):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_django(code, env, timeout=120):
    """Run `code` after django.setup() in a new process with `env`."""
    return run(["-c", f"import django\ndjango.setup()\n{code}"], env, timeout=timeout)
