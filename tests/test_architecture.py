"""The apps depend on each other in one direction: core at the bottom, the cross-feature apps at
the top. An app may import from the layers below it, never from its own layer or one above.

The graph is built from the source: every import statement (those inside functions included) of
every module of an app except its migrations, which keep their historical references.
"""

import ast
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

# Lowest first. Apps in one layer are independent of each other.
LAYERS = (
    # the shared base page, blocks, forms, template tags, visibility, mail, page-cache helpers
    ("core",),
    # the register of personal data every app declares its part in
    ("privacy",),
    # what every public form shares: protection, the base views, SubmitterContact, emails
    ("submissions",),
    # platform: roles and workflow, two-factor sign-in, running the site, Dutch places and
    # postcodes (geocoding, distances, the outline map)
    ("moderation", "accounts", "operations", "places"),
    # features, each above what it builds on
    ("editions",),
    ("teams", "ideas", "stories"),
    ("activities",),
    # after an activity: the organiser's answers, a draft story with consent; signing up for one
    ("followups", "signups"),
    # the week in numbers: figures of editions from their activities, teams and follow-ups
    ("figures",),
    # across features
    ("home",),
    ("search", "localization", "sharing"),
    # development and benchmark tools: the demo content, generated volume, benchmarks; installed
    # by the dev and test settings only, so no app below may import it
    ("devtools",),
)
DEV_ONLY_APPS = ("devtools",)

PROJECT = Path(settings.BASE_DIR)


@dataclass(frozen=True)
class Import:
    source: str  # app
    target: str  # app
    file: str
    line: int

    def __str__(self):
        return f"{self.file}:{self.line} ({self.source} imports {self.target})"


def project_apps(root):
    return sorted(path.parent.name for path in root.glob("*/apps.py"))


def imported_modules(tree):
    """(line, module) of every absolute import in a module, at any depth."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def app_imports(root):
    """Every import of one project app by another, with the file and line it is on."""
    apps = set(project_apps(root))
    found = []
    for app in sorted(apps):
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.relative_to(root).parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, module in imported_modules(tree):
                target = module.split(".")[0]
                if target in apps and target != app:
                    found.append(Import(app, target, str(path.relative_to(root)), line))
    return found


def layer_of(layers):
    return {app: number for number, layer in enumerate(layers) for app in layer}


def upward_imports(imports, layers):
    """Imports of an app in the same layer or a higher one."""
    level = layer_of(layers)
    return [item for item in imports if level[item.target] >= level[item.source]]


def cycles(imports):
    """The cycles of the app graph, each as the list of imports that close it."""
    edges = {}
    for item in imports:
        edges.setdefault(item.source, {}).setdefault(item.target, item)
    found, finished = [], set()

    def visit(app, trail):
        if app in trail:
            start = trail.index(app)
            loop = [*trail[start:], app]
            found.append([edges[a][b] for a, b in zip(loop, loop[1:], strict=False)])
            return
        if app in finished:
            return
        for target in sorted(edges.get(app, {})):
            visit(target, [*trail, app])
        finished.add(app)

    for app in sorted(edges):
        visit(app, [])
    return found


def report(title, lines):
    return "\n".join([title, *(f"  {line}" for line in lines)])


class LayersTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.imports = app_imports(PROJECT)

    def test_every_app_has_one_place_in_the_layers(self):
        placed = [app for layer in LAYERS for app in layer]
        self.assertEqual(sorted(placed), project_apps(PROJECT), "add a new app to LAYERS")
        self.assertEqual(len(placed), len(set(placed)))

    def test_no_app_imports_from_its_own_layer_or_above(self):
        wrong = upward_imports(self.imports, LAYERS)
        if wrong:
            self.fail(report("Imports against the layers:", wrong))

    def test_no_production_app_imports_a_development_app(self):
        wrong = [item for item in self.imports if item.target in DEV_ONLY_APPS]
        if wrong:
            self.fail(report("Production code importing development tools:", wrong))

    def test_development_apps_are_installed_only_outside_production(self):
        from wvdv.settings import base

        for app in DEV_ONLY_APPS:
            self.assertIn(app, settings.INSTALLED_APPS, "the test settings install it")
            self.assertNotIn(app, base.INSTALLED_APPS, "production takes base's INSTALLED_APPS")
            production = (PROJECT / "wvdv" / "settings" / "production.py").read_text()
            self.assertNotIn(app, production)

    def test_the_apps_import_each_other_without_cycles(self):
        found = cycles(self.imports)
        if found:
            lines = [" -> ".join(str(item) for item in cycle) for cycle in found]
            self.fail(report("Import cycles:", lines))


def write_app(root, name, modules):
    (root / name).mkdir()
    (root / name / "apps.py").write_text("")
    for module, source in modules.items():
        (root / name / module).write_text(source)


class CheckerTests(SimpleTestCase):
    """The checks above find what they are meant to find."""

    def test_a_planted_cycle_is_found_with_its_files_and_lines(self):
        with tempfile.TemporaryDirectory() as directory:
            root = Path(directory)
            write_app(root, "lower", {"models.py": "def f():\n    from upper.views import g\n"})
            write_app(root, "upper", {"views.py": "from lower.models import f\n"})
            write_app(root, "other", {"forms.py": "import lower\n"})
            (root / "other" / "migrations").mkdir()
            (root / "other" / "migrations" / "0001.py").write_text("import upper\n")
            imports = app_imports(root)
            found = cycles(imports)
        self.assertEqual(len(found), 1)
        self.assertEqual(
            sorted(str(item) for item in found[0]),
            ["lower/models.py:2 (lower imports upper)", "upper/views.py:1 (upper imports lower)"],
        )
        self.assertNotIn("other", {item.source for item in imports if item.target == "upper"})

    def test_an_import_from_below_to_above_or_within_a_layer_is_reported(self):
        imports = [
            Import("feature", "core", "feature/models.py", 3),
            Import("core", "feature", "core/tags.py", 7),
            Import("feature", "peer", "feature/views.py", 9),
        ]
        layers = (("core",), ("feature", "peer"))
        self.assertEqual(
            [str(item) for item in upward_imports(imports, layers)],
            ["core/tags.py:7 (core imports feature)", "feature/views.py:9 (feature imports peer)"],
        )
