"""The lock files pin everything the site and its tests run with, at the versions of pyproject.toml.

scripts/lock.sh writes them from pyproject.toml; scripts/install.sh installs only from them. A
package added to the environment, or a pin changed in pyproject.toml, without running
scripts/lock.sh fails here.
"""

import importlib.metadata
import re
import tomllib
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

ROOT = Path(settings.BASE_DIR)
LOCK = ROOT / "requirements.lock"
TEST_LOCK = ROOT / "requirements-test.lock"
# The installer that comes with every virtual environment, and the project itself.
NOT_LOCKED = {"pip", "weekvandeverbinding"}
UPDATE = "change pyproject.toml, then run `bash scripts/lock.sh`"


def normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines):
    """{name: {versions}} of the `name==version` lines (a lock may pin one package at two
    versions, each for its own Python versions)."""
    pinned = {}
    for line in lines:
        if match := re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", line):
            pinned.setdefault(normalised(match[1]), set()).add(match[2])
    return pinned


def locked(path):
    return pins(path.read_text().splitlines())


def declared():
    """The pins of pyproject.toml: dependencies, every extra and the build backend."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = pyproject["project"]
    extras = project.get("optional-dependencies", {}).values()
    requirements = [
        *project["dependencies"],
        *(requirement for extra in extras for requirement in extra),
        *pyproject["build-system"]["requires"],
    ]
    return pins(requirements), requirements


class LockFileTest(SimpleTestCase):
    def test_every_installed_distribution_is_locked_at_its_version(self):
        lock = locked(TEST_LOCK)
        for distribution in importlib.metadata.distributions():
            name = normalised(distribution.metadata["Name"])
            if name in NOT_LOCKED:
                continue
            with self.subTest(name):
                self.assertIn(
                    distribution.version,
                    lock.get(name, set()),
                    f"{name}=={distribution.version} is installed but not in {TEST_LOCK.name} "
                    f"at that version: {UPDATE}",
                )

    def test_every_requirement_of_pyproject_is_an_exact_pin_in_the_lock(self):
        pinned, requirements = declared()
        self.assertEqual(
            len(pinned),
            len(requirements),
            f"every requirement of pyproject.toml is an exact pin (name==version): {requirements}",
        )
        lock = locked(TEST_LOCK)
        for name, versions in pinned.items():
            with self.subTest(name):
                self.assertLessEqual(versions, lock.get(name, set()), f"{name}: {UPDATE}")

    def test_the_site_lock_is_the_test_lock_without_the_test_tools(self):
        test_lock = locked(TEST_LOCK)
        for name, versions in locked(LOCK).items():
            with self.subTest(name):
                self.assertEqual(versions, test_lock.get(name), f"{name}: {UPDATE}")

    def test_every_locked_package_has_hashes(self):
        for path in (LOCK, TEST_LOCK):
            entries = re.split(r"\n(?=[A-Za-z])", path.read_text().split("\n", 2)[2])
            for entry in entries:
                with self.subTest(path=path.name, entry=entry.split()[0]):
                    self.assertIn("--hash=sha256:", entry)
