-- Triage runs behind intake: a ticket is stored first, then the triage
-- worker assigns it a cluster and a sequence number (triage_seq, the order
-- in which the engine saw it). The engine's state is the latest snapshot
-- plus every ticket triaged after it, replayed in triage_seq order.
ALTER TABLE tickets ADD COLUMN triage_seq BIGINT;
CREATE UNIQUE INDEX tickets_triage_seq ON tickets (triage_seq) WHERE triage_seq IS NOT NULL;
CREATE INDEX tickets_untriaged ON tickets (id) WHERE triage_seq IS NULL;
CREATE INDEX tickets_cluster ON tickets (cluster_id, id) WHERE cluster_id IS NOT NULL;
-- Linking a cluster's new tickets to its incident touches only unlinked rows.
CREATE INDEX tickets_cluster_unlinked ON tickets (cluster_id) WHERE incident_id IS NULL;
CREATE INDEX incidents_cluster ON incidents (cluster_id) WHERE cluster_id IS NOT NULL;

CREATE TABLE triage_snapshots (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    taken_at   TIMESTAMPTZ NOT NULL,
    last_seq   BIGINT NOT NULL,
    data       BYTEA NOT NULL
);
