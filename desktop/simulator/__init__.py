"""A local fake of the platforms' APIs for the demo and the tests.

``Simulator`` serves Instagram and Facebook (Graph API, ``/graph/v21.0``),
X (``/x``), YouTube (``/youtube``), Telegram (``/telegram``) and TikTok
(``/tiktok``) on 127.0.0.1, in each platform's wire format, from the sample
data; it accepts replies, shows them on read-back, and injects faults
(``Fault``) on request. ``run_forever`` is the ``aduan-desk simulator``
command.
"""

from desktop.simulator.accounts import connect_accounts
from desktop.simulator.faults import FAULT_KINDS, Fault
from desktop.simulator.server import Simulator, run_forever
from desktop.simulator.state import AcceptedReply

__all__ = ["FAULT_KINDS", "AcceptedReply", "Fault", "Simulator", "connect_accounts", "run_forever"]
