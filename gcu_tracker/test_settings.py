"""Test settings: the base settings with faster password hashing."""

from gcu_tracker.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
