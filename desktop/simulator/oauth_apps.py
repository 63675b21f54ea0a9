"""The apps registered with the simulated platforms, and where their sign-in lives.

Client ids and the client secret, each provider's token lifetimes and
rotation, the authorize and token paths (under the simulator's URL), and which
provider signs in for each channel.
"""

from __future__ import annotations

from desktop.core.connect.apps import Provider
from desktop.core.model import Channel

CLIENT_IDS = {
    Provider.X: "sim-x-client-id",
    Provider.GOOGLE: "sim-google-client.apps.googleusercontent.com",
    Provider.TIKTOK: "sim-tiktok-client-key",
    Provider.META: "1234567890123456",
}
CLIENT_SECRET = "sim-client-secret-0123456789"

# Lifetimes (seconds) from each provider's current documentation (see README).
DEFAULT_LIFETIMES: dict[Provider, tuple[float | None, float | None]] = {
    Provider.X: (7200, None),  # access 2 h; refresh rotated on use, no stated end
    Provider.GOOGLE: (3599, None),  # access 1 h; refresh long-lived
    Provider.TIKTOK: (7200, 180 * 86400),  # access 2 h, refresh 180 days (docs of 2026)
    Provider.META: (5400, 60 * 86400),  # short user token; long-lived 60 days; Page: none
}
ROTATES = frozenset({Provider.X, Provider.TIKTOK})
CODE_LIFE = 600.0

AUTHORIZE_PATHS = {
    "/x/i/oauth2/authorize": Provider.X,
    "/google/o/oauth2/v2/auth": Provider.GOOGLE,
    "/tiktok/v2/auth/authorize/": Provider.TIKTOK,
    "/facebook/dialog/oauth": Provider.META,
}
TOKEN_PATHS = {
    "/x/2/oauth2/token": Provider.X,
    "/google/token": Provider.GOOGLE,
    "/tiktok/v2/oauth/token/": Provider.TIKTOK,
}
META_TOKEN_SUFFIX = "/oauth/access_token"
CHANNELS = {
    Channel.X: Provider.X,
    Channel.YOUTUBE: Provider.GOOGLE,
    Channel.TIKTOK: Provider.TIKTOK,
    Channel.FACEBOOK: Provider.META,
    Channel.INSTAGRAM: Provider.META,
}


def is_meta_token_path(raw_path: str) -> bool:
    return raw_path.startswith("/graph/v") and raw_path.endswith(META_TOKEN_SUFFIX)


def is_token_path(raw_path: str) -> bool:
    return raw_path in TOKEN_PATHS or is_meta_token_path(raw_path)
