"""Errors an officer can act on, with their words in Indonesian and English.

Anything raised as a :class:`UserError` is an expected condition (a full disk,
an unknown id, a locked keyring): the command line prints its one-line
message and exits 1, the window shows it calmly. Anything else is a bug.
"""

from __future__ import annotations

from collections.abc import Mapping

# code -> (Indonesian, English). Templates use str.format fields.
MESSAGES: Mapping[str, tuple[str, str]] = {
    "unknown_complaint": (
        "Aduan #{id} tidak ditemukan.",
        "Complaint #{id} not found.",
    ),
    "illegal_transition": (
        "Status tidak bisa diubah dari {current} ke {wanted} (yang boleh: {allowed}).",
        "Cannot change status from {current} to {wanted} (allowed: {allowed}).",
    ),
    "unknown_status": (
        "Status '{value}' tidak dikenal (pilihan: {choices}).",
        "Unknown status '{value}' (choices: {choices}).",
    ),
    "empty_text": (
        "Teks tidak boleh kosong.",
        "The text must not be empty.",
    ),
    "text_too_long": (
        "Teks terlalu panjang untuk {channel}: {length} karakter, maksimal {limit}.",
        "Text too long for {channel}: {length} characters, at most {limit}.",
    ),
    "unknown_template": (
        "Templat '{name}' tidak ada (pilihan: {choices}).",
        "No template named '{name}' (choices: {choices}).",
    ),
    "corrupt_database": (
        "Berkas basis data {path} rusak: {detail}. Pulihkan dari cadangan di {backups}.",
        "The database file {path} is damaged: {detail}. Restore a backup from {backups}.",
    ),
    "not_a_database": (
        "Berkas {path} bukan basis data Aduan Desk, atau kuncinya salah.",
        "The file {path} is not an Aduan Desk database, or the key is wrong.",
    ),
    "unencrypted_database": (
        "Berkas {path} adalah basis data SQLite tanpa enkripsi, bukan milik Aduan Desk.",
        "The file {path} is an unencrypted SQLite database, not Aduan Desk's.",
    ),
    "missing_key": (
        "Kunci basis data {path} tidak ada di keyring akun ini. "
        "Buka dengan akun OS yang membuatnya, atau pulihkan kuncinya.",
        "The key of database {path} is not in this account's keyring. "
        "Open it with the OS account that created it, or restore the key.",
    ),
    "newer_schema": (
        "Basis data dibuat oleh versi Aduan Desk yang lebih baru (skema {found}). "
        "Pasang versi terbaru; data tidak diubah.",
        "The database was written by a newer Aduan Desk (schema {found}). "
        "Install the newer version; the data was not changed.",
    ),
    "migration_failed": (
        "Pembaruan basis data gagal ({detail}); berkas lama sudah dipulihkan dari cadangan.",
        "The database upgrade failed ({detail}); the previous file was restored from backup.",
    ),
    "disk_full": (
        "Disk penuh: perubahan terakhir tidak disimpan. Kosongkan ruang lalu coba lagi.",
        "The disk is full: the last change was not saved. Free some space and try again.",
    ),
    "database_busy": (
        "Basis data sedang dipakai proses lain terlalu lama. Coba lagi sebentar.",
        "The database is held by another process for too long. Try again shortly.",
    ),
    "database_readonly": (
        "Basis data tidak bisa ditulis: {detail}.",
        "The database cannot be written: {detail}.",
    ),
    "keyring_insecure": (
        "Keyring OS tidak aman: {detail}",
        "The OS keyring is not secure: {detail}",
    ),
    "keyring_unavailable": (
        "Keyring OS tidak bisa dipakai: {detail}",
        "The OS keyring is unavailable: {detail}",
    ),
    "unknown_account": (
        "Akun #{id} tidak ditemukan.",
        "Account #{id} not found.",
    ),
    "account_exists": (
        "Akun {channel} '{name}' sudah terdaftar.",
        "The {channel} account '{name}' is already registered.",
    ),
    "empty_token": (
        "Token kosong: tempelkan token akses akun lewat masukan standar.",
        "Empty token: paste the account's access token on standard input.",
    ),
    "unknown_reply": (
        "Balasan #{id} tidak ditemukan.",
        "Reply #{id} not found.",
    ),
    "reply_not_changeable": (
        "Balasan #{id} berstatus {state}; hanya bisa saat {allowed}.",
        "Reply #{id} is {state}; this is possible only when {allowed}.",
    ),
    "profile_invalid": (
        "Profil satuan tidak sah: {detail}",
        "The unit profile is not valid: {detail}",
    ),
    "unexpected": (
        "Terjadi kesalahan tak terduga; laporannya ada di {report} — kirimkan ke petugas IT.",
        "An unexpected error occurred; its report is in {report} — send it to IT staff.",
    ),
    "bad_option": (
        "Nilai tidak sah: {detail}",
        "Invalid value: {detail}",
    ),
}

LANGUAGES = ("id", "en")


class UserError(Exception):
    """An expected failure with a message the officer can act on."""

    def __init__(self, code: str, **params: object) -> None:
        if code not in MESSAGES:
            raise KeyError(f"no message for error code {code!r}")
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        indonesian, english = MESSAGES[self.code]
        template = english if lang == "en" else indonesian
        return template.format(**self.params)
