"""scripts/backup.sh and scripts/restore.sh: a backup restored into an empty PostgreSQL database
holds the pages, and the media come back. Runs on PostgreSQL only."""

import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import TransactionTestCase

from tests.factories import make_edition, make_edition_index, make_home

BASE_DIR = Path(settings.BASE_DIR)


def database_url(name):
    db = settings.DATABASES["default"]
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{name}"
    )


def admin_execute(sql):
    with psycopg.connect(database_url("postgres"), autocommit=True) as conn:
        conn.execute(sql)


@pytest.mark.skipif(
    connection.vendor != "postgresql" or shutil.which("pg_dump") is None,
    reason="backup and restore need PostgreSQL and its client tools",
)
class BackupRestoreTest(TransactionTestCase):
    serialized_rollback = True

    def setUp(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="wvdv-backup-"))
        self.restore_db = f"wvdv_restore_{uuid.uuid4().hex[:8]}"
        admin_execute(f'CREATE DATABASE "{self.restore_db}"')

    def tearDown(self):
        admin_execute(f'DROP DATABASE IF EXISTS "{self.restore_db}"')
        shutil.rmtree(self.workdir, ignore_errors=True)

    def run_script(self, script, *args, database, media):
        env = {
            "PATH": "/usr/bin:/bin",
            "DATABASE_URL": database_url(database),
            "DJANGO_MEDIA_ROOT": str(media),
            "BACKUP_DIR": str(self.workdir / "backups"),
        }
        result = subprocess.run(
            ["bash", f"scripts/{script}", *args],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.split()

    def test_restore_into_an_empty_database_finds_the_pages_and_media(self):
        home = make_home("Welkom bij de week")
        make_edition(make_edition_index(home), 2026)
        media = self.workdir / "media"
        (media / "images").mkdir(parents=True)
        (media / "images" / "photo.txt").write_text("a photo")

        dump, tarball = self.run_script(
            "backup.sh", database=settings.DATABASES["default"]["NAME"], media=media
        )
        restored_media = self.workdir / "restored-media"
        self.run_script("restore.sh", dump, tarball, database=self.restore_db, media=restored_media)

        with psycopg.connect(database_url(self.restore_db)) as conn:
            titles = {row[0] for row in conn.execute("SELECT title FROM wagtailcore_page")}
        self.assertIn("Welkom bij de week", titles)
        self.assertIn("Week van de Verbinding 2026", titles)
        self.assertEqual((restored_media / "images" / "photo.txt").read_text(), "a photo")

    def test_restore_refuses_a_database_that_is_not_empty(self):
        make_home()
        media = self.workdir / "media"
        dump, tarball = self.run_script(
            "backup.sh", database=settings.DATABASES["default"]["NAME"], media=media
        )
        self.run_script("restore.sh", dump, tarball, database=self.restore_db, media=media)
        env_db = database_url(self.restore_db)
        result = subprocess.run(
            ["bash", "scripts/restore.sh", dump, tarball],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=120,
            env={"PATH": "/usr/bin:/bin", "DATABASE_URL": env_db, "DJANGO_MEDIA_ROOT": str(media)},
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("not empty", result.stderr)
