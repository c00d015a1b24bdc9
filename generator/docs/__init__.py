"""The API reference site: `python -m generator.docs` builds it from the bundle (see site.py)."""

from generator.docs.site import DEFAULT_OUT, DocsBuildError, build, main

__all__ = ["DEFAULT_OUT", "DocsBuildError", "build", "main"]
