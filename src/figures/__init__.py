"""Anonymous figures of the chat and the evaluation report drawn from them — pure Python.

``figures.stats`` computes the statistics from stored records (the relay's ``stats`` frame,
``lotsen stats`` and the console's statistics screen all use it, so they cannot disagree);
``figures.report`` draws the evaluation report (one HTML file) from them, with every word in
``figures.report_text``. Nothing here imports the relay's server, its storage or any UI: the
relay, the console and the CLI all build on it.
"""
