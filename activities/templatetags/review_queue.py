from django import template

from activities import workflow

register = template.Library()


@register.simple_tag(takes_context=True)
def review_queue(context):
    """What waits for the signed-in person, for the admin's first page."""
    request = context.get("request")
    if request is None:
        return {}
    queues = workflow.waiting_for(request.user)
    return {name: list(queryset[:20]) for name, queryset in queues.items()} | {
        f"{name}_count": queryset.count() for name, queryset in queues.items()
    }
