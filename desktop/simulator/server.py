"""The simulator: one HTTP server on 127.0.0.1, one prefix per platform.

Each prefix stands for the root of that platform's API host, so an adapter's
``api_base`` is ``{url}{prefix}``. A request is routed to its platform,
delayed or refused by a matching injected fault, checked for auth, handled,
and possibly damaged on the way out (see ``faults``). ``stop`` ends open
connections and waits for every handler thread. ``run_forever`` is the
``aduan-desk simulator`` command.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from types import TracebackType

from desktop.core.model import Channel
from desktop.simulator import faults as fk
from desktop.simulator.build import SERVED, Inbound, build_world
from desktop.simulator.bulk import PostedComment, add_posts
from desktop.simulator.control import PREFIX as CONTROL_PREFIX
from desktop.simulator.control import control
from desktop.simulator.faults import Fault, FaultBook
from desktop.simulator.ids import IdMaker
from desktop.simulator.meta import PREFIX as META_PREFIX
from desktop.simulator.meta import MetaApi
from desktop.simulator.oauth import OAuthBook
from desktop.simulator.request_token import swap_token, token_of
from desktop.simulator.state import AcceptedReply
from desktop.simulator.telegram import TelegramApi, bot_token
from desktop.simulator.tiktok import TikTokApi
from desktop.simulator.transport import Handler, SimServer
from desktop.simulator.wire import Platform, Request, Response, parse_query, query_pairs
from desktop.simulator.x import XApi
from desktop.simulator.youtube import YouTubeApi

HOST = "127.0.0.1"


class Simulator:
    """A local fake of the platforms' APIs; use as a context manager or start()/stop()."""

    def __init__(
        self,
        *,
        port: int = 0,
        count: int = 200,
        seed: int = 1,
        now: datetime | None = None,
        token: str = "sim-token",
        strict: bool = False,
    ) -> None:
        self.port, self.token = port, token
        self.world = build_world(count=count, seed=seed, now=now or datetime.now(UTC))
        self.world.strict = strict  # short pages, repeats at page boundaries (``World.cut``)
        ids = {channel: IdMaker(board) for channel, board in self.world.boards.items()}
        self._ids = ids
        self.requests: Counter[Channel] = Counter()  # requests served, per platform
        self._inbound = Inbound(self.world, ids, seed)
        self._faults = FaultBook()
        meta = MetaApi(self.world, token, ids)
        self._meta = meta
        self._platforms: dict[str, Platform] = {
            api.prefix: api
            for api in (
                meta,
                XApi(self.world, token, ids),
                YouTubeApi(self.world, token, ids),
                TelegramApi(self.world, token, ids),
                TikTokApi(self.world, token, ids),
            )
        }
        self._bases = {
            Channel.INSTAGRAM: meta.prefix,
            Channel.FACEBOOK: meta.prefix,
            Channel.X: "/x",
            Channel.YOUTUBE: "/youtube",
            Channel.TELEGRAM: "/telegram",
            Channel.TIKTOK: "/tiktok",
        }
        self._server: SimServer | None = None
        self._thread: threading.Thread | None = None
        self.oauth = OAuthBook(self)

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = self.url if self._server else "stopped"
        return f"<Simulator {state}>"

    # -- life --------------------------------------------------------------------

    def start(self) -> Simulator:
        if self._server is not None:
            raise RuntimeError("the simulator is already running")
        self.world.stopping.clear()
        secrets = [self.token, *(self.token_for(c) for c in SERVED)]
        server = SimServer((HOST, self.port), self.serve, self.world.clock, secrets)
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="simulator",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self.world.stopping.set()
        self.world.wake_all()
        server.shutdown()
        thread.join()
        server.close_connections()
        server.server_close()  # waits for the handler threads
        self._server = self._thread = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the simulator is not running; call start() first")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- accounts ------------------------------------------------------------------

    def api_base(self, channel: Channel) -> str:
        if channel not in self._bases:
            raise ValueError(f"the simulator does not serve {channel.value} (webhook only)")
        return f"{self.url}{self._bases[channel]}"

    def params(self, channel: Channel) -> dict[str, str]:
        """The account parameters an adapter needs for our sample account there."""
        if channel not in SERVED:
            raise ValueError(f"the simulator does not serve {channel.value} (webhook only)")
        account = self.world.board(channel).account
        own = account.platform_user_id
        extra = {
            Channel.INSTAGRAM: {"ig_user_id": own, "username": account.name},
            Channel.FACEBOOK: {"page_id": own},
            Channel.X: {"user_id": own},
            Channel.YOUTUBE: {"channel_id": own},
            Channel.TELEGRAM: {},
            Channel.TIKTOK: {"business_id": own, "recent_posts": "20"},
        }[channel]
        return {**extra, "own_user_id": own}

    def token_for(self, channel: Channel) -> str:
        """The token an account must use: Telegram's names the bot (``<bot id>:<token>``)."""
        if channel is Channel.TELEGRAM:
            return bot_token(self.world.board(channel).account.platform_user_id, self.token)
        return self.token

    def describe(self) -> dict[str, object]:
        accounts = {
            c.value: {
                "name": self.world.board(c).account.name,
                "api_base": self.api_base(c),
                "params": self.params(c),
                "token": self.token_for(c),
            }
            for c in SERVED
        }
        return {"url": self.url, "token": self.token, "accounts": accounts}

    # -- content and faults ----------------------------------------------------------

    def add_inbound(self, channel: Channel, count: int = 1) -> list[str]:
        """New citizens' messages (new complaints and follow-ups) at the simulated now."""
        if channel not in SERVED:
            raise ValueError(f"the simulator does not serve {channel.value} (webhook only)")
        return [msg.id for msg in self._inbound.add(channel, count)]

    def add_dm(self, channel: Channel, person: str, name: str, text: str, *, age: timedelta) -> str:
        """A citizen's direct message to the Page (Messenger) or Instagram, ``age`` ago."""
        if channel not in (Channel.FACEBOOK, Channel.INSTAGRAM):
            raise ValueError("direct messages are modelled on Facebook and Instagram only")
        with self.world.lock:
            when = self.world.clock.now() - age
            return self._meta.dms.add(channel, person, name, text, when).id

    def add_posts(
        self, channel: Channel, count: int, *, span: timedelta, every: int = 1
    ) -> list[PostedComment]:
        """``count`` posts over the last ``span``, a citizen's comment on every ``every``-th."""
        return add_posts(self.world, self._ids[channel], channel, count, span=span, every=every)

    def accepted_replies(self) -> list[AcceptedReply]:
        return self.world.accepted()

    def inject(self, fault: Fault) -> None:
        self._faults.add(fault)

    def clear_faults(self) -> None:
        self._faults.clear()

    def pending_faults(self) -> list[Fault]:
        return self._faults.pending()

    # -- one request (called on a handler thread) -----------------------------------------

    def serve(self, handler: Handler, method: str) -> None:
        raw_path, _, raw_query = handler.path.partition("?")
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length > 0 else b""
        headers = {k.lower(): v for k, v in handler.headers.items()}
        if raw_path == CONTROL_PREFIX or raw_path.startswith(CONTROL_PREFIX + "/"):
            rel = raw_path[len(CONTROL_PREFIX) :]
            req = Request(method, rel, parse_query(raw_query), headers, body, self.url)
            handler.send(control(self, req))
            return
        if self._sign_in(handler, method, raw_path, raw_query, headers, body):
            return
        prefix = _graph_version(raw_path)
        if prefix is None:
            prefix = next((p for p in self._platforms if raw_path.startswith(p + "/")), None)
        if prefix is None and raw_path.startswith("/graph/"):
            handler.send(_graph_unknown_version(raw_path))
            return
        if prefix is None:
            handler.send(Response.json({"error": f"no platform is served at {raw_path}"}, 404))
            return
        platform = self._platforms[prefix if prefix in self._platforms else META_PREFIX]
        host = headers.get("host", f"{HOST}:{self.port}")
        req = Request(
            method,
            raw_path[len(prefix) :],
            parse_query(raw_query),
            headers,
            body,
            f"http://{host}{prefix}",
            query_pairs(raw_query),
        )
        channel = platform.channel_of(req)
        with self.world.lock:
            self.requests[channel] += 1
        delay, fault = self._faults.take(channel, method, applies=platform.fault_kinds(req))
        if delay > 0 and self.world.stopping.wait(delay):
            handler.drop()
            return
        if fault is not None and fault.kind == fk.DROP:
            handler.drop()
        elif fault is not None and fault.kind in fk.BEFORE_KINDS:
            handler.send(platform.fault(fault, req))
        else:
            issued = self.oauth.check(channel, token_of(req))
            if issued is False:  # a token we issued, now expired or revoked
                handler.send(platform.fault(Fault(fk.EXPIRED_TOKEN, channel), req))
                return
            if issued:
                req = swap_token(req, token_of(req) or "", self.token)
            answer = platform.check_auth(req) or (
                self.oauth.discovery(raw_path, req) or platform.handle(req)
            )
            if fault is None:
                handler.send(answer)
            elif fault.kind == fk.TRUNCATE:
                handler.send_truncated(answer, full_length=fault.flag("content_length"))
            elif fault.kind == fk.MALFORMED:
                handler.send(Response(200, answer.body[:-1] + b",}", answer.content_type))
            else:  # accept_then_drop: handled (and stored), but no answer
                handler.drop()

    def _sign_in(
        self,
        handler: Handler,
        method: str,
        raw_path: str,
        raw_query: str,
        headers: dict[str, str],
        body: bytes,
    ) -> bool:
        """Serve an authorize page or a token endpoint (True), with its injected fault."""
        req = Request(
            method,
            raw_path,
            parse_query(raw_query),
            headers,
            body,
            self.url,
            query_pairs(raw_query),
        )
        answer = self.oauth.handle(raw_path, req)
        if answer is None:
            return False
        fault = self.oauth.token_fault if self.oauth.is_token_path(raw_path) else None
        if fault == "down" or (
            fault == "slow" and self.world.stopping.wait(self.oauth.slow_seconds)
        ):
            handler.drop()
        elif fault == "garbage":
            handler.send(Response.html("<html><body>Service temporarily unavailable", 200))
        elif fault == "error":
            handler.send(Response.html("<html><body><h1>500</h1></body></html>", 500))
        else:
            handler.send(answer)
        return True


_GRAPH = re.compile(r"^/graph/v\d{1,2}\.\d(?=/)")


def _graph_version(raw_path: str) -> str | None:
    """The Graph prefix as addressed: any version is served as the simulator's one."""
    found = _GRAPH.match(raw_path)
    return found.group(0) if found else None


def _graph_unknown_version(raw_path: str) -> Response:
    """Graph's answer to a path that names no API version it knows."""
    version = raw_path.split("/")[2] if raw_path.count("/") >= 2 else ""
    error = {
        "message": f"Unknown path components: /{version}",
        "type": "OAuthException",
        "code": 2500,
        "fbtrace_id": "AsimUnknownPathTrace",
    }
    return Response.json({"error": error}, 400)


def describe(sim: Simulator) -> str:
    """What a person needs to point accounts at the simulator."""
    lines = [f"Aduan Desk simulator on {sim.url}", ""]
    for channel in SERVED:
        params = " ".join(f"--param {k}={v}" for k, v in sim.params(channel).items())
        lines.append(
            f"  {channel.value:<10} {sim.api_base(channel)}  token: {sim.token_for(channel)}"
        )
        lines.append(
            f"    echo {sim.token_for(channel)} | aduan-desk account add {channel.value} NAME "
            f"--api-base {sim.api_base(channel)} {params}"
        )
    lines += ["", "To connect accounts by signing in (account connect), add to the unit profile:"]
    lines += ["", sim.oauth.profile_toml()]
    lines += ["", f"Faults and new messages: {sim.url}/_sim/ (see desktop/simulator/control.py)"]
    lines.append("Press Ctrl+C to stop.")
    return "\n".join(lines)


def run_forever(port: int, count: int, seed: int) -> None:
    """Serve on 127.0.0.1:``port`` (0: any free port) until interrupted (Ctrl+C)."""
    try:
        with Simulator(port=port, count=count, seed=seed) as sim:
            print(describe(sim), flush=True)
            threading.Event().wait()
    except KeyboardInterrupt:
        print("Simulator stopped.", flush=True)
