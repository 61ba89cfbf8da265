"""The module graph: services and views sit below the scheduler and never reach into it.

Services are what the scheduler calls, so they import nothing of it; a view may use the
scheduler's public door (`core.scheduler`, for the staff page) but no module inside it. Imports
are read with `ast`, so an import inside a function counts as much as one at the top."""

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "core"
SCHEDULER = "core.scheduler"


def module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved, `from x import y` also as `x.y`."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def files_of(package: str) -> list[Path]:
    return sorted((CORE / package).rglob("*.py"))


def test_the_rule_sees_every_kind_of_import(tmp_path, monkeypatch):
    monkeypatch.setattr("tests.test_module_graph.CORE", tmp_path / "core")
    module = tmp_path / "core" / "views" / "example.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "import core.scheduler.live\n"
        "from core.scheduler import sweep\n"
        "from ..scheduler.work import cleanup\n"
        "def later():\n"
        "    from core.runs import claim\n"
    )
    assert {"core.scheduler.live", "core.scheduler.sweep", "core.scheduler.work", "core.runs"} <= imported_modules(
        module
    )


@pytest.mark.parametrize("path", files_of("services"), ids=lambda p: p.name)
def test_services_import_nothing_of_the_scheduler(path):
    into_scheduler = {name for name in imported_modules(path) if name == SCHEDULER or name.startswith(f"{SCHEDULER}.")}
    assert into_scheduler == set()


@pytest.mark.parametrize("path", files_of("views"), ids=lambda p: p.name)
def test_views_use_only_the_schedulers_public_door(path):
    from core import scheduler

    door = {SCHEDULER} | {f"{SCHEDULER}.{name}" for name in scheduler.__all__}
    internals = {name for name in imported_modules(path) if name.startswith(f"{SCHEDULER}.") and name not in door}
    assert internals == set()
