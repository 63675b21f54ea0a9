"""Print the project's run-time and build requirements, one a line (for pip download).

python scripts/wine/requirements.py pyproject.toml
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))["project"]
for requirement in [*project["dependencies"], *project["optional-dependencies"]["build"]]:
    print(requirement)
