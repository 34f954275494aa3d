"""AccountDesk: an offline-first desktop account manager for international customers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("accountdesk")
except PackageNotFoundError:  # pragma: no cover - running from an unpacked tree
    __version__ = "0.0.0"

__all__ = ["__version__"]
