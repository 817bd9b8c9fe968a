import itertools

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from activities.models import ReviewState, Visibility
from tests.factories import ActivityFactory


@pytest.fixture
def api():
    """An anonymous API client."""
    return APIClient()


def token_client(user):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def client_for(db):
    """An API client signed in with a token of the given user."""
    return token_client


@pytest.fixture
def manager_api(manager):
    return token_client(manager)


@pytest.fixture
def viewer_api(viewer):
    return token_client(viewer)


@pytest.fixture
def data_entry_api(data_entry):
    return token_client(data_entry)


@pytest.fixture
def every_combination(db):
    """One activity for each review state and visibility: nine in all."""
    return {
        (state, visibility): ActivityFactory(
            review_state=state, visibility=visibility, slug=f"{state}-{visibility}"
        )
        for state, visibility in itertools.product(ReviewState.values, Visibility.values)
    }
