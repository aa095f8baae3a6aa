-- Triage state: the latest engine snapshot and the last ticket it covers.
CREATE TABLE triage_snapshots (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    taken_at       INTEGER NOT NULL,
    last_ticket_id INTEGER NOT NULL,
    data           BLOB    NOT NULL
);
CREATE INDEX tickets_cluster ON tickets (cluster_id) WHERE cluster_id IS NOT NULL;
CREATE INDEX incidents_cluster ON incidents (cluster_id) WHERE cluster_id IS NOT NULL;
