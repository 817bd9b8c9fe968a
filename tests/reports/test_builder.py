"""The 2011 records make the 2011 report: its sections, items, paragraphs and bullets."""

import datetime
import re

import pytest

from activities.models import Activity
from reports.builder import build_report
from reports.export import render_export
from tests.reports.conftest import spaced

pytestmark = pytest.mark.django_db


def texts(document):
    return [spaced(p.text) for p in document.paragraphs]


def bullets(document):
    """Every bullet after the introduction's list of thematic areas."""
    return [
        spaced(b.text)
        for s in document.sections[1:]
        for i in s.items
        for p in i.paragraphs
        for b in p.bullets
    ]


def test_the_2011_report_has_the_sections_of_the_issued_document_in_order(sample_report):
    document = build_report(sample_report)
    assert [(s.numeral, s.title) for s in document.sections] == [
        ("I", "Introduction"),
        ("II", "Awareness-raising activities on gender and migration"),
        ("III", "Inter-agency involvement"),
        ("IV", "Gender focal point network"),
        ("V", "Collaboration with service areas and field offices"),
        ("VI", "Gender in human resources"),
        ("VII", "Sensitization of staff to gender issues"),
        ("VIII", "Ongoing activities"),
    ]


def test_the_2011_report_numbers_24_paragraphs_continuously(sample_report):
    document = build_report(sample_report)
    assert [p.number for p in document.paragraphs] == list(range(1, 25))
    per_section = [sum(len(i.paragraphs) for i in s.items) for s in document.sections]
    assert per_section == [3, 7, 7, 1, 1, 2, 1, 2]


def test_the_2011_report_has_the_subheadings_of_the_issued_document(sample_report):
    document = build_report(sample_report)
    headings = {s.numeral: [i.heading for i in s.items] for s in document.sections}
    assert headings["II"] == [
        "Information sheets on key gender and migration-related issues",
        "Capacity Building Workshop for Women Leaders of Diaspora Associations",
        "Addressing female genital mutilation in the context of migration",
        "Deskilling of qualified migrant women",
        "Protecting women migrant domestic workers",
        "Fourth United Nations Conference on the Least Developed Countries",
        "Others",
    ]
    assert headings["III"][:2] == ["Inter-Agency Network on Women and Gender Equality", "UN-Women"]
    assert len(headings["III"]) == 7
    # Paragraphs without a subheading: sections IV, V, VII, VIII and the second item of VI.
    assert headings["IV"] == headings["V"] == headings["VII"] == [""]
    assert headings["VI"] == ["Prevention of sexual exploitation and abuse", ""]
    assert headings["VIII"] == ["", ""]


def test_the_introduction_ends_with_the_thematic_areas_worked_on(sample_report):
    intro = build_report(sample_report).sections[0].items[0].paragraphs
    assert [p.number for p in intro] == [1, 2, 3]
    assert spaced(intro[0].text).startswith(
        "The year 2011 was the centenary of the Triangle factory fire"
    )
    assert [spaced(b.text) for b in intro[2].bullets] == [
        "Violence and discrimination affecting migrant women and girls;",
        "Gender, migration and development, including women’s labour migration, remittances "
        "and capacity-building for women in diaspora associations;",
        "Female genital mutilation in the context of migration;",
        "Prevention of sexual exploitation and abuse.",
    ]


def test_minor_items_are_bullets_under_others_with_place_and_dates(sample_report):
    document = build_report(sample_report)
    others = document.sections[1].items[-1]
    assert others.heading == "Others"
    (lead,) = others.paragraphs
    assert lead.number == 10
    found = [spaced(b.text) for b in lead.bullets]
    assert len(found) == 8
    assert (
        "Consortium for Applied Research on International Migration (Italy, 18 and 19 October 2010). The meeting"
        in found[0]
    )
    assert found[1].endswith("and took part in it (Senegal, 30 November to 2 December 2010).")
    assert "(New York, 17 and 18 May 2011)." in found[3]
    assert found[4].endswith("countries of origin and destination (Vienna, 17 and 18 May 2011).")
    assert "(Jamaica, 7 and 8 September 2011)" in found[5]
    assert found[7].endswith("convened by Oxfam Novib (Netherlands, 29 and 30 September 2011).")


def test_the_bracket_closes_the_first_sentence_not_an_abbreviation(sample_report):
    visit = bullets(build_report(sample_report))[2]
    assert "by Ms. Pernille Frahm" in visit
    # The place and dates are the visit's: they close its sentence, not the report's title.
    assert "Council of Europe (United Kingdom, 8 to 10 February 2011). The visit fed" in visit


def test_a_publications_title_is_printed_in_italics_not_taken_for_a_place(sample_report):
    document = build_report(sample_report)
    runs = [run for p in document.paragraphs for b in p.bullets for run in b.text.runs]
    (title,) = [run for run in runs if "Protecting migrant women" in run.text]
    assert title.italic
    assert title.text == "Protecting migrant women in the labour market"
    html = render_export(sample_report)
    assert "<em>Protecting migrant women in the labour market</em>, on which" in html
    assert (
        "<em>Crushed hopes: Underemployment and Deskilling among Skilled Migrant Women</em>" in html
    )


def test_dates_hold_together_on_a_line(sample_report):
    html = render_export(sample_report)
    assert "(Vienna, 17&nbsp;and&nbsp;18&nbsp;May&nbsp;2011)" in html
    assert "17 and 18 May" not in html


def test_a_record_known_only_to_its_year_and_without_place_gets_no_bracket(sample_report):
    wfwp = bullets(build_report(sample_report))[6]
    assert "(" not in wfwp
    assert wfwp.endswith("on “Women in war and reconstruction”.")


def test_people_trained_so_far_are_summed_from_the_records(sample_report):
    haifa = build_report(sample_report).paragraphs[4]
    assert haifa.number == 5
    # The 2011 report's own wording: its workshops trained women (they did not "reach" them),
    # the count where its text puts it, and no sentence added at the end.
    assert "Over the two workshops, the Unit has trained 50 diaspora women in all." in spaced(
        haifa.text
    )
    assert "Through these workshops" not in str(haifa.text)
    assert len(haifa.sources) == 3  # Haifa, London and Berlin; 2009 is before the period

    Activity.objects.filter(slug="diaspora-women-leaders-workshop-2009").update(
        participants_total=30, participants_women=30
    )
    haifa = build_report(sample_report).paragraphs[4]
    assert "the Unit has trained 51 diaspora women in all." in spaced(haifa.text)


def test_paragraphs_name_the_records_they_were_built_from(sample_report):
    document = build_report(sample_report)
    deskilling = document.paragraphs[6]
    assert {s.slug for s in deskilling.sources} >= {
        "crushed-hopes-book",
        "csw55-deskilling-side-event",
        "creative-workshop-deskilled-women",
    }
    vienna = document.paragraphs[9].bullets[4]
    assert [s.slug for s in vienna.sources] == ["osce-ilo-gender-labour-migration-training-2011"]


def test_empty_sections_are_left_out_and_the_numbering_closes_up(sample_report):
    Activity.objects.filter(report_section__slug="inter-agency").update(visibility="internal")
    document = build_report(sample_report)
    assert [s.numeral for s in document.sections] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert document.sections[2].title == "Gender focal point network"
    assert [p.number for p in document.paragraphs] == list(range(1, 18))


def test_activities_outside_the_period_are_left_out(sample_report):
    sample_report.period_start = datetime.date(2011, 1, 1)
    sample_report.period_end = datetime.date(2011, 12, 31)
    found = bullets(build_report(sample_report))
    assert not any("Italy, 18 and 19 October 2010" in text for text in found)


def test_the_2011_file_matches_the_issued_document(sample_report):
    html = spaced(render_export(sample_report))
    numbers = [int(n) for n in re.findall(r'<span class="number">(\d+)\.</span>', html)]
    assert numbers == list(range(1, 25))
    numerals = re.findall(r'<span class="numeral">([IVX]+)\.</span>', html)
    assert numerals == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    assert html.count("<li>") == 4 + 8
    assert "(Senegal, 30 November to 2 December 2010)" in html
    # "Two workshops ... trained 50", where the document says it: after Haifa's 21.
    assert re.search(
        r"with 21 participants\. Over the two workshops, the Unit has trained 50 diaspora women in all\. In 2011",
        html,
    )
