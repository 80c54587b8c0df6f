"""The console's screens: login, main, dialogs and help."""
