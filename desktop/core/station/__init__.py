"""Station mode's team parts: officers' logins and roles, and the station doctor."""
