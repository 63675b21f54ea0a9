"""Station mode: the whole Humas team on one queue in PostgreSQL (the worker, the desktops)."""
