"""Test settings: the base settings as on a developer's plain-http machine, faster hashing."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# Tests run with debug off, as servers do, over plain http on this machine. Values set in
# the environment (the deployment tests set their own) win over these.
for name, value in {
    "DJANGO_SECRET_KEY": "tests-only-key-not-for-any-server",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_COOKIES": "false",
    "DJANGO_SECURE_HSTS_SECONDS": "0",
}.items():
    os.environ.setdefault(name, value)

from gcu_tracker.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests render and serve static files from the source folders, as debug mode does, with no
# collectstatic, whatever DJANGO_DEBUG says.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Tasks run as they are queued, inside the test; the database backend is there for the tests
# that run a real worker (`manage.py db_worker --backend database`).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Each test process keeps its uploads in a folder of its own, removed when it ends; a worker
# that a test starts is told the test's folder.
if not os.environ.get("DJANGO_PRIVATE_ROOT"):
    GCU_PRIVATE_ROOT = Path(tempfile.mkdtemp(prefix="gcu-private-"))
    atexit.register(shutil.rmtree, GCU_PRIVATE_ROOT, ignore_errors=True)
