"""Every interface string is translated into Dutch.

makemessages runs on a copy of the project (so the real catalogues stay untouched) with two planted
strings, one in a template and one in Python. The check must report exactly those two: that proves
the extraction sees templates and Python files, and that nothing else is missing a Dutch msgstr.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

PROJECT = Path(settings.BASE_DIR)
COPY_IGNORES = shutil.ignore_patterns(
    ".venv",
    ".git",
    "media",
    "staticfiles",
    "node_modules",
    "__pycache__",
    "*.sqlite3",
    "*.mo",
    "artifacts",
    "cache",
)
PLANTED_TEMPLATE = "Planted template string that nobody translated"
PLANTED_PYTHON = "Planted Python string that nobody translated"


def plant_untranslated_strings(root):
    (root / "templates" / "planted_check.html").write_text(
        '{% load i18n %}<p>{% translate "' + PLANTED_TEMPLATE + '" %}</p>\n'
    )
    (root / "core" / "planted_check.py").write_text(
        "from django.utils.translation import gettext as _\n\nLABEL = _("
        + repr(PLANTED_PYTHON)
        + ")\n"
    )


def run_makemessages(root):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wvdv.settings.test", "PYTHONPATH": str(root)}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "-l", "en", "--no-obsolete"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )


def catalogues(root, language):
    return sorted(
        path
        for path in root.rglob(f"locale/{language}/LC_MESSAGES/django.po")
        if not any(part.startswith(".") for part in path.relative_to(root).parts)
    )


def untranslated(entry):
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
    return not entry.msgstr


def test_gettext_tools_are_installed():
    for tool in ("xgettext", "msgmerge", "msguniq"):
        assert shutil.which(tool), f"{tool} missing: install GNU gettext (scripts/test.sh does)"


@pytest.mark.slow
def test_every_interface_string_has_a_dutch_translation(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root, ignore=COPY_IGNORES)
    plant_untranslated_strings(root)
    run_makemessages(root)

    dutch = [entry for path in catalogues(root, "nl") for entry in polib.pofile(str(path))]
    english = {entry.msgid for path in catalogues(root, "en") for entry in polib.pofile(str(path))}
    msgids = {entry.msgid for entry in dutch if not entry.obsolete}
    missing = sorted(entry.msgid for entry in dutch if not entry.obsolete and untranslated(entry))

    assert len(msgids) > 100 and "Skip to main content" in msgids, "extraction found too little"
    assert missing == sorted([PLANTED_PYTHON, PLANTED_TEMPLATE]), missing
    assert msgids <= english, sorted(msgids - english)
