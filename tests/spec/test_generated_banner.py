"""Every file in generated/ names its source at the top, so nobody edits it by hand by mistake."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.banner import COMMENT, UNCOMMENTABLE, banner_of
from tests.conftest import ROOT

GENERATED = ROOT / "generated"


def unmarked(root: Path) -> list[str]:
    """Files under `root` without a note naming an existing source, or (for the kinds that cannot
    carry a comment) not named in root/README.md; and files of a kind nobody decided on."""
    readme = (root / "README.md").read_text(encoding="utf-8") if (root / "README.md").is_file() else ""
    found: list[str] = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        name = path.relative_to(root).as_posix()
        if path.suffix in UNCOMMENTABLE:
            if f"`{name}`" not in readme:
                found.append(f"{name}: not named in README.md")
        elif path.suffix in COMMENT:
            match = banner_of(path.read_text(encoding="utf-8"), path.suffix)
            if match is None:
                found.append(f"{name}: no note on the first line")
            elif not (ROOT / match["source"]).exists():
                found.append(f"{name}: names {match['source']}, which does not exist")
        else:
            found.append(f"{name}: a kind of file with no banner rule ({path.suffix or 'no suffix'})")
    return found


def test_every_generated_file_names_its_source() -> None:
    assert unmarked(GENERATED) == []


def test_the_copied_runtime_names_the_module_it_was_copied_from() -> None:
    runtime = ROOT / "generator" / "python" / "runtime"
    modules = sorted(runtime.glob("*.py"))
    assert modules
    for module in modules:
        copy = GENERATED / "python" / "b24_client" / module.name
        match = banner_of(copy.read_text(encoding="utf-8"), ".py")
        assert match is not None, copy
        assert (match["verb"], match["source"]) == ("copied", module.relative_to(ROOT).as_posix())


def test_a_missing_or_wrong_note_is_found(tmp_path: Path) -> None:
    copy = tmp_path / "generated"
    shutil.copytree(GENERATED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    module = copy / "python" / "b24_client" / "_operations.py"
    module.write_text(module.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    pyproject = copy / "python" / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace("from spec/ ", "from nowhere/ ", 1), encoding="utf-8"
    )
    (copy / "notes.txt").write_text("hand-made\n", encoding="utf-8")
    readme = copy / "README.md"
    unnamed = readme.read_text(encoding="utf-8").replace("`openapi.json`", "the JSON")
    readme.write_text(unnamed, encoding="utf-8")
    assert unmarked(copy) == [
        "notes.txt: a kind of file with no banner rule (.txt)",
        "openapi.json: not named in README.md",
        "python/b24_client/_operations.py: no note on the first line",
        "python/pyproject.toml: names nowhere/, which does not exist",
    ]
