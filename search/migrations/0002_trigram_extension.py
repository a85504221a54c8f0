"""pg_trgm for the spelling-tolerant suggestions on PostgreSQL (trusted extension: the database
owner may create it). On other databases this does nothing."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [TrigramExtension()]
