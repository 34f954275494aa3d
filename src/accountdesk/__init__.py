"""AccountDesk: an offline-first desktop account manager for international customers."""

#: The one home of the version: the package build reads it from here (pyproject.toml,
#: [tool.hatch.version]), so asking for it costs no importlib.metadata (0.08 s at start-up).
__version__ = "0.1.0"

__all__ = ["__version__"]
