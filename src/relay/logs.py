"""Structured logging: one line per event, plain or JSON, never personal data.

Log calls pass an ``event`` name and counts or ids in ``extra``; message text, tokens, IP
addresses and user agents are never handed to a logger in the first place. The formatter only
prints whitelisted fields, as a second line of defence.
"""

from __future__ import annotations

import json
import logging
import sys
import time

# The levels ops can choose ([log] level, LOTSEN_LOG_LEVEL, --log-level), most detailed first.
LOG_LEVELS = ("debug", "info", "warning", "error")
# The only extra fields a log line may carry.
SAFE_FIELDS = ("event", "conversation", "conversations", "by", "port", "error", "count",
               "kind", "user", "path", "seconds",
               "org")  # an organisation's id (config text, e.g. a network membership change)


class EventFormatter(logging.Formatter):
    def __init__(self, *, as_json: bool) -> None:
        super().__init__()
        self.as_json = as_json

    def format(self, record: logging.LogRecord) -> str:
        fields = {name: getattr(record, name) for name in SAFE_FIELDS if hasattr(record, name)}
        if record.exc_info and record.exc_info[0] is not None and "error" not in fields:
            # The exception's class and where it was raised, never its message: a message can
            # quote data (message text, addresses) that must not reach a log.
            exc_type, _, tb = record.exc_info
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            where = f" at {tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}" \
                if tb is not None else ""
            fields["error"] = f"{exc_type.__name__}{where}"
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + "Z"
        if self.as_json:
            return json.dumps({"ts": stamp, "level": record.levelname.lower(),
                               "logger": record.name, "msg": record.getMessage(), **fields},
                              ensure_ascii=False, default=str)
        extras = " ".join(f"{k}={v}" for k, v in fields.items() if k != "event")
        line = f"{stamp} {record.levelname.lower():7} {record.getMessage()}"
        return f"{line} {extras}".rstrip()


def setup_logging(level: str = "info", *, as_json: bool = False) -> None:
    """Send the ``lotsen`` loggers' events at ``level`` (one of LOG_LEVELS) and up to stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(EventFormatter(as_json=as_json))
    root = logging.getLogger("lotsen")
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    root.propagate = False
    # The websockets library's own lines can name peers; keep only its warnings and errors,
    # which go through the same whitelist formatter.
    logging.getLogger("lotsen.ws").setLevel(max(logging.WARNING, root.level))
