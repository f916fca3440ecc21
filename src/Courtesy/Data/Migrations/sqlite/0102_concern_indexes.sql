-- The newest-first concern list and the DSL's open safeguarding concerns, without scanning a school's history.
CREATE INDEX concerns_recent ON concerns (school_id, submitted_at, id);
CREATE INDEX concerns_open_by_decision ON concerns (school_id, decision, resolved_at);
