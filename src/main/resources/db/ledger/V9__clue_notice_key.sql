-- A clue's notice keyed by its value (issue 14), as the supervision notice is since V8: the clue, the step and the
-- day its period began are columns already; the unique constraint now holds on them. notice_key keeps the text.
ALTER TABLE clue_notice ADD CONSTRAINT uq_clue_notice_key UNIQUE (clue_code, step, step_date);
