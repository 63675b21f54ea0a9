"""Telegram Bot API against the simulator over loopback."""

from __future__ import annotations

import threading
import time

import requests

from desktop.core.model import Channel
from desktop.simulator import Simulator
from tests.simulator.helpers import TOKEN, account_id, expected_items


def bot(sim: Simulator) -> str:
    return f"{sim.api_base(Channel.TELEGRAM)}/bot{sim.token_for(Channel.TELEGRAM)}"


def updates(http: requests.Session, sim: Simulator, **query: int) -> list[dict[str, object]]:
    answer = http.get(f"{bot(sim)}/getUpdates", params=query)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["ok"] is True
    result = body["result"]
    assert isinstance(result, list)
    return result


def test_updates_carry_every_citizen_message_in_order(
    sim: Simulator, http: requests.Session
) -> None:
    found = updates(http, sim)
    ids = [u["update_id"] for u in found]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    said = [i for i in expected_items()[Channel.TELEGRAM] if not i.outbound]
    messages = [u["message"] for u in found]
    assert {str(m["message_id"]) for m in messages} == {i.platform_id for i in said}
    dates = [m["date"] for m in messages]
    assert all(isinstance(d, int) for d in dates)
    assert dates == sorted(dates)
    for message in messages:
        assert message["chat"]["type"] == "private"
        assert message["chat"]["id"] == message["from"]["id"]
        assert message["from"]["is_bot"] is False
    bot_id = int(account_id(Channel.TELEGRAM))
    answers = [m for m in messages if "reply_to_message" in m]
    assert all(m["reply_to_message"]["from"]["id"] == bot_id for m in answers)


def test_offset_acknowledges_and_forgets(sim: Simulator, http: requests.Session) -> None:
    first = updates(http, sim, limit=5)
    assert updates(http, sim, limit=5) == first  # not acknowledged yet: same again
    last = int(first[-1]["update_id"])
    after = updates(http, sim, offset=last + 1, limit=5)
    assert int(after[0]["update_id"]) > last
    again = updates(http, sim, offset=int(first[0]["update_id"]), limit=5)
    assert again == after  # the acknowledged ones are gone for good
    newest = updates(http, sim, offset=-1)
    assert len(newest) == 1
    assert updates(http, sim) == newest


def test_long_poll_wakes_when_a_message_arrives(sim: Simulator, http: requests.Session) -> None:
    everything = updates(http, sim)
    offset = int(everything[-1]["update_id"]) + 1
    timer = threading.Timer(0.3, sim.add_inbound, args=(Channel.TELEGRAM, 1))
    started = time.monotonic()
    timer.start()
    try:
        woken = updates(http, sim, offset=offset, timeout=10)
    finally:
        timer.join()
    assert time.monotonic() - started < 5
    assert len(woken) == 1
    assert woken[0]["update_id"] >= offset


def test_a_second_poller_ends_the_first_with_409(sim: Simulator) -> None:
    everything_done = threading.Event()
    answers: list[requests.Response] = []

    def first_poller() -> None:
        with requests.Session() as session:
            last = session.get(f"{bot(sim)}/getUpdates").json()["result"][-1]["update_id"]
            everything_done.set()
            answers.append(
                session.get(f"{bot(sim)}/getUpdates", params={"offset": last + 1, "timeout": 10})
            )

    worker = threading.Thread(target=first_poller)
    worker.start()
    assert everything_done.wait(5)
    time.sleep(0.3)  # let the first poll start waiting
    with requests.Session() as other:
        other.get(f"{bot(sim)}/getUpdates", params={"timeout": 0})
    worker.join(10)
    assert answers[0].status_code == 409
    assert answers[0].json()["description"].startswith("Conflict: terminated by other getUpdates")


def test_send_message_replies_in_the_chat(sim: Simulator, http: requests.Session) -> None:
    message = updates(http, sim)[0]["message"]
    chat, replied = message["chat"]["id"], message["message_id"]
    body = {
        "chat_id": chat,
        "text": "Baik, kami cek ke lokasi.",
        "reply_parameters": {"message_id": replied},
    }
    answer = http.post(f"{bot(sim)}/sendMessage", json=body)
    assert answer.status_code == 200, answer.text
    sent = answer.json()["result"]
    assert sent["from"]["is_bot"] is True
    assert sent["from"]["id"] == int(account_id(Channel.TELEGRAM))
    assert sent["chat"]["id"] == chat
    assert sent["reply_to_message"]["message_id"] == replied
    assert isinstance(sent["date"], int)
    accepted = sim.accepted_replies()
    assert [(a.thread_id, a.parent_id, a.platform_id) for a in accepted] == [
        (str(chat), f"{chat}:{replied}", f"{chat}:{sent['message_id']}")
    ]
    own = [u for u in updates(http, sim) if u["message"]["message_id"] == sent["message_id"]]
    assert own == []  # a bot never receives its own messages


def test_send_message_errors(sim: Simulator, http: requests.Session) -> None:
    chat = updates(http, sim)[0]["message"]["chat"]["id"]
    cases = [
        ({"chat_id": 1, "text": "x"}, "Bad Request: chat not found"),
        ({"chat_id": chat, "text": ""}, "Bad Request: message text is empty"),
        ({"chat_id": chat, "text": "x" * 4097}, "Bad Request: message is too long"),
        (
            {"chat_id": chat, "text": "x", "reply_parameters": {"message_id": 1}},
            "Bad Request: message to be replied not found",
        ),
    ]
    for body, description in cases:
        answer = http.post(f"{bot(sim)}/sendMessage", json=body)
        assert answer.status_code == 400
        assert answer.json() == {"ok": False, "error_code": 400, "description": description}
    assert sim.accepted_replies() == []


def test_tokens(sim: Simulator, http: requests.Session) -> None:
    base = sim.api_base(Channel.TELEGRAM)
    assert sim.token_for(Channel.TELEGRAM) == f"{account_id(Channel.TELEGRAM)}:{TOKEN}"
    wrong = http.get(f"{base}/bot123:nope/getMe")
    assert wrong.status_code == 401
    assert wrong.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    assert http.get(f"{base}/bot{TOKEN}/getMe").json()["result"]["is_bot"] is True
    assert http.get(f"{bot(sim)}/noSuchMethod").json()["error_code"] == 404
