"""ReportSection now lives in activities (its migration 0004 renamed the table); reports forgets it."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0003_annualreport_permissions"),
        ("activities", "0004_reportsection_moves_here"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ReportSection")],
        ),
    ]
