"""The language switcher: the choice goes into the cookie, as Django's switcher does, and
onto the signed-in person's account, so that their emails and other devices follow it."""

from django.utils.translation import check_for_language
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from activities.notifications import remember_language


@require_POST
def choose_language(request):
    response = set_language(request)
    language = request.POST.get("language", "")
    if check_for_language(language):
        remember_language(user=request.user, language=language)
    return response
