-- Concerns, cases and everything hung on them. Every row carries school_id and every index leads with it.
-- A state is a time plus a person (triaged_at/triaged_by, closed_at/closed_by), never a bare flag.
CREATE TABLE cases (
    id            INTEGER PRIMARY KEY,
    school_id     INTEGER NOT NULL REFERENCES schools(id),
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    reference     TEXT NOT NULL,
    pack_id       TEXT NOT NULL,
    poster_name   TEXT,
    platform      TEXT,
    post_url      TEXT,
    posted_at     TEXT,
    post_text     TEXT NOT NULL,
    categories    TEXT NOT NULL DEFAULT '[]',
    police_flag   INTEGER NOT NULL DEFAULT 0,
    on_school_site INTEGER NOT NULL DEFAULT 0,
    opened_at     TEXT NOT NULL,
    opened_by     TEXT NOT NULL,
    assigned_to   TEXT,
    assigned_at   TEXT,
    assigned_by   TEXT,
    closed_at     TEXT,
    closed_by     TEXT,
    outcome       TEXT,
    outcome_note  TEXT,
    UNIQUE (school_id, reference),
    UNIQUE (school_id, year, seq)
);
CREATE INDEX cases_open ON cases (school_id, closed_at, opened_at);

CREATE TABLE concerns (
    id                 INTEGER PRIMARY KEY,
    school_id          INTEGER NOT NULL REFERENCES schools(id),
    year               INTEGER NOT NULL,
    seq                INTEGER NOT NULL,
    reference          TEXT NOT NULL,
    secret_hash        TEXT NOT NULL,
    submission_key     TEXT,
    submitted_at       TEXT NOT NULL,
    submitted_by       TEXT,
    reporter_name      TEXT,
    reporter_email     TEXT,
    reporter_relation  TEXT,
    post_text          TEXT NOT NULL,
    platform           TEXT,
    post_url           TEXT,
    posted_at          TEXT,
    poster_name        TEXT,
    reporter_note      TEXT,
    on_school_site     INTEGER NOT NULL DEFAULT 0,
    screened_at        TEXT,
    findings           TEXT,
    categories         TEXT NOT NULL DEFAULT '[]',
    police_flag        INTEGER NOT NULL DEFAULT 0,
    safeguarding_flag  INTEGER NOT NULL DEFAULT 0,
    triaged_at         TEXT,
    triaged_by         TEXT,
    decision           TEXT CHECK (decision IN ('no-breach','safeguarding','case')),
    decision_reason    TEXT,
    case_id            INTEGER REFERENCES cases(id),
    resolved_at        TEXT,
    resolved_by        TEXT,
    UNIQUE (school_id, reference),
    UNIQUE (school_id, year, seq),
    UNIQUE (school_id, submission_key)
);
CREATE INDEX concerns_queue ON concerns (school_id, triaged_at, submitted_at);
CREATE INDEX concerns_by_post ON concerns (school_id, post_url);
CREATE INDEX concerns_by_case ON concerns (school_id, case_id);
CREATE INDEX concerns_by_reporter ON concerns (school_id, submitted_by);

CREATE TABLE case_actions (
    id               INTEGER PRIMARY KEY,
    school_id        INTEGER NOT NULL REFERENCES schools(id),
    case_id          INTEGER NOT NULL REFERENCES cases(id),
    step_id          TEXT NOT NULL,
    kind             TEXT NOT NULL,
    wording          TEXT NOT NULL,
    taken_at         TEXT NOT NULL,
    taken_by         TEXT NOT NULL,
    notes            TEXT,
    reason           TEXT,
    removal_by       TEXT,
    follow_up_on     TEXT,
    result           TEXT,
    result_at        TEXT,
    result_by        TEXT,
    result_note      TEXT,
    reminder_sent_at TEXT
);
CREATE INDEX case_actions_by_case ON case_actions (school_id, case_id, taken_at);
CREATE INDEX case_actions_follow_up ON case_actions (school_id, follow_up_on);

CREATE TABLE case_notes (
    id                   INTEGER PRIMARY KEY,
    school_id            INTEGER NOT NULL REFERENCES schools(id),
    case_id              INTEGER NOT NULL REFERENCES cases(id),
    written_at           TEXT NOT NULL,
    written_by           TEXT NOT NULL,
    text                 TEXT NOT NULL,
    shared_with_reporter INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_notes_by_case ON case_notes (school_id, case_id, written_at);

-- Evidence is write-once: the triggers refuse any change or removal of a stored file.
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    school_id     INTEGER NOT NULL REFERENCES schools(id),
    concern_id    INTEGER REFERENCES concerns(id),
    case_id       INTEGER REFERENCES cases(id),
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    captured_at   TEXT NOT NULL,
    stored_at     TEXT NOT NULL,
    stored_by     TEXT NOT NULL,
    content       BLOB NOT NULL,
    CHECK (concern_id IS NOT NULL OR case_id IS NOT NULL)
);
CREATE INDEX evidence_by_concern ON evidence (school_id, concern_id);
CREATE INDEX evidence_by_case ON evidence (school_id, case_id);
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence BEGIN SELECT RAISE(ABORT, 'evidence is write-once'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence BEGIN SELECT RAISE(ABORT, 'evidence is write-once'); END;

CREATE TABLE letters (
    id           INTEGER PRIMARY KEY,
    school_id    INTEGER NOT NULL REFERENCES schools(id),
    case_id      INTEGER NOT NULL REFERENCES cases(id),
    action_id    INTEGER REFERENCES case_actions(id),
    kind         TEXT NOT NULL,
    subject      TEXT NOT NULL,
    docx         BLOB NOT NULL,
    docx_sha256  TEXT NOT NULL,
    html         TEXT NOT NULL,
    html_sha256  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL
);
CREATE INDEX letters_by_case ON letters (school_id, case_id);
CREATE TRIGGER letters_no_update BEFORE UPDATE ON letters BEGIN SELECT RAISE(ABORT, 'letters are write-once'); END;

-- Every message the school sends (or tried to), whatever it was about.
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY,
    school_id    INTEGER NOT NULL REFERENCES schools(id),
    case_id      INTEGER REFERENCES cases(id),
    concern_id   INTEGER REFERENCES concerns(id),
    letter_id    INTEGER REFERENCES letters(id),
    purpose      TEXT NOT NULL,
    to_address   TEXT NOT NULL,
    subject      TEXT NOT NULL,
    body_sha256  TEXT NOT NULL,
    attachments  TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    sent_at      TEXT,
    message_id   TEXT,
    failed_at    TEXT,
    error        TEXT
);
CREATE INDEX messages_by_case ON messages (school_id, case_id, created_at);
