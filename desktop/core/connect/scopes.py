"""Which granted scopes an account lacks, named by what the desk then cannot do.

The window and the command line translate ``Ability`` (e.g. X without
``tweet.write``: *cannot reply*); core only names the ability and the scope.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.model import Channel
from desktop.core.words import QT_TRANSLATE_NOOP


class Ability(enum.StrEnum):
    READ = "read"  # read comments and mentions
    REPLY = "reply"  # post replies
    RENEW = "renew"  # stay connected without signing in again (refresh token)
    DIRECT_MESSAGES = "direct_messages"


# What the officer reads about a missing scope (context "Scope" in the catalogue).
ABILITY_WORDS: Mapping[Ability, str] = {
    Ability.READ: QT_TRANSLATE_NOOP("Scope", "cannot read comments and messages"),
    Ability.REPLY: QT_TRANSLATE_NOOP("Scope", "cannot reply"),
    Ability.RENEW: QT_TRANSLATE_NOOP(
        "Scope", "cannot stay connected: it must be connected again every few hours"
    ),
    Ability.DIRECT_MESSAGES: QT_TRANSLATE_NOOP("Scope", "cannot read or answer direct messages"),
}

# For each platform: the scope each ability needs (any one of the listed ones).
NEEDED: Mapping[Channel, Mapping[Ability, tuple[str, ...]]] = {
    Channel.X: {
        Ability.READ: ("tweet.read",),
        Ability.REPLY: ("tweet.write",),
        Ability.RENEW: ("offline.access",),
    },
    Channel.YOUTUBE: {
        Ability.READ: (
            "https://www.googleapis.com/auth/youtube.force-ssl",
            "https://www.googleapis.com/auth/youtube.readonly",
        ),
        Ability.REPLY: ("https://www.googleapis.com/auth/youtube.force-ssl",),
    },
    Channel.TIKTOK: {
        Ability.READ: ("comment.list", "video.list"),
        Ability.REPLY: ("comment.list.manage",),
    },
    Channel.FACEBOOK: {
        Ability.READ: ("pages_read_engagement", "pages_read_user_content"),
        Ability.REPLY: ("pages_manage_engagement",),
        Ability.DIRECT_MESSAGES: ("pages_messaging",),
    },
    Channel.INSTAGRAM: {
        Ability.READ: ("instagram_basic",),
        Ability.REPLY: ("instagram_manage_comments",),
        Ability.DIRECT_MESSAGES: ("instagram_manage_messages",),
    },
    Channel.TELEGRAM: {},
}


@dataclass(frozen=True, slots=True)
class MissingScope:
    ability: Ability
    scope: str  # the first scope that would give it


def missing_scopes(channel: Channel, granted: frozenset[str]) -> list[MissingScope]:
    """What the account cannot do with ``granted``; empty when nothing is known to lack.

    An empty ``granted`` (a token pasted by hand, a Page token) says nothing
    about scopes, so nothing is reported missing.
    """
    if not granted:
        return []
    return [
        MissingScope(ability, scopes[0])
        for ability, scopes in NEEDED.get(channel, {}).items()
        if not granted.intersection(scopes)
    ]
