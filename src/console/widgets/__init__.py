"""The console's panes: queue, chat list, transcript, composer, referrals, dividers."""
