-- Reminders nudge the ops channel about an acknowledged incident with no
-- update for a while, and a resolved one whose post-mortem was never
-- exported; each is remembered so it is sent once per quiet spell.
CREATE TABLE reminders (
    incident_id BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (incident_id, kind)
);
ALTER TABLE incidents ADD COLUMN exported_at TIMESTAMPTZ;
