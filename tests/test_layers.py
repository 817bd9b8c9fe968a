"""The house reads top-down: no module imports from a layer above its own, and no circle.

    gcu_tracker              settings, root urls, wsgi: imports everything, imported by nothing
    web, api, samples,       the surfaces, the sample and demo data that fill every app, and
    accounts                 who signs in how (single sign-on, second factor, roles, audit log)
    reports                  report documents
    unswap                   UN-SWAP indicators and the evidence tagged for them
    commitments, iati,       commitments followed to completion; publishing to IATI;
      network                the gender focal point network (internal)
    activities               the records, the visibility rule, workflow services, admin
    partners                 the partner registry
    jobs                     background work: its progress, outcome and private files
    ops                      health, faults, sign-in lockout, backups
    core                     no domain: dates, the data-version cache, model and admin helpers

Apps on one layer do not import each other either. Tests, scripts (bench, loadtest) and
migrations stand outside the house.
"""

import ast
import re
from collections import defaultdict
from pathlib import Path

from django.urls import URLResolver, get_resolver

ROOT = Path(__file__).resolve().parent.parent
LAYERS = [
    ["gcu_tracker"],
    ["web", "api", "samples", "accounts"],
    ["reports"],
    ["unswap"],
    ["commitments", "iati", "network"],
    ["activities"],
    ["partners"],
    ["jobs"],
    ["ops"],
    ["core"],
]
LAYER = {app: depth for depth, apps in enumerate(LAYERS) for app in apps}


def modules():
    """(app, dotted module name, parsed file) for every module of the house's apps."""
    for app in LAYER:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            yield app, name, ast.parse(path.read_text(), filename=str(path))


def imported(tree, top_level_only=False):
    """The dotted names a module imports (at its top level only, if asked)."""
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_no_module_imports_from_a_higher_layer_or_a_neighbour():
    wrong = []
    for app, name, tree in modules():
        for target in imported(tree):
            other = target.split(".")[0]
            if other in LAYER and other != app and LAYER[other] <= LAYER[app]:
                wrong.append(f"{name} imports {target}")
    assert sorted(set(wrong)) == []


def test_no_circle_between_modules():
    """Imports inside functions count too: they are arrows like any other."""
    names = {name for _app, name, _tree in modules()}
    graph = defaultdict(set)
    for _app, name, tree in modules():
        for target in imported(tree):
            if target in names and target != name:
                graph[name].add(target)

    def circle_from(start):
        path, seen = [start], set()

        def visit(node):
            for nxt in graph[node]:
                if nxt == start:
                    return [*path, start]
                if nxt not in seen:
                    seen.add(nxt)
                    path.append(nxt)
                    if found := visit(nxt):
                        return found
                    path.pop()
            return None

        return visit(start)

    circles = [" → ".join(c) for name in sorted(names) if (c := circle_from(name))]
    assert circles == []


def test_every_app_of_ours_has_its_place_in_the_layers():
    ours = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in {"tests", "bench", "loadtest"}
    }
    assert ours == set(LAYER)


def test_no_module_of_the_house_is_longer_than_about_500_lines():
    long = []
    for app in LAYER:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts or "sample_data" in path.parts:
                continue
            lines = len(path.read_text().splitlines())
            if lines > 520:
                long.append(f"{path.relative_to(ROOT)}: {lines}")
    assert long == []


URL_NAME = re.compile(r"^(?P<namespace>[a-z][\w-]*):[\w-]+$")


def url_namespace_owners():
    """{URL namespace: the app whose views it names}, read from the site's URLconf."""
    owners = {}
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace:
            apps = {
                p.callback.__module__.split(".")[0]
                for p in pattern.url_patterns
                if getattr(p, "callback", None) is not None
            }
            ours = [app for app in apps if app in LAYER]
            if ours:
                owners[pattern.namespace] = max(ours, key=LAYER.get)
    return owners


def test_no_module_names_a_url_defined_by_a_higher_layer():
    """A reverse("activities:detail") in activities/ is an arrow up by name: the names are
    web's. Records ask core/addresses.py, where the layer owning the names registers them.
    A surface may name another surface's pages (the API links to the site's)."""
    owners = url_namespace_owners()
    assert {"activities", "partners", "reports"} <= set(owners)
    wrong = []
    for app, name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = URL_NAME.match(node.value)
                owner = match and owners.get(match["namespace"])
                if owner and LAYER[owner] < LAYER[app]:
                    wrong.append(f"{name} names {node.value} ({owner}'s)")
    assert sorted(set(wrong)) == []


def test_imports_inside_functions_are_read_too():
    tree = ast.parse("def f():\n    from web import views\n")
    assert "web.views" in set(imported(tree))
    assert "web.views" not in set(imported(tree, top_level_only=True))
