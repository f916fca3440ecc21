-- Shared state for several web processes: cookie and antiforgery keys, and leases that let one process run a background job.
CREATE TABLE data_protection_keys (
    id             INTEGER PRIMARY KEY,
    friendly_name  TEXT NOT NULL UNIQUE,
    xml            TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
