-- Triage state every replica must see. Only the leader runs the triage
-- engine: an operator correction made on any replica (merge, link, not an
-- incident) is queued here and the leader's engine learns it; the leader
-- writes the clusters it keeps to cluster_views, so every replica's API
-- lists the same clusters.
CREATE TABLE triage_corrections (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    a    INTEGER NOT NULL,
    b    INTEGER NOT NULL DEFAULT 0,
    at   INTEGER NOT NULL
);
CREATE TABLE cluster_views (
    id          INTEGER PRIMARY KEY,
    label       TEXT NOT NULL,
    size        INTEGER NOT NULL,
    customers   INTEGER NOT NULL,
    top_terms   TEXT NOT NULL,
    first_seen  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    candidate   INTEGER NOT NULL,
    suppressed  INTEGER NOT NULL
);
CREATE INDEX cluster_views_size ON cluster_views (size DESC, id);
