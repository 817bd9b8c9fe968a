"""What every app may use and that knows nothing of the unit's records."""
