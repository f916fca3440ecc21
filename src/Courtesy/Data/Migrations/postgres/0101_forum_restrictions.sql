-- A restriction of forum access has an end date and one appeal within a window; the appeal and its
-- decision are each a time plus a person.
ALTER TABLE case_actions ADD COLUMN ends_on DATE;
ALTER TABLE case_actions ADD COLUMN appealed_at TIMESTAMPTZ;
ALTER TABLE case_actions ADD COLUMN appealed_by TEXT;
ALTER TABLE case_actions ADD COLUMN appeal_note TEXT;
ALTER TABLE case_actions ADD COLUMN appeal_decided_at TIMESTAMPTZ;
ALTER TABLE case_actions ADD COLUMN appeal_decided_by TEXT;
ALTER TABLE case_actions ADD COLUMN appeal_upheld BOOLEAN;
ALTER TABLE case_actions ADD COLUMN appeal_decision_note TEXT;
