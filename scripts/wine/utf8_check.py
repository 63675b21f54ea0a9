"""Check a file the Windows program wrote: UTF-8, with characters beyond ASCII in it.

    python scripts/wine/utf8_check.py [--json | --any] FILE

--json  a JSON document holding characters cp1252 cannot encode (the sample's emoji)
--any   only UTF-8 (the text may be plain ASCII)
"""

import json
import sys
from pathlib import Path

mode, path = (sys.argv[1], sys.argv[2]) if len(sys.argv) == 3 else ("", sys.argv[1])
try:
    text = Path(path).read_bytes().decode("utf-8")
except (OSError, UnicodeDecodeError) as exc:
    sys.exit(f"{path}: not readable as UTF-8 ({exc})")
if mode == "--json":
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        sys.exit(f"{path}: not JSON ({exc})")
beyond = sorted({c for c in text if not c.encode("cp1252", errors="ignore")})
if mode == "--json" and not beyond:
    sys.exit(f"{path}: no character beyond cp1252 (expected the sample's emoji)")
if mode == "" and text.isascii():
    sys.exit(f"{path}: only ASCII (expected the sample's letters and marks beyond it)")
print(f"{path}: UTF-8, {len(text)} characters, {len(beyond)} beyond cp1252 {''.join(beyond[:8])}")
