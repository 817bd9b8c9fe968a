"""The 17 UN-SWAP 2.0 performance indicators; indicators someone already has are kept."""

from django.db import migrations

# Written out here, not imported: a migration keeps the data as it was when it ran.
INDICATORS = [
    (1, "Strategic planning gender-related SDG results", "results"),
    (2, "Reporting on gender-related SDG results", "results"),
    (3, "Programmatic gender-related SDG results not directly captured in the strategic plan", "results"),
    (4, "Evaluation", "oversight"),
    (5, "Audit", "oversight"),
    (6, "Policy", "accountability"),
    (7, "Leadership", "accountability"),
    (8, "Gender-responsive performance management", "accountability"),
    (9, "Financial resource tracking", "resources"),
    (10, "Financial resource allocation", "resources"),
    (11, "Gender architecture", "resources"),
    (12, "Equal representation of women", "resources"),
    (13, "Organizational culture", "resources"),
    (14, "Capacity assessment", "capacity"),
    (15, "Capacity development", "capacity"),
    (16, "Knowledge and communication", "coherence"),
    (17, "Coherence", "coherence"),
]


def add_indicators(apps, schema_editor):
    Indicator = apps.get_model("unswap", "Indicator")
    for number, title, area in INDICATORS:
        Indicator.objects.get_or_create(number=number, defaults={"title": title, "area": area})


class Migration(migrations.Migration):
    dependencies = [("unswap", "0001_initial")]

    operations = [migrations.RunPython(add_indicators, migrations.RunPython.noop)]
