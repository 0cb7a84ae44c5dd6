"""Local storage in SQLite (stdlib sqlite3). Never imports Qt."""
