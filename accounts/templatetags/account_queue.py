from django import template

from accounts import selectors
from activities import roles

register = template.Library()


@register.simple_tag(takes_context=True)
def accounts_waiting(context):
    """New accounts waiting for a role, for a manager's first page of the admin (2 queries)."""
    request = context.get("request")
    if request is None or not roles.is_manager(request.user):
        return None
    waiting = selectors.waiting_for_role()
    return {"accounts": list(waiting[:20]), "count": waiting.count()}
