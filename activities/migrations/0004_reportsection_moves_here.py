"""ReportSection moves from reports to activities: where an activity is filed is part of the record.

The table is renamed (reports_reportsection → activities_reportsection) with every row and
id kept; the foreign keys of activities and of their history follow it; the content type
moves with its permissions, so the roles keep what they were given.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="activities", model="reportsection").exists():
        ContentType.objects.filter(app_label="reports", model="reportsection").update(
            app_label="activities"
        )


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="reports", model="reportsection").exists():
        ContentType.objects.filter(app_label="activities", model="reportsection").update(
            app_label="reports"
        )


class Migration(migrations.Migration):

    dependencies = [
        ("activities", "0003_version_and_history_relations"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reports", "0003_annualreport_permissions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReportSection",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("title", models.CharField(max_length=200, unique=True, verbose_name="title")),
                        ("slug", models.SlugField(max_length=200, unique=True, verbose_name="slug")),
                        (
                            "order",
                            models.PositiveSmallIntegerField(
                                help_text="Sections appear in the report in this order.",
                                unique=True,
                                verbose_name="order",
                            ),
                        ),
                        (
                            "description",
                            models.TextField(
                                blank=True,
                                help_text="What belongs here, for the staff filing records.",
                                verbose_name="description",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "report section",
                        "verbose_name_plural": "report sections",
                        "ordering": ["order"],
                        "db_table": "reports_reportsection",
                    },
                ),
            ],
        ),
        migrations.AlterField(
            model_name="activity",
            name="report_section",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="activities",
                to="activities.reportsection",
                verbose_name="report section",
            ),
        ),
        migrations.AlterField(
            model_name="historicalactivity",
            name="report_section",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="activities.reportsection",
                verbose_name="report section",
            ),
        ),
        migrations.AlterModelTable(name="reportsection", table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
