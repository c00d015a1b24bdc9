"""Where the bundled spec is: inside the installed package, or in a clone's generated/ folder.

A wheel carries the bundle as package data (`b24_spec/openapi.json`); a clone keeps it under
`generated/`, where `nox -s generate` writes it. The tools read this one constant, so they work the
same from a clone and from an installed wheel.
"""

from __future__ import annotations

from pathlib import Path

import b24_spec

_PACKAGED = Path(b24_spec.__file__).resolve().parent / "openapi.json"
_CLONE = Path(b24_spec.__file__).resolve().parent.parent / "generated" / "openapi.json"

BUNDLE_JSON = _PACKAGED if _PACKAGED.exists() else _CLONE
