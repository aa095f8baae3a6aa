-- Reminders nudge the ops channel about an acknowledged incident with no
-- update for a while, and a resolved one whose post-mortem was never
-- exported; each is remembered so it is sent once per quiet spell.
CREATE TABLE reminders (
    incident_id INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    at          INTEGER NOT NULL,
    PRIMARY KEY (incident_id, kind)
);
ALTER TABLE incidents ADD COLUMN exported_at INTEGER;
