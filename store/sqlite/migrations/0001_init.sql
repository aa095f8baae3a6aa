-- Times are Unix microseconds (UTC); features and data are JSON text.
CREATE TABLE incidents (
    id              INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('triage','investigating','identified','monitoring','resolved')),
    severity        TEXT    NOT NULL CHECK (severity IN ('critical','major','minor')),
    features        TEXT    NOT NULL DEFAULT '[]',
    likely_cause    TEXT    NOT NULL DEFAULT '',
    cluster_id      INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    acknowledged_at INTEGER,
    resolved_at     INTEGER,
    merged_into     INTEGER REFERENCES incidents(id)
);
CREATE INDEX incidents_open ON incidents (status) WHERE merged_into IS NULL;

CREATE TABLE tickets (
    id             INTEGER PRIMARY KEY,
    source         TEXT    NOT NULL,
    external_id    TEXT,
    customer_email TEXT    NOT NULL DEFAULT '',
    customer_name  TEXT    NOT NULL DEFAULT '',
    organisation   TEXT    NOT NULL DEFAULT '',
    subject        TEXT    NOT NULL,
    body           TEXT    NOT NULL DEFAULT '',
    received_at    INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    incident_id    INTEGER REFERENCES incidents(id),
    cluster_id     INTEGER,
    UNIQUE (source, external_id)
);
CREATE INDEX tickets_received ON tickets (received_at, id);
CREATE INDEX tickets_incident ON tickets (incident_id) WHERE incident_id IS NOT NULL;

CREATE TABLE timeline_entries (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    at          INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    data        TEXT    NOT NULL DEFAULT '{}',
    source_url  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX timeline_by_incident ON timeline_entries (incident_id, at, id);
