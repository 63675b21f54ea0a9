"""``account connect PLATFORM`` and ``account reconnect ID``: signing in with the platform.

X, YouTube, TikTok, Facebook and Instagram: the sign-in URL is printed (and
opened in the system browser unless ``--no-browser``), the browser's return
is awaited on 127.0.0.1 up to ``--timeout`` seconds. Facebook / Instagram:
the Page is chosen with ``--page`` when the account manages several; with
``--device`` (no usable browser here) Meta's device login prints a code to
enter on a phone or another computer instead.
Telegram: the BotFather token is read from stdin (or a hidden prompt).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.core.model import POLLED, Channel

if TYPE_CHECKING:
    from desktop.core.connect.service import Connector
    from desktop.core.connect.tokens import TokenSet
    from desktop.core.desk import Desk

DEFAULT_TIMEOUT = 300.0


def register(asub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add ``connect`` and ``reconnect`` to the ``account`` subcommands."""
    p = command(asub, "connect", cmd_connect, "connect an account by signing in with the platform")
    p.add_argument("platform", type=Channel, choices=POLLED)
    flow_options(p)
    p = command(asub, "reconnect", cmd_reconnect, "sign in again for an account (keeps its data)")
    p.add_argument("id", type=int)
    flow_options(p)


def flow_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-browser", action="store_true", help="only print the sign-in address")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds to wait for the browser ({DEFAULT_TIMEOUT:g})",
    )
    p.add_argument("--page", help="Facebook/Instagram: the Page (id, name or Instagram username)")
    p.add_argument("--api-base", help="Telegram: Bot API address (a relay or the simulator)")
    p.add_argument(
        "--device",
        action="store_true",
        help="Facebook/Instagram without a usable browser here: Meta's device login "
        "(a code to enter on a phone or another computer)",
    )


def cmd_connect(args: argparse.Namespace) -> int:
    from desktop.cli_sync import _desk

    with _desk(args) as desk:
        account_id = run_flow(args, desk, args.platform, None)
        account = desk.accounts.find(account_id)
    report(args, account_id, account.channel, account.name, "account_connected", desk)
    return 0


def cmd_reconnect(args: argparse.Namespace) -> int:
    from desktop.cli_sync import _desk

    with _desk(args) as desk:
        account = desk.accounts.find(args.id)
        run_flow(args, desk, account.channel, account.id)
    report(args, account.id, account.channel, account.name, "account_reconnected", desk)
    return 0


def run_flow(args: argparse.Namespace, desk: Desk, channel: Channel, account_id: int | None) -> int:
    from desktop.core.connect.errors import ConnectError, user_error
    from desktop.core.platforms.errors import PlatformError
    from desktop.i18n import channel_label

    connector = _connector(desk)
    try:
        if channel is Channel.TELEGRAM:
            from desktop.cli_sync import read_token

            token = read_token("Bot token: ")
            return connector.connect_telegram(token, api_base=args.api_base, account_id=account_id)
        if args.device:
            return _device(args, connector, channel, account_id)
        return _browser(args, connector, channel, account_id)
    except (ConnectError, PlatformError) as exc:  # PlatformError: discovery, getMe, Pages
        raise user_error(exc, channel_label(channel)) from None


def _browser(
    args: argparse.Namespace, connector: Connector, channel: Channel, account_id: int | None
) -> int:
    import webbrowser

    from desktop import cli_format as fmt

    flow = connector.browser_flow(channel)
    url = flow.start()
    out = sys.stderr if args.json else sys.stdout
    print(fmt.label("connect_open", args.lang, url=url), file=out, flush=True)
    if not args.no_browser:
        webbrowser.open(url)
    try:
        tokens = flow.wait(args.timeout)
    except KeyboardInterrupt:
        from desktop.core.connect.errors import ConnectCancelledError

        raise ConnectCancelledError("Connecting was cancelled.") from None
    if channel not in (Channel.FACEBOOK, Channel.INSTAGRAM):
        return connector.finish(channel, tokens, account_id=account_id)
    return _page(args, connector, channel, tokens, account_id)


def _device(
    args: argparse.Namespace, connector: Connector, channel: Channel, account_id: int | None
) -> int:
    """Meta's device login: the officer enters the printed code on another device."""
    from desktop import cli_format as fmt
    from desktop.core.connect.errors import ConnectCancelledError
    from desktop.core.errors import UserError

    if channel not in (Channel.FACEBOOK, Channel.INSTAGRAM):
        raise UserError("bad_option", detail="--device is for facebook and instagram only")
    login = connector.device_login(channel)
    device = login.start()
    out = sys.stderr if args.json else sys.stdout
    words = fmt.label(
        "connect_device", args.lang, url=device.verification_uri, code=device.user_code
    )
    print(words, file=out, flush=True)
    try:
        tokens = login.wait(device)
    except KeyboardInterrupt:
        raise ConnectCancelledError("Connecting was cancelled.") from None
    return _page(args, connector, channel, tokens, account_id)


def _page(
    args: argparse.Namespace,
    connector: Connector,
    channel: Channel,
    tokens: TokenSet,
    account_id: int | None,
) -> int:
    from desktop.core.connect.meta import pick_page

    out = sys.stderr if args.json else sys.stdout
    pages = connector.pages(channel, tokens)
    if args.page is None and len(pages) > 1:
        for page in pages:
            ig = f" (Instagram @{page.instagram_username})" if page.instagram_username else ""
            print(f"  {page.page_id}  {page.name}{ig}", file=out)
    page = pick_page(pages, args.page)
    return connector.finish_page(channel, page, scopes=tokens.scopes, account_id=account_id)


def _connector(desk: Desk) -> Connector:
    from desktop.core.connect.apps import load_apps
    from desktop.core.connect.service import Connector
    from desktop.core.startup import network_settings

    proxy, ca_bundle = network_settings(desk.store)
    return Connector(
        desk.accounts, load_apps(desk.store), desk.vault, proxy=proxy, ca_bundle=ca_bundle
    )


def report(
    args: argparse.Namespace, account_id: int, channel: Channel, name: str, key: str, desk: Desk
) -> None:
    from desktop import cli_format as fmt
    from desktop.core.connect.scopes import ABILITY_WORDS, missing_scopes
    from desktop.core.connect.tokens import load_tokens

    tokens = load_tokens(desk.vault, account_id)
    missing = missing_scopes(channel, tokens.scopes if tokens else frozenset())
    if args.json:
        fmt.print_json(
            {
                "id": account_id,
                "channel": channel.value,
                "name": name,
                "missing_scopes": [{"scope": m.scope, "ability": m.ability} for m in missing],
            }
        )
        return
    print(fmt.label(key, args.lang, id=account_id, channel=channel.value, name=name))
    for m in missing:
        words = fmt.words(args.lang).translate("Scope", ABILITY_WORDS[m.ability])
        print(fmt.label("scope_missing", args.lang, scope=m.scope, words=words))
