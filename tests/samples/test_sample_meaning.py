"""The sample's 2011 texts are written afresh but keep the meaning of the unit's document.

Each test holds one point where our wording once drifted: who acted, on whom, when, how
many. They read the sample data itself, so they hold whatever the report engine does.
"""

import re

from samples.sample_data import gcu_2011 as data


def initiative(slug):
    (spec,) = [spec for spec in data.INITIATIVES if spec["slug"] == slug]
    return spec["summary"]


def activity(slug):
    (spec,) = [spec for spec in data.ACTIVITIES if spec["slug"] == slug]
    return spec["summary"]


def test_paragraph_1_says_the_owners_locked_the_doors():
    introduction = data.REPORT["introduction"]
    assert "the owners had locked the factory doors from the outside" in introduction
    assert "25 March 1911" in introduction and "146 women garment workers" in introduction
    # It remains one of IOM's objectives (not merely "at the heart of its work").
    assert "one of IOM’s central objectives" in introduction


def test_paragraph_3_tells_of_work_throughout_the_year_not_the_fourteen_month_period():
    sentence = data.REPORT["areas_sentence"]
    assert sentence.startswith("Throughout the year,")
    assert "reporting period" not in sentence
    assert sentence.endswith(":")


def test_paragraph_4_sheet_is_still_to_be_released_and_others_are_being_drafted():
    text = activity("information-sheets-gender-migration")
    assert "is to be released before the end of the year" in text
    assert "ready for release" not in text
    assert "are being drafted" in text


def test_paragraph_5_counts_two_workshops_and_says_how_many_were_trained_after_haifa():
    text = initiative("diaspora-women-leaders")
    assert text.count("{count}") == 1
    sentences = re.split(r"(?<=\.) ", text)
    (count_sentence,) = [s for s in sentences if "{count}" in s]
    assert "two workshops" in count_sentence
    assert "the Unit has trained {count} diaspora women" in count_sentence
    # In the document's order: Haifa and its 21 participants, then the total, then 2011.
    where = sentences.index(count_sentence)
    assert "21 participants" in sentences[where - 1]
    assert sentences[where + 1].startswith("In 2011,")
    # The follow-up meetings were organized *for* the participants to meet and plan.
    assert "so that the participants of 2009 and 2010 could meet" in text


def test_paragraph_9_the_director_general_took_part_in_the_thematic_debates():
    assert "high-level interactive thematic debates" in initiative("ldc-iv")


def test_paragraph_10_compares_migration_in_the_regions_with_other_regions():
    text = activity("carim-egm-gender-migration-2010")
    assert "women’s migration in these regions" in text
    assert "the rest of the world" in text
    assert "from these regions" not in text and "differs" not in text


def test_paragraph_10_the_unit_backed_the_preparation_of_the_symposium_and_facilitated_a_visit():
    assert "IOM’s work in preparing the Global Migration Group Symposium" in activity(
        "gmg-symposium-migration-youth-2011"
    )
    visit = activity("pace-rapporteur-visit-uk-2011")
    assert "the Unit facilitated a visit" in visit
    assert "fed into the preparation of her report" in visit


def test_paragraph_12_both_briefings_covered_mandates_synergies_and_collaboration():
    for slug in ("un-women-briefing-2010-11", "un-women-briefing-2011-07"):
        assert "mandates, possible synergies and avenues for collaboration" in activity(slug)


def test_paragraph_20_the_task_force_oversees_and_the_unit_brought_about_the_session():
    text = initiative("psea-in-iom")
    assert "overseen by a task force" in text
    assert "The Unit’s work also brought about the creation and roll-out" in text


def test_paragraphs_22_to_24_keep_their_ongoing_tense_and_purpose():
    assert "are monitoring" in activity("nine-special-measures-gender-balance")
    assert "as part of the strategy" in activity("appointments-and-postings-boards")
    assert "is still sent out to a varied readership" in activity("gender-and-migration-news")
