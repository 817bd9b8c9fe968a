from oauth2_provider.oauth2_validators import OAuth2Validator


class Validator(OAuth2Validator):
    """The claims an agency's provider gives: address, name and username."""

    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "email_verified": True,
            "given_name": user.first_name,
            "family_name": user.last_name,
            "name": user.get_full_name(),
            "preferred_username": user.username,
        }

    def validate_refresh_token(self, refresh_token, client, request, *args, **kwargs):
        """A person disabled here gets no new token, as Entra ID refuses a disabled account."""
        valid = super().validate_refresh_token(refresh_token, client, request, *args, **kwargs)
        return valid and request.user.is_active
