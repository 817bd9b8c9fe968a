"""A French or Spanish reader's list, record page, dashboard and the admin's add form show no
English: no message of the interface left in English, no registry name (type, thematic area,
partner, event, report section) in English where it has a translation.

Record text (titles, summaries, places, output titles) is the records' own and is left out
of the word check; a title shown in a language other than the page's must carry that
language in a lang attribute, which the list's titles are checked for.
"""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

from activities import roles
from activities.models import Activity, ActivityType, Event, ReportSection, ThematicArea
from partners.models import Partner
from tests.browser.conftest import sign_in, with_authenticator
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path(settings.BASE_DIR) / "test-results" / "languages"

# The text of the page a reader sees, without record text (the records' own words).
VISIBLE_TEXT = """
() => {
  const skip = 'script, style, [hidden], .visually-hidden, [lang="en"], td:first-child a,'
    + ' main > h1, .record-title, .summary, cite, .meta, .kicker + h1, #id_title, textarea,'
    + ' .field-title a, .field-city, .places';
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!element || element.closest(skip)) continue;
    if (element.closest('option') === null && element.offsetParent === null) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text) texts.push(text);
  }
  return texts;
}
"""

# Words that read the same in English and in the reader's language, or are names.
SAME_EVERYWHERE = {"GCU Tracker", "CSV", "XLSX", "IATI", "API", "PDF", "OK", "Excel"}


def english_messages(language):
    """The interface's messages whose translation differs from the English."""
    path = Path(settings.BASE_DIR) / f"locale/{language}/LC_MESSAGES/django.po"
    with path.open("rb") as source:
        catalogue = read_po(source)
    english = set()
    for message in catalogue:
        if not isinstance(message.id, str) or not message.string or message.fuzzy:
            continue
        if message.string == message.id or len(message.id) < 3:
            continue
        if "%" in message.id or "{" in message.id:
            continue
        english.add(message.id)
    return english


def english_names(language):
    """Registry names whose translation differs from the English."""
    names = set()
    for model, field in [
        (ActivityType, "name"),
        (ThematicArea, "name"),
        (Partner, "name"),
        (Partner, "acronym"),
        (Event, "name"),
        (ReportSection, "title"),
    ]:
        for english, other in model.objects.values_list(f"{field}_en", f"{field}_{language}"):
            if english and other and other != english:
                names.add(english)
    return names


def english_in(texts, english):
    found = set()
    for text in texts:
        for form in {text, text.rstrip(" :"), text.strip("()")}:
            if form in english and form not in SAME_EVERYWHERE:
                found.add(form)
    return found


# Each record title of the list, with the language its nearest lang attribute gives it.
TITLE_LANGUAGES = """
() => Array.from(document.querySelectorAll('table.records td:first-child a')).map(
  (link) => [link.getAttribute('href'), link.closest('[lang]').getAttribute('lang')]
)
"""


def unmarked_titles(page, language):
    """Titles whose text is not in the page's language yet are not marked with their own:
    a screen reader would read an English title with French sounds."""
    rows = page.evaluate(TITLE_LANGUAGES)
    assert rows, "the list shows records"
    wrong = {}
    for href, marked in rows:
        record = Activity.objects.get(slug=href.rstrip("/").rsplit("/", 1)[-1])
        written = language if getattr(record, f"title_{language}") else record.original_language
        if marked != written:
            wrong[record.title] = (marked, written)
    return {"list titles": sorted(wrong)} if wrong else {}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_readers_pages_show_no_english_but_record_text(
    live_server, browser, sample_data, language
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    english = english_messages(language) | english_names(language)
    # The check can fail: English interface words and the sample's English names are known.
    assert {"Activities", "Workshop", "International Labour Organization"} <= english
    workshop = (
        Activity.objects.published()
        .filter(activity_type__slug="workshop", thematic_areas__isnull=False, roles__isnull=False)
        .order_by("start_date")
        .first()
    )
    head = with_authenticator(make_user(roles.MANAGERS, username="head"))
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    sign_in(page, live_server.url, head.username)
    # The reader's language, as the switcher keeps it.
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    pages = {
        "list": "/activities/?year=2011",
        "record": workshop.get_absolute_url(),
        "dashboard": "/?year=2011",
        "admin add form": "/admin/activities/activity/add/",
    }
    problems = {}
    for name, address in pages.items():
        page.goto(f"{live_server.url}{address}")
        assert page.locator("html").get_attribute("lang") == language
        page.screenshot(
            path=str(SHOTS / f"{language}-{name.replace(' ', '-')}.png"), full_page=True
        )
        texts = page.evaluate(VISIBLE_TEXT)
        assert len(texts) > 20, name  # the page was read, not an empty shell
        leaks = english_in(texts, english)
        if leaks:
            problems[name] = sorted(leaks)
        if name == "list":
            problems.update(unmarked_titles(page, language))
    with translation.override(language):
        kind = ActivityType.objects.get(slug="workshop").name
    page.goto(f"{live_server.url}{workshop.get_absolute_url()}")
    assert page.locator(".kicker").first.text_content().strip() == kind
    context.close()
    assert problems == {}
