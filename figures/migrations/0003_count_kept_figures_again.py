from django.db import migrations


def forget_kept_figures(apps, schema_editor):
    """Figures kept before 0002 have no place figures, and those kept before this one no Place
    in each place's entry, while their version still counts as current: drop them, so that the
    next request or job counts every edition again."""
    apps.get_model("figures", "KeptFigures").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("figures", "0002_kept_place_figures")]

    operations = [migrations.RunPython(forget_kept_figures, migrations.RunPython.noop)]
