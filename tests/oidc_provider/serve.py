"""Migrates the provider's database, adds its people and client, and serves it.

    python -m tests.oidc_provider.serve PORT

The environment gives the database file, the RSA key, and the client and people as JSON
(OIDC_PROVIDER_SETUP, written by fixture.py).
"""

import json
import os
import sys

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.servers.basehttp import run  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402


def set_up(setup):
    call_command("migrate", verbosity=0)
    User = get_user_model()
    for person in setup["people"]:
        User.objects.create_user(**person)
    client = setup["client"]
    Application.objects.create(
        name="GCU Tracker",
        client_id=client["client_id"],
        client_secret=client["secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=" ".join(client["redirect_uris"]),
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )


if __name__ == "__main__":
    set_up(json.loads(os.environ["OIDC_PROVIDER_SETUP"]))
    run("127.0.0.1", int(sys.argv[1]), get_wsgi_application(), threading=True)
