"""The `oidc_provider` fixture: a real OpenID Connect provider on this machine, one per run.

Started on first use in a process of its own (tests/oidc_provider/serve.py) and stopped by
its PID when the run ends. Nothing of the protocol is mocked: GCU Tracker fetches the
discovery document, sends people to the authorisation endpoint, exchanges the code for
tokens with PKCE and its client secret, and reads the ID token and the userinfo endpoint.
"""

import html
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "gcu-tracker"
CLIENT_SECRET = "a-secret-the-provider-and-the-site-share"
PROVIDER_ID = "agency"
CALLBACK = f"/accounts/oidc/{PROVIDER_ID}/login/callback/"
PASSWORD = "provider password 2026"
# People at the provider: two in the unit's domain, one outside it, one disabled there.
PEOPLE = [
    {
        "username": "amina",
        "email": "amina.diallo@agency.example",
        "first_name": "Amina",
        "last_name": "Diallo",
    },
    {
        "username": "bruno",
        "email": "bruno.silva@agency.example",
        "first_name": "Bruno",
        "last_name": "Silva",
    },
    {
        "username": "outsider",
        "email": "someone@elsewhere.example",
        "first_name": "Out",
        "last_name": "Sider",
    },
    {"username": "gone", "email": "gone@agency.example", "is_active": False},
]


@dataclass
class Provider:
    url: str
    pid: int
    env: dict

    def set_active(self, username, active):
        """Disable (or enable again) a person at the provider, as its administrators would."""
        code = (
            "import django; django.setup()\n"
            "from django.contrib.auth.models import User\n"
            f"User.objects.filter(username={username!r}).update(is_active={active!r})"
        )
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**self.env, "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings"},
            check=True,
            timeout=60,
        )

    @property
    def issuer(self):
        return f"{self.url}/o"

    def settings(self, name="Agency"):
        """SOCIALACCOUNT_PROVIDERS as gcu_tracker/settings.py builds it from the environment."""
        return {
            "openid_connect": {
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [
                    {
                        "provider_id": PROVIDER_ID,
                        "name": name,
                        "client_id": CLIENT_ID,
                        "secret": CLIENT_SECRET,
                        "settings": {"server_url": self.issuer, "oauth_pkce_enabled": True},
                    }
                ],
            }
        }

    def sign_in(self, authorize_url, username, password=PASSWORD):
        """A person signing in at the provider: where it sends them back, or None if refused."""
        session = requests.Session()
        form = session.get(authorize_url, timeout=10)
        fields = dict(re.findall(r'name="(csrfmiddlewaretoken|next)" value="([^"]*)"', form.text))
        response = session.post(
            form.url,
            {
                **fields,
                "next": html.unescape(fields["next"]),
                "username": username,
                "password": password,
            },
            headers={"Referer": form.url},
            allow_redirects=False,
            timeout=10,
        )
        if response.status_code != 302:
            return None
        authorized = session.get(
            urljoin(form.url, response.headers["Location"]), allow_redirects=False, timeout=10
        )
        return authorized.headers.get("Location")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rsa_key():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    port = free_port()
    folder = tmp_path_factory.mktemp("oidc-provider")
    env = {
        **os.environ,
        "OIDC_PROVIDER_DB": str(folder / "provider.sqlite3"),
        "OIDC_PROVIDER_RSA_KEY": rsa_key(),
        "OIDC_PROVIDER_SETUP": json.dumps(
            {
                "people": [{**person, "password": PASSWORD} for person in PEOPLE],
                "client": {
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "redirect_uris": [
                        f"http://testserver{CALLBACK}",
                        f"http://localhost{CALLBACK}",
                        f"http://127.0.0.1{CALLBACK}",
                    ],
                },
            }
        ),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log = (folder / "provider.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.oidc_provider.serve", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    provider = Provider(url=f"http://127.0.0.1:{port}", pid=process.pid, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                discovery = f"{provider.issuer}/.well-known/openid-configuration"
                if requests.get(discovery, timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "the OpenID Connect provider did not start:\n"
                    + (folder / "provider.log").read_text()
                )
            time.sleep(0.2)
        yield provider
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
        log.close()
