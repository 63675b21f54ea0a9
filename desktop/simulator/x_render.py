"""X API v2 objects: tweets, users, DM events, and the checks on their parameters.

Only ``id``, ``text`` and ``edit_history_tweet_ids`` come by default; other
fields appear when ``tweet.fields`` / ``user.fields`` / ``dm_event.fields``
ask for them, as on X. Unknown field or expansion names are refused (400).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop.simulator.state import Board, Msg
from desktop.simulator.wire import Response, x_time


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TWEET_FIELDS = _words("""
    attachments author_id card_uri context_annotations conversation_id created_at display_text_range
    edit_controls edit_history_tweet_ids entities geo id in_reply_to_user_id lang
    non_public_metrics note_tweet organic_metrics possibly_sensitive promoted_metrics
    public_metrics referenced_tweets reply_settings scopes source text withheld
""")
USER_FIELDS = _words("""
    affiliation connection_status created_at description entities id location most_recent_tweet_id
    name pinned_tweet_id profile_banner_url profile_image_url protected public_metrics
    receives_your_dm subscription_type url username verified verified_type withheld
""")
DM_FIELDS = _words("""
    id text event_type created_at dm_conversation_id sender_id participant_ids
    referenced_tweets attachments
""")
TWEET_EXPANSIONS = frozenset({
    "author_id", "in_reply_to_user_id", "referenced_tweets.id", "referenced_tweets.id.author_id",
    "entities.mentions.username", "attachments.media_keys", "attachments.poll_ids", "geo.place_id",
    "edit_history_tweet_ids",
})  # fmt: skip
DM_EXPANSIONS = frozenset(
    {"sender_id", "participant_ids", "referenced_tweets.id", "attachments.media_keys"}
)
_MENTION = re.compile(r"(?<![\w@])@(\w{1,15})")
_URL = re.compile(r"https?://\S+")
_NARROW = ((0, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))


class ParamError(ValueError):
    """A query parameter X would refuse: (parameter name, its value, message)."""

    def __init__(self, name: str, value: str, message: str) -> None:
        super().__init__(message)
        self.name, self.value = name, value


def names(params: Mapping[str, str], key: str, allowed: frozenset[str]) -> set[str]:
    raw = params.get(key, "")
    found = {n.strip() for n in raw.split(",") if n.strip()}
    for name in sorted(found - allowed):
        raise ParamError(
            key,
            raw,
            f"The `{key}` query parameter value [{name}] is not one of "
            f"[{','.join(sorted(allowed))}]",
        )
    return found


def check_known(params: Mapping[str, str], allowed: Iterable[str]) -> None:
    known = set(allowed)
    for key in params:
        if key not in known:
            raise ParamError(
                key,
                params[key],
                f"The query parameter [{key}] is not one of [{','.join(sorted(known))}]",
            )


def number(params: Mapping[str, str], key: str, default: int, low: int, high: int) -> int:
    raw = params.get(key)
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ParamError(
            key, raw, f"The `{key}` query parameter value [{raw}] is not between {low} and {high}"
        )
    return int(raw)


def snowflake_param(params: Mapping[str, str], key: str) -> int | None:
    raw = params.get(key)
    if raw is None:
        return None
    if not raw.isdigit():
        raise ParamError(key, raw, f"The `{key}` query parameter value [{raw}] is not valid")
    return int(raw)


def weighted_length(text: str) -> int:
    """X's counting: a link is 23, most characters outside Latin ranges count 2."""
    size = 23 * len(_URL.findall(text))
    for char in _URL.sub("", text):
        size += 1 if any(lo <= ord(char) <= hi for lo, hi in _NARROW) else 2
    return size


def display_name(handle: str) -> str:
    words = [w for w in re.split(r"[_.\d]+", handle) if w]
    return " ".join(w.capitalize() for w in words) or handle


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    username: str


class Renderer:
    """Tweets and users of one board, with the fields one request asked for."""

    def __init__(self, board: Board, tweet_fields: set[str], user_fields: set[str]) -> None:
        self.board, self.tweet_fields, self.user_fields = board, tweet_fields, user_fields
        self._people: dict[str, str] | None = None

    def person(self, author_id: str) -> Person | None:
        if self._people is None:
            self._people = {m.author_id: m.author_name for m in self.board.log}
            account = self.board.account
            self._people[account.platform_user_id] = account.name
        name = self._people.get(author_id)
        return None if name is None else Person(author_id, name)

    def tweet(self, msg: Msg) -> dict[str, object]:
        wanted = self.tweet_fields
        parent = self.board.by_id.get(msg.parent or "")
        out: dict[str, object] = {
            "id": msg.id,
            "text": msg.text,
            "edit_history_tweet_ids": [msg.id],
        }
        values: dict[str, object] = {
            "created_at": x_time(msg.time),
            "author_id": msg.author_id,
            "conversation_id": msg.thread,
            "lang": "in",
            "possibly_sensitive": False,
            "reply_settings": "everyone",
            "public_metrics": {
                "retweet_count": 0,
                "reply_count": len(self._answers(msg)),
                "like_count": 0,
                "quote_count": 0,
                "bookmark_count": 0,
                "impression_count": 7,
            },
        }
        if parent is not None:
            values["in_reply_to_user_id"] = parent.author_id
            values["referenced_tweets"] = [{"type": "replied_to", "id": parent.id}]
        mentions = [
            {"start": m.start(), "end": m.end(), "username": m.group(1)}
            for m in _MENTION.finditer(msg.text)
        ]
        if mentions:
            values["entities"] = {"mentions": mentions}
        out.update({k: v for k, v in values.items() if k in wanted})
        return out

    def _answers(self, msg: Msg) -> list[Msg]:
        return [m for m in self.board.threads.get(msg.thread, []) if m.parent == msg.id]

    def user(self, person: Person) -> dict[str, object]:
        out: dict[str, object] = {
            "id": person.id,
            "name": display_name(person.username),
            "username": person.username,
        }
        extra: dict[str, object] = {
            "created_at": "2019-03-11T02:00:00.000Z",
            "description": "",
            "protected": False,
            "verified": person.id == self.board.account.platform_user_id,
            "profile_image_url": "https://pbs.twimg.com/profile_images/default_normal.png",
        }
        out.update({k: v for k, v in extra.items() if k in self.user_fields})
        return out

    def includes(
        self, tweets: Sequence[Msg], expansions: set[str], people: Iterable[str] = ()
    ) -> dict[str, object]:
        ids: list[str] = list(people)
        referenced: list[Msg] = []
        for msg in tweets:
            if "author_id" in expansions:
                ids.append(msg.author_id)
            parent = self.board.by_id.get(msg.parent or "")
            if parent is not None and "in_reply_to_user_id" in expansions:
                ids.append(parent.author_id)
            if parent is not None and "referenced_tweets.id" in expansions:
                referenced.append(parent)
        found = [self.person(i) for i in dict.fromkeys(ids)]
        out: dict[str, object] = {}
        if any(found):
            out["users"] = [self.user(p) for p in found if p is not None]
        if referenced:
            out["tweets"] = [self.tweet(m) for m in {m.id: m for m in referenced}.values()]
        return out


def problem(status: int, title: str, detail: str, kind: str = "about:blank") -> Response:
    """An X problem document."""
    return Response.json({"title": title, "detail": detail, "type": kind, "status": status}, status)


def invalid_request() -> Response:
    return problem(
        400,
        "Invalid Request",
        "One or more parameters to your request was invalid.",
        "https://api.twitter.com/2/problems/invalid-request",
    )


def not_found(detail: str) -> Response:
    kind = "https://api.twitter.com/2/problems/resource-not-found"
    return problem(404, "Not Found Error", detail, kind)


def param_problem(exc: ParamError) -> Response:
    doc = {
        "errors": [{"parameters": {exc.name: [exc.value]}, "message": str(exc)}],
        "title": "Invalid Request",
        "detail": "One or more parameters to your request was invalid.",
        "type": "https://api.twitter.com/2/problems/invalid-request",
    }
    return Response.json(doc, 400)


def search_term(term: str, own_name: str) -> Callable[[Msg], bool]:
    """One term of a recent-search query as a test on a tweet."""
    key, sep, value = term.partition(":")
    if term == "is:reply":
        return lambda m: m.parent is not None
    if term == "-is:reply":
        return lambda m: m.parent is None
    if term.startswith(("is:", "-is:")):  # no retweets or quotes here
        return lambda m: True
    if sep and key == "conversation_id":
        return lambda m: m.thread == value
    if sep and key == "from":
        return lambda m: value in (m.author_id, m.author_name) or (m.outbound and value == own_name)
    if sep and key == "in_reply_to_tweet_id":
        return lambda m: m.parent == value
    if sep and key == "to":
        return lambda m: f"@{value}".lower() in m.text.lower()
    return lambda m: term.lower() in m.text.lower()
