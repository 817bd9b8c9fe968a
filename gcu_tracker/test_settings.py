"""Test settings: the base settings as on a developer's plain-http machine, faster hashing."""

import os

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
