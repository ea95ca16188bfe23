"""screens of the desktop app."""
