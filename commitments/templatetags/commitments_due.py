"""What the managers' first admin page lists: commitments overdue and updates due."""

from django import template

from activities import roles
from commitments.selectors import due_for_managers

register = template.Library()


@register.simple_tag(takes_context=True)
def commitments_due(context):
    request = context.get("request")
    if request is None or not roles.is_manager(request.user):
        return None
    overdue, updates = due_for_managers(request.user)
    return {"overdue": overdue, "updates": updates}
