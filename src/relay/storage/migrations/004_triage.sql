-- Lotsen schema, version 4: staff have the last word on triage (issue 11).
-- triage_override: NULL (the engine decides), 'urgent' or 'not_urgent' (a staff member decided;
--   who is in the audit log). The relay keeps it over the engine's verdict, also after a restart.
-- triage_feedback: the close dialog's "was the triage right?": NULL, 'right', 'should_be_urgent'
--   or 'should_not_be_urgent'. Counted by `lotsen stats`; no text is ever stored with it.

ALTER TABLE conversations ADD COLUMN triage_override TEXT;
ALTER TABLE conversations ADD COLUMN triage_feedback TEXT;
