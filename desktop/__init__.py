"""Aduan Desk: the media officer's desk for public complaints on social media."""

from importlib import metadata

try:
    __version__ = metadata.version("aduan-desk")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+unknown"
