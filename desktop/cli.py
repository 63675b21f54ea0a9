"""The ``aduan-desk`` command line: the same core calls as the window.

Exit codes: 0 success, 1 an error the user can act on (one line on stderr,
no traceback), 2 a usage error.
"""

from __future__ import annotations

import argparse
import gc
import getpass
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from desktop import cli_sync, console
from desktop.core.errors import UserError
from desktop.core.model import OPEN_STATUSES, Channel, Status

# Each command imports what it needs when it runs, so ``--version``, ``--help``
# and the light commands start without loading the store or the network stack.
if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.core.store.database import Store

LANG_ENV = "ADUAN_DESK_LANG"
LANGUAGES = ("id", "en")  # desktop.ui.preferences.Language, without importing Qt
Handler = Callable[[argparse.Namespace], int]


def run() -> NoReturn:
    """The installed ``aduan-desk`` command: ``main``, then a quick exit.

    Once a command has answered, Python's ordinary exit tears down every module
    it loaded (SQLAlchemy's alone: ~35 ms of a ~400 ms ``queue``), which nobody
    waits for. A process that opened the window (Qt saves its state as it shuts
    down) or left a thread running exits the ordinary way.
    """
    args = build_parser().parse_args()
    if args.handler in _ONE_SHOT:
        # Such a process ends before a garbage cycle matters, and the collector's full
        # passes over what the command imports (SQLAlchemy: most of it) cost ~20 ms.
        gc.disable()
    code = dispatch(args)
    if "PySide6" in sys.modules or threading.active_count() > 1:
        sys.exit(code)
    import logging

    logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        code = code or 1  # the reader went away (``aduan-desk queue | head``)
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    return dispatch(build_parser().parse_args(argv))


def dispatch(args: argparse.Namespace) -> int:
    """Run the command ``args`` names; errors become one line on stderr and an exit code."""
    from desktop.core.credentials import CredentialsUnavailableError, InsecureKeyringError
    from desktop.core.logs import configure_logging, write_crash_report
    from desktop.core.paths import resolve_home

    console.choose_output_encoding(json_output=args.json)
    handler: Handler = args.handler
    logs = resolve_home(args.home).logs
    if handler is not cmd_demo:  # the demo's home is thrown away
        configure_logging(logs)
    try:
        return handler(args)
    except UserError as exc:
        _complain(exc, args.lang)
        return 1
    except InsecureKeyringError as exc:
        _complain(UserError("keyring_insecure", detail=str(exc)), args.lang)
        return 1
    except CredentialsUnavailableError as exc:
        _complain(UserError("keyring_unavailable", detail=str(exc)), args.lang)
        return 1
    except BrokenPipeError:  # the reader went away (``aduan-desk queue | head``)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - let the exit flush quietly
        return 1
    except Exception as exc:  # a bug: report it, calmly, in one line
        report = write_crash_report(logs, exc)
        _complain(UserError("unexpected", report=report), args.lang)
        return 1


def _complain(error: UserError, lang: str) -> None:
    """One line on stderr, in the officer's language."""
    from desktop import cli_format as fmt

    print(f"aduan-desk: {fmt.words(lang).error_text(error)}", file=sys.stderr)


def _common_options(*, defaults: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after the command's name.

    Subcommands get them without defaults, so that an option given before the
    command name is not overwritten by the subcommand's default.
    """

    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    env_lang = os.environ.get(LANG_ENV, "")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--home", default=default(None), help="data folder (default: ADUAN_DESK_HOME or the user's)"
    )
    common.add_argument(
        "--json", action="store_true", default=default(False), help="machine-readable output"
    )
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default(env_lang if env_lang in LANGUAGES else "id"),
        help="language of messages (id, en)",
    )
    common.add_argument("--officer", default=default(_os_user()), help="name recorded on changes")
    return common


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(defaults=False)
    parser = argparse.ArgumentParser(
        prog="aduan-desk",
        description="Meja aduan Humas / complaint desk",
        parents=[_common_options(defaults=True)],
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    parser.set_defaults(handler=cmd_window)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=text, description=text)
        p.set_defaults(handler=handler)
        return p

    p = command("queue", cmd_queue, "list complaints, most urgent first")
    p.add_argument(
        "--status",
        action="append",
        type=_status,
        help="only this status (repeatable; default: the open ones)",
    )
    p.add_argument("--all", action="store_true", help="every status, closed ones too")
    p.add_argument("--channel", type=Channel, choices=list(Channel), help="only this platform")
    p.add_argument("--search", default="", help="full-text search in messages and authors")
    p.add_argument("--overdue", action="store_true", help="only complaints past their deadline")
    p.add_argument("--limit", type=_positive, default=50, help="at most this many (50)")

    p = command("show", cmd_show, "one complaint with its conversation, replies and notes")
    p.add_argument("id", type=int)

    p = command("reply", cmd_reply, "queue a reply to a complaint")
    p.add_argument("id", type=int)
    text = p.add_mutually_exclusive_group(required=True)
    text.add_argument("--text")
    text.add_argument("--template", help="name of a reply template")

    p = command("note", cmd_note, "add a progress note (--public also sends it)")
    p.add_argument("id", type=int)
    p.add_argument("--text", required=True)
    p.add_argument("--public", action="store_true", help="also queue the note as a reply")

    p = command("status", cmd_status, "change a complaint's status")
    p.add_argument("id", type=int)
    p.add_argument("status", type=_status)

    cli_sync.register(sub, common)

    p = command("sample", cmd_sample, "load realistic sample complaints")
    p.add_argument("--count", type=_positive, default=200)
    p.add_argument("--seed", type=int, default=1)

    p = command("demo", cmd_demo, "try Aduan Desk on sample data in a throwaway folder")
    p.add_argument("--count", type=_positive, default=300)
    p.add_argument("--screenshot", type=Path, help="render the window to this PNG and exit")
    p.add_argument("--theme", choices=["light", "dark", "auto"], help="colour theme of the window")
    return parser


# --- commands ----------------------------------------------------------------


def cmd_queue(args: argparse.Namespace) -> int:
    from desktop import cli_format as fmt
    from desktop.core.store.queries import QueueFilter

    statuses: frozenset[Status] = (
        frozenset(Status) if args.all else frozenset(args.status or ()) or OPEN_STATUSES
    )
    with _desk(args) as desk:
        now = desk.unit.clock_skew().now()
        queue_filter = QueueFilter(
            statuses=statuses,
            channel=args.channel,
            search=args.search,
            overdue_at=now if args.overdue else None,
        )
        unit = desk.unit.settings()
        page = desk.queue.top(queue_filter, args.limit)
        total = desk.queue.count(queue_filter)
    if args.json:
        fmt.print_json(
            {
                "total": total,
                "zone": unit.zone.label,
                "complaints": [fmt.complaint_json(c, now, unit) for c in page],
            }
        )
    else:
        print("\n".join(fmt.queue_lines(page, total, now, unit, args.lang)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desktop import cli_format as fmt

    with _desk(args) as desk:
        now = desk.unit.clock_skew().now()
        unit = desk.unit.settings()
        detail = desk.complaints.detail(args.id)
    if args.json:
        fmt.print_json(fmt.detail_json(detail, now, unit))
    else:
        print("\n".join(fmt.detail_lines(detail, now, unit, args.lang)))
    return 0


def cmd_reply(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        text = args.text if args.text is not None else _template_text(desk, args)
        reply_id = desk.complaints.reply(args.id, text, args.officer)
    _done(args, {"reply_id": reply_id, "state": "queued"}, "queued_reply", id=reply_id)
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        note_id = desk.complaints.note(args.id, args.text, args.officer, public=args.public)
        note = next(n for n in desk.complaints.detail(args.id).notes if n.id == note_id)
    if note.reply_id is not None:
        _done(
            args,
            {"note_id": note_id, "reply_id": note.reply_id},
            "note_public",
            id=note_id,
            reply=note.reply_id,
        )
    else:
        _done(args, {"note_id": note_id, "reply_id": None}, "note_added", id=note_id)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from desktop import cli_format as fmt

    with _desk(args) as desk:
        status = desk.complaints.change_status(args.id, args.status, args.officer)
    data = {"id": args.id, "status": status.value}
    if args.json:
        fmt.print_json(data)
    else:
        words = fmt.words(args.lang).status_label(status)
        print(fmt.label("status_set", args.lang, id=args.id, status=words))
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    from desktop.core.paths import resolve_home

    with _desk(args) as desk:
        count = _load_sample(desk.store, args.count, args.seed)
    _done(args, {"loaded": count}, "sampled", count=count, home=resolve_home(args.home).home)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """The window on the built-in simulator, with sample data in a throwaway home.

    The store's key is only in memory; the accounts sync over loopback. ``--json``
    prints a summary instead (scripts, tests); ``--screenshot PNG`` renders the
    loaded window to a picture and exits.
    """
    from desktop.demo import demo_home

    with demo_home(args.count) as demo:
        if args.json:
            from desktop.core.desk import Desk

            return _demo_summary(Desk(demo.store, demo.vault, demo.paths))
        from desktop.ui.app import run_window
        from desktop.ui.preferences import Language, ThemeChoice

        return run_window(
            demo.store,
            demo.paths,
            demo.vault,
            language=Language(args.lang),
            theme=ThemeChoice(args.theme) if args.theme else None,
            screenshot=args.screenshot,
        )


def cmd_window(args: argparse.Namespace) -> int:
    """The officer's window on the user's own store (key from the OS keyring)."""
    from desktop.core.credentials import KeyringVault
    from desktop.core.paths import resolve_home
    from desktop.ui.app import run_window
    from desktop.ui.station_password import open_home_asking

    paths, vault = resolve_home(args.home), KeyringVault()
    store = open_home_asking(paths, vault)  # a station's password asked for in a dialog
    if store is None:
        return 0  # the officer chose "Batal"
    try:
        return run_window(store, paths, vault)
    finally:
        store.close()


# Commands that answer and exit: no window, no loop, no thread left running.
_ONE_SHOT: frozenset[Handler] = frozenset({cmd_queue, cmd_show, cmd_reply, cmd_note, cmd_status})


# --- helpers -----------------------------------------------------------------


class _desk:  # noqa: N801 - reads as a context manager: ``with _desk(args) as desk``
    """The user's desk: the store opened with the key from the OS keyring."""

    def __init__(self, args: argparse.Namespace) -> None:
        from desktop.core.paths import resolve_home

        self._paths = resolve_home(args.home)

    def __enter__(self) -> Desk:
        from desktop.core.credentials import KeyringVault
        from desktop.core.desk import Desk
        from desktop.core.startup import open_home

        vault = KeyringVault()
        self._desk = Desk(open_home(self._paths, vault), vault, self._paths)
        return self._desk

    def __exit__(self, *exc: object) -> None:
        self._desk.store.close()


def _load_sample(store: Store, count: int, seed: int) -> int:
    from datetime import UTC, datetime

    from desktop.core.sample import sample_threads
    from desktop.core.store.seed import load_sample

    return load_sample(store, sample_threads(count, now=datetime.now(UTC), seed=seed))


def _demo_summary(desk: Desk) -> int:
    from datetime import UTC, datetime

    from desktop import cli_format as fmt
    from desktop.core.store.queries import QueueFilter

    now = datetime.now(UTC)
    unit = desk.unit.settings()
    everything = QueueFilter()
    page = desk.queue.top(everything, 20)
    total = desk.queue.count(everything)
    overdue = desk.queue.count(QueueFilter(overdue_at=now))
    fmt.print_json(
        {
            "total": total,
            "overdue": overdue,
            "complaints": [fmt.complaint_json(c, now, unit) for c in page],
        }
    )
    return 0


def _template_text(desk: Desk, args: argparse.Namespace) -> str:
    from desktop.core.templates import find_template

    template = find_template(desk.complaints.templates(), args.template)
    unit = desk.unit.settings()
    detail = desk.complaints.detail(args.id)
    return template.render({"nama": detail.complaint.author_name, "satuan": unit.name})


def _done(args: argparse.Namespace, data: dict[str, object], key: str, **params: object) -> None:
    from desktop import cli_format as fmt

    if args.json:
        fmt.print_json(data)
    else:
        print(fmt.label(key, args.lang, **params))


class _Version(argparse.Action):
    """``--version``: the version is looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from desktop import __version__

        print(f"aduan-desk {__version__}")
        parser.exit()


def _status(text: str) -> Status:
    try:
        return Status(text)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise argparse.ArgumentTypeError(f"unknown status {text!r} (choices: {choices})") from None


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive whole number")
    return value


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "petugas"


if __name__ == "__main__":
    run()
