"""A desktop in station mode: opening the station's store, its change feed."""
