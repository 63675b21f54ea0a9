"""One catalogue for every word an officer reads: the window's, the command line's, the core's.

The code is written in English. ``translations/aduan_<lang>.ts`` holds the
translations, compiled by lrelease into ``.qm`` files that a ``QTranslator``
loads. The widgets translate with ``self.tr``/``QCoreApplication.translate``
(the window installs this module's translator in the application); the core
carries codes (an error code, a sync state, why a reply waits) whose English
source it marks with ``desktop.core.words.QT_TRANSLATE_NOOP``, and the
functions here turn them, and durations and countdowns, into the officer's
words.

The language is chosen in one place: ``use_language`` — called by the window
from the officer's preference, by the command line from ``--lang`` the first
time it prints a sentence. The words are read from the compiled catalogue
without Qt (``desktop.qm_catalogue``), so the command line never loads Qt;
only ``use_language`` (the window's) also makes a ``QTranslator``.

Compiled ``.qm`` files are built with ``pyside6-lrelease`` into
``build/translations/`` (ignored by git) — by ``scripts/build-translations``,
by ``./dev setup``, or here on first use from a source checkout. The frozen
build carries them in its ``translations`` folder.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import qm_catalogue, resources
from desktop.core import errors
from desktop.core.deadlines import Countdown, Urgency
from desktop.core.model import Channel, ReplyState, Status
from desktop.core.sync.reasons import EXPLANATIONS, SendReason, parse_reason
from desktop.core.sync.states import DESCRIPTIONS, SyncState

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

    from desktop.ui.preferences import Language

log = logging.getLogger(__name__)

DOMAIN = "aduan"  # translations/aduan_<lang>.ts

ENGLISH = "en"  # desktop.ui.preferences.Language's values, without importing Qt
_catalogue: qm_catalogue.Messages | None = None  # None: the English source texts
_language = ENGLISH


# --- the compiled catalogue ----------------------------------------------------


def source_folder() -> Path:
    return resources.translations()


def build_folder() -> Path:
    """Where compiled ``.qm`` files are: beside the sources when frozen, else ``build/``."""
    if getattr(sys, "frozen", False):
        return resources.translations()
    return resources.root() / "build" / "translations"


def lrelease_program() -> list[str]:
    """The command that compiles ``.ts`` to ``.qm`` (PySide6 ships it)."""
    import PySide6

    name = "lrelease.exe" if os.name == "nt" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.exists():
        return [str(bundled)]
    wrapper = shutil.which("pyside6-lrelease")
    if wrapper is None:
        raise FileNotFoundError("pyside6-lrelease not found; install PySide6")
    return [wrapper]


def compile_translation(source: Path, target: Path) -> None:
    """``source`` (.ts) to ``target`` (.qm), written whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        subprocess.run(
            [*lrelease_program(), "-silent", str(source), "-qm", str(partial)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def compiled(domain: str, language: Language | str) -> Path | None:
    """The ``.qm`` of ``domain`` in ``language``, (re)built from its ``.ts`` when stale."""
    target = build_folder() / f"{domain}_{language}.qm"
    source = source_folder() / f"{domain}_{language}.ts"
    stale = source.exists() and (
        not target.exists() or target.stat().st_mtime < source.stat().st_mtime
    )
    if stale and not getattr(sys, "frozen", False):
        try:
            compile_translation(source, target)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not build %s: %s", target.name, exc)
    return target if target.exists() else None


# --- choosing the language -----------------------------------------------------


def choose_language(language: Language | str) -> Path | None:
    """Translate into ``language`` from now on, without Qt (the command line's way).

    Returns the compiled catalogue read, or None when none was found: then the
    English source texts are shown and a warning is logged.
    """
    global _catalogue, _language
    code = str(language)
    path = compiled(DOMAIN, code)
    try:
        _catalogue = None if path is None else qm_catalogue.read_catalogue(path)
    except (OSError, qm_catalogue.CatalogueError) as exc:
        log.warning("could not read %s: %s", path, exc)
        _catalogue = None
    if _catalogue is None and code != ENGLISH:
        log.warning("no %s translation found; showing English", code)
    _language = code
    return path if _catalogue is not None else None


def use_language(language: Language | str) -> QTranslator | None:
    """``choose_language``, and the same catalogue as a ``QTranslator`` (the window
    installs it in the application, for ``self.tr``); None when none was found."""
    from PySide6.QtCore import QTranslator

    path = choose_language(language)
    translator = QTranslator()
    return translator if path is not None and translator.load(str(path)) else None


def reset() -> None:
    """Back to the English source texts (tests, and the window's uninstall)."""
    global _catalogue, _language
    _catalogue, _language = None, ENGLISH


def current_language() -> str:
    """The chosen language's code ("id", "en")."""
    return _language


def translate(context: str, source: str, disambiguation: str | None = None) -> str:
    """``source`` in the chosen language; itself when the catalogue lacks it."""
    if _catalogue is None:
        return source
    return qm_catalogue.translate(_catalogue, context, source, disambiguation) or source


# --- the core's codes ------------------------------------------------------------


def error_text(error: errors.UserError) -> str:
    """A ``UserError`` in the officer's words, its values (statuses...) worded too."""
    template = translate(errors.CONTEXT, errors.MESSAGES[error.code])
    params = dict(error.params)
    for name, label in _WORDED_PARAMS.get(error.code, {}).items():
        if name in params:
            params[name] = _worded_list(params[name], label)
    if "channel" in params:
        params["channel"] = _worded_list(params["channel"], _channel_code_label)
    text = template.format(**params)
    said = params.get("said")  # the platform's own words, labelled as theirs
    return f"{text}\n{platform_words(str(said))}" if said else text


def _status_code_label(code: str) -> str:
    return status_label(Status(code))


def _reply_state_code_label(code: str) -> str:
    return reply_state_label(ReplyState(code))


def _channel_code_label(code: str) -> str:
    return channel_label(Channel(code))


_WORDED_PARAMS: dict[str, dict[str, Callable[[str], str]]] = {
    "illegal_transition": dict.fromkeys(("current", "wanted", "allowed"), _status_code_label),
    "reply_not_changeable": dict.fromkeys(("state", "allowed"), _reply_state_code_label),
}


def _worded_list(value: object, label: Callable[[str], str]) -> str:
    """ "acknowledged, dismissed" as the officer's words; unknown values stay as they are."""
    words = []
    for code in str(value).split(", "):
        try:
            words.append(label(code))
        except ValueError:
            words.append(code)
    return ", ".join(words)


def sync_state_text(state: SyncState | str) -> str:
    """An account's sync state, worded the same in every place that shows it."""
    try:
        known = SyncState(state)
    except ValueError:
        known = SyncState.ERROR
    return translate("SyncState", DESCRIPTIONS[known])


def platform_words(words: str) -> str:
    """A platform's own words (often English), labelled as theirs, never as ours."""
    return translate("Labels", "The platform said: %1").replace("%1", words)


def problem_text(reason: SendReason | str | None, platform_message: str | None) -> str:
    """Why something failed, explained, then the platform's own words if it gave any."""
    parts = [reason_text(reason)] if reason else []
    if platform_message:
        parts.append(platform_words(platform_message))
    return " ".join(parts)


def reason_text(code: SendReason | str | None) -> str:
    """Why a reply waits or failed; empty when no reason is stored."""
    reason = parse_reason(code)
    return "" if reason is None else translate("SendReason", EXPLANATIONS[reason])


# --- the domain's values -------------------------------------------------------


def status_label(status: Status) -> str:
    labels = {
        Status.NEW: translate("Labels", "New"),
        Status.ACKNOWLEDGED: translate("Labels", "Acknowledged"),
        Status.IN_PROGRESS: translate("Labels", "In progress"),
        Status.RESOLVED: translate("Labels", "Resolved"),
        Status.DISMISSED: translate("Labels", "Dismissed"),
    }
    return labels[Status(status)]


def channel_label(channel: Channel) -> str:
    """Platform names are not translated; they are proper names."""
    names = {
        Channel.INSTAGRAM: "Instagram",
        Channel.FACEBOOK: "Facebook",
        Channel.X: "X",
        Channel.YOUTUBE: "YouTube",
        Channel.TELEGRAM: "Telegram",
        Channel.TIKTOK: "TikTok",
        Channel.WHATSAPP: "WhatsApp",
    }
    return names[Channel(channel)]


def reply_state_label(state: ReplyState | None) -> str:
    if state is None:
        return ""
    labels = {
        ReplyState.QUEUED: translate("Labels", "queued"),
        ReplyState.SENDING: translate("Labels", "sending"),
        ReplyState.UNCERTAIN: translate("Labels", "checking"),
        ReplyState.SENT: translate("Labels", "sent"),
        ReplyState.FAILED: translate("Labels", "failed"),
        ReplyState.CANCELLED: translate("Labels", "cancelled"),
    }
    return labels[ReplyState(state)]


def urgency_label(urgency: Urgency) -> str:
    labels = {
        Urgency.NONE: translate("Labels", "No deadline"),
        Urgency.ON_TIME: translate("Labels", "On time"),
        Urgency.WARNING: translate("Labels", "Due soon"),
        Urgency.OVERDUE: translate("Labels", "Overdue"),
        Urgency.VIRAL: translate("Labels", "VIRAL RISK"),
    }
    return labels[urgency]


# --- durations, in words -----------------------------------------------------------


def _days(count: int) -> str:
    if count == 1:
        return translate("Duration", "1 day")
    return translate("Duration", "%1 days").replace("%1", str(count))


def _hours(count: int) -> str:
    if count == 1:
        return translate("Duration", "1 hour")
    return translate("Duration", "%1 hours").replace("%1", str(count))


def _minutes(count: int) -> str:
    if count == 1:
        return translate("Duration", "1 minute")
    return translate("Duration", "%1 minutes").replace("%1", str(count))


def duration_text(value: timedelta, *, compact: bool = False) -> str:
    """``abs(value)`` in words, its two largest units cut to whole minutes: "8 days 9 hours".

    ``compact`` (the queue's narrow pill) keeps only the largest unit, cut:
    "2 days", "9 hours", "45 minutes"; the cell's tooltip gives the exact due time.
    """
    minutes = abs(value) // timedelta(minutes=1)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{_days(days)} {_hours(hours)}" if hours and not compact else _days(days)
    if hours:
        return f"{_hours(hours)} {_minutes(mins)}" if mins and not compact else _hours(hours)
    return _minutes(mins)


def remaining_text(value: timedelta, *, compact: bool = False) -> str:
    """ "3 hours left" / "2 days overdue" (zero counts as overdue)."""
    amount = duration_text(value, compact=compact)
    if value > timedelta(0):
        return translate("Labels", "%1 left").replace("%1", amount)
    return translate("Labels", "%1 overdue").replace("%1", amount)


def countdown_text(value: Countdown, *, compact: bool = True) -> str:
    """ "5 hours left", "2 days overdue", "VIRAL RISK", or a dash when nothing is due."""
    if value.remaining is None:
        return "—"
    if value.urgency is Urgency.VIRAL:
        return urgency_label(Urgency.VIRAL)
    return remaining_text(value.remaining, compact=compact)
