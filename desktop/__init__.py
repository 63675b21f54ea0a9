"""Aduan Desk: the media officer's desk for public complaints on social media."""

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    # The version is looked up on first use: importlib.metadata costs a few
    # tens of milliseconds, which ``aduan-desk --help`` should not pay.
    if name != "__version__":
        raise AttributeError(f"module 'desktop' has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("aduan-desk")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        version = "0.0.0+unknown"
    globals()["__version__"] = version
    return version
