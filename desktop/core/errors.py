"""Errors an officer can act on: a code, its values, and its English source text.

Anything raised as a :class:`UserError` is an expected condition (a full disk,
an unknown id, a locked keyring): the command line prints its one-line
message and exits 1, the window shows it calmly. Anything else is a bug.

The core words nothing for the officer: ``desktop.i18n.error_text`` translates
the code's text (context ``UserError`` in ``translations/aduan_*.ts``) and
fills in the values. ``english()`` is for logs and crash reports.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.words import QT_TRANSLATE_NOOP

CONTEXT = "UserError"  # the catalogue's context of every text below

# code -> English source. Templates use str.format fields, filled by the caller's language.
MESSAGES: Mapping[str, str] = {
    "unknown_complaint": QT_TRANSLATE_NOOP(
        "UserError",
        "Complaint #{id} not found.",
    ),
    "illegal_transition": QT_TRANSLATE_NOOP(
        "UserError",
        "Cannot change status from {current} to {wanted} (allowed: {allowed}).",
    ),
    "unknown_status": QT_TRANSLATE_NOOP(
        "UserError",
        "Unknown status '{value}' (choices: {choices}).",
    ),
    "empty_text": QT_TRANSLATE_NOOP(
        "UserError",
        "The text must not be empty.",
    ),
    "text_too_long": QT_TRANSLATE_NOOP(
        "UserError",
        "Text too long for {channel}: {length} characters, at most {limit}.",
    ),
    "unknown_template": QT_TRANSLATE_NOOP(
        "UserError",
        "No template named '{name}' (choices: {choices}).",
    ),
    "corrupt_database": QT_TRANSLATE_NOOP(
        "UserError",
        "The database file {path} is damaged: {detail}. Restore a backup from {backups}.",
    ),
    "not_a_database": QT_TRANSLATE_NOOP(
        "UserError",
        "The file {path} is not an Aduan Desk database, or the key is wrong.",
    ),
    "unencrypted_database": QT_TRANSLATE_NOOP(
        "UserError",
        "The file {path} is an unencrypted SQLite database, not Aduan Desk's.",
    ),
    "missing_key": QT_TRANSLATE_NOOP(
        "UserError",
        "The key of database {path} is not in this account's keyring. "
        "Open it with the OS account that created it, or restore the key.",
    ),
    "newer_schema": QT_TRANSLATE_NOOP(
        "UserError",
        "The database was written by a newer Aduan Desk (schema {found}). "
        "Install the newer version; the data was not changed.",
    ),
    "migration_failed": QT_TRANSLATE_NOOP(
        "UserError",
        "The database upgrade failed ({detail}); the previous file was restored from backup.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "UserError",
        "The disk is full: the last change was not saved. Free some space and try again.",
    ),
    "database_busy": QT_TRANSLATE_NOOP(
        "UserError",
        "The database is held by another process for too long. Try again shortly.",
    ),
    "database_readonly": QT_TRANSLATE_NOOP(
        "UserError",
        "The database cannot be written: {detail}.",
    ),
    "keyring_insecure": QT_TRANSLATE_NOOP(
        "UserError",
        "The OS keyring is not secure: {detail}",
    ),
    "keyring_unavailable": QT_TRANSLATE_NOOP(
        "UserError",
        "The OS keyring is unavailable: {detail}",
    ),
    "unknown_account": QT_TRANSLATE_NOOP(
        "UserError",
        "Account #{id} not found.",
    ),
    "account_exists": QT_TRANSLATE_NOOP(
        "UserError",
        "The {channel} account '{name}' is already registered.",
    ),
    # Connecting an account (desktop.core.connect.errors.user_error): the window and the
    # command line say the same; {platform} is a proper name, the platform's own words
    # (``said``) follow on their own line.
    "consent_denied": QT_TRANSLATE_NOOP(
        "UserError",
        "Access was not given on {platform}'s page. Nothing was changed; connect again "
        "and approve Aduan Desk there to sign in once more.",
    ),
    "wrong_state": QT_TRANSLATE_NOOP(
        "UserError",
        "The browser came back with a sign-in this program did not start; it was ignored. "
        "Nothing was changed; connect again.",
    ),
    "connect_timeout": QT_TRANSLATE_NOOP(
        "UserError",
        "The browser did not come back in time. Nothing was changed; connect again and "
        "approve on {platform}'s page.",
    ),
    "connect_cancelled": QT_TRANSLATE_NOOP(
        "UserError",
        "Connecting {platform} was cancelled. Nothing was changed.",
    ),
    "token_endpoint": QT_TRANSLATE_NOOP(
        "UserError",
        "{platform}'s sign-in service did not answer properly. Nothing was changed; "
        "try again in a moment.",
    ),
    "grant_refused": QT_TRANSLATE_NOOP(
        "UserError",
        "{platform} refused the sign-in (it was used or has expired). Nothing was changed; "
        "connect again.",
    ),
    "wrong_account": QT_TRANSLATE_NOOP(
        "UserError",
        "You signed in to another {platform} account than the one being connected. "
        "Nothing was changed; sign in with the unit's account.",
    ),
    "app_not_configured": QT_TRANSLATE_NOOP(
        "UserError",
        "The unit profile has no app settings for {platform} yet. Ask the unit's IT to "
        "add them (or to enter a token by hand).",
    ),
    "no_page": QT_TRANSLATE_NOOP(
        "UserError",
        "This Facebook login manages no Page that can be connected here. Nothing was "
        "changed; sign in with an account that manages the unit's Page.",
    ),
    "connect_token_refused": QT_TRANSLATE_NOOP(
        "UserError",
        "{platform} refused this token. Nothing was changed; copy the token from BotFather again.",
    ),
    "connect_unreachable": QT_TRANSLATE_NOOP(
        "UserError",
        "{platform} cannot be reached. Nothing was changed; check the connection and try again.",
    ),
    "connect_malformed": QT_TRANSLATE_NOOP(
        "UserError",
        "{platform} answered something unexpected. Nothing was changed; try again in a moment.",
    ),
    "connect_rate_limited": QT_TRANSLATE_NOOP(
        "UserError",
        "{platform} asks to wait before trying again. Nothing was changed; try again in a "
        "few minutes.",
    ),
    "connect_failed": QT_TRANSLATE_NOOP(
        "UserError",
        "Connecting {platform} did not finish. Nothing was changed.",
    ),
    "empty_token": QT_TRANSLATE_NOOP(
        "UserError",
        "Empty token: paste the account's access token on standard input.",
    ),
    "unknown_reply": QT_TRANSLATE_NOOP(
        "UserError",
        "Reply #{id} not found.",
    ),
    "reply_not_changeable": QT_TRANSLATE_NOOP(
        "UserError",
        "Reply #{id} is {state}; this is possible only when {allowed}.",
    ),
    "profile_invalid": QT_TRANSLATE_NOOP(
        "UserError",
        "The unit profile is not valid: {detail}",
    ),
    "unexpected": QT_TRANSLATE_NOOP(
        "UserError",
        "An unexpected error occurred; its report is in {report} — send it to IT staff.",
    ),
    "station_no_password": QT_TRANSLATE_NOOP(
        "UserError",
        "The station server {server} asks for a password, and none is stored in this "
        "PC's keyring. Ask the IT staff to store the station password.",
    ),
    "station_unreachable": QT_TRANSLATE_NOOP(
        "UserError",
        "The station server {server} cannot be reached ({detail}). Check the network "
        "cable or Wi-Fi, or ask the IT staff whether the server is on.",
    ),
    "conflict_settled": QT_TRANSLATE_NOOP(
        "UserError",
        "This action was already sent again or set aside.",
    ),
    "station_refused": QT_TRANSLATE_NOOP(
        "UserError",
        "The station server {server} refused the sign-in ({detail}). Ask the IT staff "
        "to check the station password and login.",
    ),
    "bad_option": QT_TRANSLATE_NOOP(
        "UserError",
        "Invalid value: {detail}",
    ),
    "bad_role_name": QT_TRANSLATE_NOOP(
        "UserError",
        "'{name}' cannot be a PostgreSQL login or database name here: use lower-case "
        "letters, digits and _ (at most 63, not starting with a digit).",
    ),
}


class UserError(Exception):
    """An expected failure with a message the officer can act on."""

    def __init__(self, code: str, **params: object) -> None:
        if code not in MESSAGES:
            raise KeyError(f"no message for error code {code!r}")
        self.code = code
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        """The source text with its values: for logs, never for the officer's screen."""
        return MESSAGES[self.code].format(**self.params)
