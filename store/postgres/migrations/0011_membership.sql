-- Incident membership is decided for each ticket at its own time: why it
-- joined its incident (or why a look-alike was kept out) and when.
-- confirmed_at is when an incident became one in the customers' sense: at
-- once for a burst or a declaration; for an upstream watch, when reports
-- or a probe confirmed it (NULL while it only watches).
ALTER TABLE tickets ADD COLUMN join_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN joined_at TIMESTAMPTZ;
ALTER TABLE incidents ADD COLUMN confirmed_at TIMESTAMPTZ;
UPDATE incidents SET confirmed_at = created_at;
UPDATE tickets SET joined_at = received_at WHERE incident_id IS NOT NULL;
CREATE INDEX tickets_recent_unassigned ON tickets (received_at) WHERE incident_id IS NULL;
