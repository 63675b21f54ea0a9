"""A local fake of the platforms' APIs for the demo and the tests.

``Simulator`` serves Instagram and Facebook (Graph API, ``/graph/v21.0``),
X (``/x``), YouTube (``/youtube``), Telegram (``/telegram``) and TikTok
(``/tiktok``) on 127.0.0.1, in each platform's wire format, from the sample
data; it accepts replies, shows them on read-back, and injects faults
(``Fault``) on request. ``run_forever`` is the ``aduan-desk simulator``
command.

``Simulator(strict=True)`` holds clients to what the platforms promise and
no more: pages of 1-3 items whatever was asked, the item before each page
boundary repeated, our own comments known only by each platform's
documented marker (TikTok's ``owner`` flag, with a user id of their own),
Telegram updates kept 24 hours. ``add_posts`` makes a large account,
``add_dm`` a Messenger or Instagram Direct message; ``requests`` counts what
each platform served.
"""

from desktop.simulator.accounts import connect_accounts
from desktop.simulator.faults import FAULT_KINDS, Fault
from desktop.simulator.server import Simulator, run_forever
from desktop.simulator.state import AcceptedReply

__all__ = ["FAULT_KINDS", "AcceptedReply", "Fault", "Simulator", "connect_accounts", "run_forever"]
