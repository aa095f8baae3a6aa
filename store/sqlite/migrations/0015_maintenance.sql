-- Scheduled maintenance on status page components: the window, what
-- customers read, the components (a JSON array of ids), when the desk
-- recorded its start and end or an operator cancelled it, and how many
-- reports it absorbs before a storm alerts ops anyway. key is set for
-- windows from STORMDESK_CONFIG.
CREATE TABLE maintenances (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    components TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    alert_above INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    started_at INTEGER,
    ended_at INTEGER,
    cancelled_at INTEGER
);
CREATE INDEX maintenances_ends ON maintenances (ends_at);
CREATE TABLE maintenance_entries (
    id INTEGER PRIMARY KEY,
    maintenance_id INTEGER NOT NULL REFERENCES maintenances (id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    text TEXT NOT NULL,
    data TEXT
);
CREATE INDEX maintenance_entries_by_maintenance ON maintenance_entries (maintenance_id, at, id);
-- The customer reports a maintenance took in instead of an incident.
CREATE TABLE maintenance_tickets (
    maintenance_id INTEGER NOT NULL REFERENCES maintenances (id),
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    at INTEGER NOT NULL,
    PRIMARY KEY (maintenance_id, ticket_id)
);
