-- Upstream watching: the state of each feed and probe between polls, the
-- events seen (stored once per dedup key, with the provider's own time),
-- and which incidents each upstream incident is tied to.
CREATE TABLE watch_states (
    name          TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    url           TEXT NOT NULL DEFAULT '',
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    last_poll_at  INTEGER,
    last_ok_at    INTEGER,
    state         TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    failures      INTEGER NOT NULL DEFAULT 0,
    latency_ms    INTEGER NOT NULL DEFAULT 0,
    snapshot      BLOB
);

CREATE TABLE upstream_events (
    id          INTEGER PRIMARY KEY,
    dedup_key   TEXT NOT NULL UNIQUE,
    provider    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    upstream_id TEXT NOT NULL DEFAULT '',
    update_id   TEXT NOT NULL DEFAULT '',
    at          INTEGER NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT '',
    impact      TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX upstream_events_incident ON upstream_events (provider, upstream_id, at);

CREATE TABLE incident_upstreams (
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    provider    TEXT NOT NULL,
    upstream_id TEXT NOT NULL,
    linked_at   INTEGER NOT NULL,
    PRIMARY KEY (incident_id, provider, upstream_id)
);
CREATE INDEX incident_upstreams_upstream ON incident_upstreams (provider, upstream_id);
