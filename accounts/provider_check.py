"""Asks the identity provider whether it still lets each single sign-on account in.

A person disabled at the provider cannot sign in any more, but their account here stays
until someone notices. The refresh token kept from their last sign-in answers the question:
the provider refuses to renew it (`invalid_grant`) once the person is disabled or removed.
"""

from dataclasses import dataclass, field

import requests
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialToken
from django.conf import settings

from accounts import services

MICROSOFT_TOKEN_URL = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"


@dataclass
class CheckResult:
    still_allowed: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    unanswered: list = field(default_factory=list)


def token_endpoint(app, session):
    if app.provider == "microsoft":
        return MICROSOFT_TOKEN_URL.format(tenant=app.settings.get("tenant", "organizations"))
    server_url = app.settings["server_url"]
    if "/.well-known/" not in server_url:
        server_url += "/.well-known/openid-configuration"
    response = session.get(server_url, timeout=settings.SOCIALACCOUNT_REQUESTS_TIMEOUT)
    response.raise_for_status()
    return response.json()["token_endpoint"]


def check_accounts():
    """Try each active single sign-on account's refresh token; log those the provider refuses."""
    result = CheckResult()
    apps = {app.provider_id or app.provider: app for app in get_adapter().list_apps(None)}
    tokens = (
        SocialToken.objects.filter(account__user__is_active=True)
        .exclude(token_secret="")
        .select_related("account__user")
    )
    with requests.Session() as session:
        endpoints = {}
        for token in tokens:
            user = token.account.user
            app = apps.get(token.account.provider)
            if app is None:
                result.unanswered.append(user)
                continue
            try:
                if token.account.provider not in endpoints:
                    endpoints[token.account.provider] = token_endpoint(app, session)
                response = session.post(
                    endpoints[token.account.provider],
                    data={
                        "grant_type": "refresh_token",
                        "refresh_token": token.token_secret,
                        "client_id": app.client_id,
                        "client_secret": app.secret,
                    },
                    timeout=settings.SOCIALACCOUNT_REQUESTS_TIMEOUT,
                )
            except requests.RequestException:
                result.unanswered.append(user)
                continue
            if response.status_code == 200:
                answer = response.json()
                # Providers rotate refresh tokens: keep the new one for the next check.
                token.token = answer.get("access_token", token.token)
                token.token_secret = answer.get("refresh_token", token.token_secret)
                token.save(update_fields=["token", "token_secret"])
                result.still_allowed.append(user)
            elif _error(response) == "invalid_grant":
                services.record_refused_by_provider(
                    account=user, reason=f"{token.account.provider}: invalid_grant"
                )
                result.refused.append(user)
            else:
                result.unanswered.append(user)
    return result


def _error(response):
    try:
        return response.json().get("error")
    except ValueError:
        return None
