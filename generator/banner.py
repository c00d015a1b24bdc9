"""The note at the top of every file the generators write or copy into generated/, naming its source.

Each format gets it as its own kind of comment. JSON has no comments, so the one JSON file,
generated/openapi.json, is covered by generated/README.md instead (written by the bundler), which says
the same of the whole folder; adding a key to the bundle itself would change the description it carries.
"""

from __future__ import annotations

import re
from pathlib import Path

SPEC = "spec/"


def note(source: str = SPEC, verb: str = "generated") -> str:
    """`generated from spec/ by ...; do not edit`, or `copied from <file> ...` for a file copied as is."""
    return f"{verb} from {source} by `nox -s generate`; do not edit"


# The note inside its comment markers; `source` is a path relative to the repository root.
NOTE = re.compile(r"(?P<verb>generated|copied) from (?P<source>\S+) by `nox -s generate`; do not edit")

# how each kind of file in generated/ carries a comment line
COMMENT: dict[str, str] = {
    ".py": "# {}",
    ".yaml": "# {}",
    ".toml": "# {}",
    ".typed": "# {}",
    ".md": "<!-- {} -->",
}
# kinds of file that cannot carry a comment; generated/README.md names each such file
UNCOMMENTABLE = (".json",)

README = f"""<!-- {note()} -->
# generated/

Everything in this folder is made by `nox -s generate` from spec/ (with the generators in generator/):
do not edit it; change the sources and regenerate. `openapi.yaml` and `openapi.json` are the bundle
(one document, two formats); `openapi.dereferenced.json` is the same document with every `$ref`
written out; `errors.json` is the catalogue of every error by name; `python/` is the Python client,
whose runtime modules are copied from generator/python/runtime/. Every file starts with a comment
naming its source, except the JSON files, which cannot carry one: `openapi.json`,
`openapi.dereferenced.json`, `errors.json`.
"""


def banner_of(text: str, suffix: str) -> re.Match[str] | None:
    """The note on the first line of `text` (a file of kind `suffix`), if it has one."""
    first = text.split("\n", 1)[0]
    prefix, _, end = COMMENT[suffix].partition("{}")
    if not (first.startswith(prefix) and first.endswith(end)):
        return None
    return NOTE.fullmatch(first[len(prefix) : len(first) - len(end)])


def with_banner(text: str, suffix: str, source: str = SPEC, verb: str = "generated") -> str:
    """`text` with the note as its first line; text that already starts with a note is unchanged."""
    if banner_of(text, suffix) is not None:
        return text
    return COMMENT[suffix].format(note(source, verb)) + "\n" + text


def stamp_tree(root: Path) -> None:
    """Put the spec's note at the top of every file under `root` whose kind carries comments and
    that has no note yet."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in COMMENT and "__pycache__" not in path.parts:
            path.write_text(with_banner(path.read_text(encoding="utf-8"), path.suffix), encoding="utf-8")
