"""Each platform's app settings: who the desk is to the platform's sign-in.

The unit's IT registers one app per platform (README, "Connecting accounts")
and writes its settings in the unit profile:

    [app.x]
    client_id = "..."
    redirect_port = 8765          # where the platform needs an exact redirect

    [app.youtube]
    client_id = "....apps.googleusercontent.com"
    client_secret = "..."         # only where the platform requires one

A client secret is moved to the keyring when the profile is applied
(``app/<provider>/client-secret``) and is redacted like a token. The
``authorize_url``, ``token_url`` and ``api_base`` keys point the flows at the
simulator (loopback only) and are otherwise left out.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desktop.core.connect.errors import AppNotConfiguredError
from desktop.core.credentials import Vault
from desktop.core.model import Channel

if TYPE_CHECKING:
    from desktop.core.store.database import Store


class Provider(enum.StrEnum):
    """Whose sign-in an account uses (Facebook and Instagram share Meta's)."""

    X = "x"
    GOOGLE = "youtube"
    TIKTOK = "tiktok"
    META = "meta"
    TELEGRAM = "telegram"


PROVIDER_OF: Mapping[Channel, Provider] = {
    Channel.X: Provider.X,
    Channel.YOUTUBE: Provider.GOOGLE,
    Channel.TIKTOK: Provider.TIKTOK,
    Channel.FACEBOOK: Provider.META,
    Channel.INSTAGRAM: Provider.META,
    Channel.TELEGRAM: Provider.TELEGRAM,
}

# Providers whose sign-in is a browser flow (authorization code + PKCE, loopback redirect).
BROWSER_PROVIDERS = frozenset({Provider.X, Provider.GOOGLE, Provider.TIKTOK, Provider.META})
# Providers that rotate the refresh token on every refresh.
ROTATING = frozenset({Provider.X, Provider.TIKTOK})
# Providers whose installed-app flow needs a client secret.
NEEDS_SECRET = frozenset({Provider.GOOGLE, Provider.TIKTOK, Provider.META})

GRAPH_VERSION = "v21.0"


@dataclass(frozen=True, slots=True)
class Endpoints:
    authorize_url: str
    token_url: str
    api_base: str


DEFAULT_ENDPOINTS: Mapping[Provider, Endpoints] = {
    Provider.X: Endpoints(
        "https://x.com/i/oauth2/authorize", "https://api.x.com/2/oauth2/token", "https://api.x.com"
    ),
    Provider.GOOGLE: Endpoints(
        "https://accounts.google.com/o/oauth2/v2/auth",
        "https://oauth2.googleapis.com/token",
        "https://www.googleapis.com",
    ),
    Provider.TIKTOK: Endpoints(
        "https://www.tiktok.com/v2/auth/authorize/",
        "https://open.tiktokapis.com/v2/oauth/token/",
        "https://business-api.tiktok.com",
    ),
    Provider.META: Endpoints(
        f"https://www.facebook.com/{GRAPH_VERSION}/dialog/oauth",
        f"https://graph.facebook.com/{GRAPH_VERSION}/oauth/access_token",
        f"https://graph.facebook.com/{GRAPH_VERSION}",
    ),
    Provider.TELEGRAM: Endpoints("", "", "https://api.telegram.org"),
}

DEFAULT_SCOPES: Mapping[Provider, tuple[str, ...]] = {
    Provider.X: ("tweet.read", "tweet.write", "users.read", "offline.access"),
    Provider.GOOGLE: ("https://www.googleapis.com/auth/youtube.force-ssl",),
    Provider.TIKTOK: ("user.info.basic", "video.list", "comment.list", "comment.list.manage"),
    Provider.META: (
        "pages_show_list",
        "pages_read_engagement",
        "pages_read_user_content",
        "pages_manage_engagement",
        "pages_messaging",
        "instagram_basic",
        "instagram_manage_comments",
        "instagram_manage_messages",
        "business_management",
    ),
    Provider.TELEGRAM: (),
}


def secret_name(provider: Provider) -> str:
    """The keyring entry of a provider's client secret."""
    return f"app/{provider.value}/client-secret"


@dataclass(frozen=True, slots=True)
class AppSettings:
    """One platform app as the unit profile describes it. The ``repr`` hides the secret."""

    provider: Provider
    client_id: str
    redirect_port: int = 0  # 0: any free port (Google accepts any loopback port)
    scopes: tuple[str, ...] = ()
    client_secret: str | None = field(default=None, repr=False)
    authorize_url: str = ""
    token_url: str = ""
    api_base: str = ""
    # Meta's device login only: the app's client token (an identifier apps embed, not a
    # secret; App settings -> Advanced), sent as ``APP_ID|CLIENT_TOKEN``.
    client_token: str = ""

    def __post_init__(self) -> None:
        ends = DEFAULT_ENDPOINTS[self.provider]
        object.__setattr__(self, "authorize_url", self.authorize_url or ends.authorize_url)
        object.__setattr__(self, "token_url", self.token_url or ends.token_url)
        object.__setattr__(self, "api_base", (self.api_base or ends.api_base).rstrip("/"))
        object.__setattr__(self, "scopes", self.scopes or DEFAULT_SCOPES[self.provider])
        if not 0 <= self.redirect_port <= 65535:
            raise ValueError("redirect_port must be from 0 to 65535")

    def __repr__(self) -> str:
        secret = "***" if self.client_secret else None
        return (
            f"AppSettings(provider={self.provider.value!r}, client_id={self.client_id!r}, "
            f"redirect_port={self.redirect_port}, scopes={list(self.scopes)}, "
            f"client_secret={secret}, token_url={self.token_url!r})"
        )

    __str__ = __repr__

    @property
    def redirect_path(self) -> str:
        return "/callback"

    def with_secret(self, secret: str | None) -> AppSettings:
        return replace(self, client_secret=secret)


def resolve_app(
    provider: Provider, apps: Mapping[Provider, AppSettings], vault: Vault
) -> AppSettings:
    """The provider's settings with its client secret from the keyring.

    ``AppNotConfiguredError`` when the profile has none, or when the platform
    needs a secret and none was ever applied.
    """
    if provider is Provider.TELEGRAM:
        return apps.get(provider) or AppSettings(provider, client_id="")
    app = apps.get(provider)
    if app is None or not app.client_id:
        raise AppNotConfiguredError(
            f"The unit profile has no [app.{provider.value}] settings (client_id); "
            "ask the unit's IT to add them."
        )
    secret = app.client_secret or vault.get(secret_name(provider))
    if provider in NEEDS_SECRET and not secret:
        raise AppNotConfiguredError(
            f"The unit profile's [app.{provider.value}] has no client_secret, which this "
            "platform requires."
        )
    return app.with_secret(secret)


def store_secret(vault: Vault, app: AppSettings) -> AppSettings:
    """Move the app's client secret to the keyring; the settings returned carry none."""
    if app.client_secret:
        vault.set(secret_name(app.provider), app.client_secret)
    return app.with_secret(None)


APPS_KEY = "apps"


def apps_to_json(apps: Mapping[Provider, AppSettings]) -> dict[str, dict[str, object]]:
    """The apps as stored in the database's settings: never a client secret."""
    return {
        provider.value: {
            "client_id": app.client_id,
            "redirect_port": app.redirect_port,
            "scopes": list(app.scopes),
            "authorize_url": app.authorize_url,
            "token_url": app.token_url,
            "api_base": app.api_base,
            "client_token": app.client_token,
        }
        for provider, app in apps.items()
    }


def apps_from_json(data: object) -> dict[Provider, AppSettings]:
    found: dict[Provider, AppSettings] = {}
    if not isinstance(data, dict):
        return found
    for name, entry in data.items():
        try:
            provider = Provider(name)
            found[provider] = AppSettings(
                provider,
                str(entry["client_id"]),
                redirect_port=int(entry.get("redirect_port", 0)),
                scopes=tuple(str(s) for s in entry.get("scopes", ())),
                authorize_url=str(entry.get("authorize_url", "")),
                token_url=str(entry.get("token_url", "")),
                api_base=str(entry.get("api_base", "")),
                client_token=str(entry.get("client_token", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return found


def load_apps(store: Store) -> dict[Provider, AppSettings]:
    """The apps the unit profile set (secrets stay in the keyring)."""
    from desktop.core.store.settings import load_setting

    with store.read() as conn:
        return apps_from_json(load_setting(conn, APPS_KEY))


def save_apps(store: Store, vault: Vault | None, apps: Mapping[Provider, AppSettings]) -> None:
    """Keep the profile's apps: settings in the database, client secrets in the keyring."""
    from desktop.core.store.settings import save_setting

    kept = {
        p: store_secret(vault, a) if vault is not None else a.with_secret(None)
        for p, a in apps.items()
    }
    with store.write() as conn:
        save_setting(conn, APPS_KEY, apps_to_json(kept))
