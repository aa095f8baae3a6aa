-- Scheduled maintenance on status page components: the window, what
-- customers read, the components (a JSON array of ids), when the desk
-- recorded its start and end or an operator cancelled it, and how many
-- reports it absorbs before a storm alerts ops anyway. key is set for
-- windows from STORMDESK_CONFIG.
CREATE TABLE maintenances (
    id BIGSERIAL PRIMARY KEY,
    key TEXT UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    components TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    alert_above INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ,
    ended_at TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ
);
CREATE INDEX maintenances_ends ON maintenances (ends_at);
CREATE TABLE maintenance_entries (
    id BIGSERIAL PRIMARY KEY,
    maintenance_id BIGINT NOT NULL REFERENCES maintenances (id),
    at TIMESTAMPTZ NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    text TEXT NOT NULL,
    data TEXT
);
CREATE INDEX maintenance_entries_by_maintenance ON maintenance_entries (maintenance_id, at, id);
-- The customer reports a maintenance took in instead of an incident.
CREATE TABLE maintenance_tickets (
    maintenance_id BIGINT NOT NULL REFERENCES maintenances (id),
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (maintenance_id, ticket_id)
);
