"""The console's words for questions outside opening hours (merged into ``console.i18n``)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "inbox.title": ("Inkorg", "Inbox", "Innboks"),
    "inbox.unread": ("{count} olästa", "{count} unread", "{count} uleste"),
    "inbox.empty": ("Inga frågor väntar.", "No questions waiting.", "Ingen spørsmål venter."),
    "inbox.alias": ("Fråga {id}", "Question {id}", "Spørsmål {id}"),
    "inbox.answered": ("besvarad", "answered", "besvart"),
    "inbox.read": ("läst", "read", "lest"),
    "inbox.new": ("obesvarad", "unanswered", "ubesvart"),
    "inbox.mine": ("din", "yours", "din"),
    "inbox.held": ("hos {name}", "with {name}", "hos {name}"),
    "inbox.hint": ("Svaret läses med besökarens kod – ingen ser det förrän de öppnar tråden.",
                   "The visitor reads the answer with their code – nobody sees it until they "
                   "open the thread.",
                   "Svaret leses med den besøkendes kode – ingen ser det før de åpner tråden."),
    "composer.question": ("Svar på {alias} (läses med koden)",
                          "Answer to {alias} (read with the code)",
                          "Svar på {alias} (leses med koden)"),
    # Refusals when two staff members (on two relays) act on one question at once.
    "error.question_taken": ("En kollega hann ta den frågan först.",
                             "A colleague took that question first.",
                             "En kollega rakk å ta det spørsmålet først."),
    "error.question_closed": ("Frågan är redan stängd; det du skickade sparades inte.",
                              "That question is already closed; what you sent was not saved.",
                              "Spørsmålet er allerede lukket; det du sendte ble ikke lagret."),
    "key.focus_inbox": ("Inkorg", "Inbox", "Innboks"),
    "key.focus_inbox.tip": ("Flytta fokus till inkorgen med frågor utanför öppettid.",
                            "Move focus to the inbox of questions asked outside opening hours.",
                            "Flytt fokus til innboksen med spørsmål utenfor åpningstid."),
}
