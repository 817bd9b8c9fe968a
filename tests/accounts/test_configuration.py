"""Single sign-on is configured from the environment, as README.md's "Signing in" says."""

import json

from tests.ops.production import production_env, run_django

READ = """
import json
from django.conf import settings
print(json.dumps({
    "providers": settings.SOCIALACCOUNT_PROVIDERS,
    "apps": sorted(app for app in settings.INSTALLED_APPS if "providers" in app),
    "local": settings.GCU_LOCAL_SIGN_IN,
    "domains": settings.GCU_SSO_ALLOWED_DOMAINS,
    "unused_days": settings.GCU_ACCOUNT_UNUSED_DAYS,
}))
"""


def configuration(**env):
    result = run_django(READ, production_env(**env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_entra_id_and_another_provider_are_read_from_the_environment():
    config = configuration(
        DJANGO_MICROSOFT_CLIENT_ID="11111111-2222-3333-4444-555555555555",
        DJANGO_MICROSOFT_CLIENT_SECRET="entra-secret",
        DJANGO_MICROSOFT_TENANT="agency.onmicrosoft.com",
        DJANGO_OIDC_ISSUER="https://login.agency.example/realms/staff/",
        DJANGO_OIDC_CLIENT_ID="gcu-tracker",
        DJANGO_OIDC_CLIENT_SECRET="oidc-secret",
        DJANGO_OIDC_NAME="Agency login",
        DJANGO_SSO_ALLOWED_DOMAINS="agency.example, @UN.ORG",
        DJANGO_LOCAL_SIGN_IN="superusers",
        DJANGO_ACCOUNT_UNUSED_DAYS="90",
    )
    microsoft = config["providers"]["microsoft"]["APPS"][0]
    assert microsoft["client_id"] == "11111111-2222-3333-4444-555555555555"
    assert microsoft["settings"]["tenant"] == "agency.onmicrosoft.com"
    oidc = config["providers"]["openid_connect"]["APPS"][0]
    assert oidc["name"] == "Agency login"
    assert oidc["settings"]["server_url"] == "https://login.agency.example/realms/staff"
    assert oidc["secret"] == "oidc-secret"
    assert "allauth.socialaccount.providers.microsoft" in config["apps"]
    assert config["domains"] == ["agency.example", "un.org"]
    assert (config["local"], config["unused_days"]) == ("superusers", 90)


def test_without_a_provider_only_the_local_form_is_offered():
    config = configuration()
    assert config["providers"] == {}
    assert "allauth.socialaccount.providers.microsoft" not in config["apps"]
    assert config["local"] == "all"


def test_a_wrong_local_sign_in_setting_is_named():
    result = run_django("", production_env(DJANGO_LOCAL_SIGN_IN="everyone"))
    assert result.returncode != 0
    assert "DJANGO_LOCAL_SIGN_IN must be all, superusers or none" in result.stderr
