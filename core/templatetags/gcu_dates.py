from django import template

from core.dates import format_date, format_date_range

register = template.Library()


@register.filter
def date_span(record):
    """A record's dates as the organisation writes them (anything with start/end/precision)."""
    return format_date_range(record.start_date, record.end_date, record.date_precision)


@register.filter
def precise_date(value, precision="day"):
    return format_date(value, precision)


@register.filter
def report_period(report):
    """A report's reporting period: "1 October 2010 to 30 November 2011"."""
    return format_date_range(report.period_start, report.period_end)
