-- Every row carries its school id and every index leads with it, so tables can later shard by school or trust.
CREATE TABLE trusts (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE schools (
    id          INTEGER PRIMARY KEY,
    trust_id    INTEGER REFERENCES trusts(id),
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]',
    town        TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    school_id       INTEGER NOT NULL REFERENCES schools(id),
    kind            TEXT NOT NULL CHECK (kind IN ('pupil','staff','governor','parent')),
    title           TEXT,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    preferred_name  TEXT,
    role            TEXT,
    year_group      TEXT,
    created_at      TEXT NOT NULL,
    UNIQUE (school_id, kind, first_name, last_name)
);
CREATE INDEX people_by_school ON people (school_id, kind, last_name);

-- The pack text is copied at assignment, so what was in force on a date can always be shown.
CREATE TABLE school_policies (
    id            INTEGER PRIMARY KEY,
    school_id     INTEGER NOT NULL REFERENCES schools(id),
    pack_id       TEXT NOT NULL,
    pack_version  TEXT NOT NULL,
    pack_sha256   TEXT NOT NULL,
    pack_yaml     TEXT NOT NULL,
    in_force_from TEXT NOT NULL,
    assigned_by   TEXT NOT NULL
);
CREATE INDEX school_policies_by_school ON school_policies (school_id, in_force_from);

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    school_id      INTEGER REFERENCES schools(id),
    trust_id       INTEGER REFERENCES trusts(id),
    email          TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('head','dsl','staff','governor','trust-admin')),
    password_hash  TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    disabled_at    TEXT,
    CHECK (school_id IS NOT NULL OR trust_id IS NOT NULL)
);
CREATE INDEX users_by_school ON users (school_id);

-- Append-only; each row's hash covers the previous row's hash in the same school's chain (chain 0 = system).
CREATE TABLE audit_events (
    id           INTEGER PRIMARY KEY,
    chain        INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    target_type  TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    summary      TEXT NOT NULL,
    data         TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL,
    UNIQUE (chain, seq)
);
CREATE INDEX audit_by_target ON audit_events (chain, target_type, target_id);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
