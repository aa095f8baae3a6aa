-- A customer email may wait for approval before any recipient is queued:
-- its state is held until an authorised person approves (queued) or
-- cancels it (cancelled). Rows already stored were queued.
ALTER TABLE outbox_messages ADD COLUMN state TEXT NOT NULL DEFAULT 'queued';
ALTER TABLE outbox_messages ADD COLUMN requested_by TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox_messages ADD COLUMN requester_key TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox_messages ADD COLUMN audience INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox_messages ADD COLUMN decided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox_messages ADD COLUMN decided_at INTEGER;
CREATE INDEX outbox_messages_incident ON outbox_messages (incident_id, created_at);
-- Per incident, what each automatic email does (JSON: {"update":"approve"});
-- empty means the service's policy.
ALTER TABLE incidents ADD COLUMN email_policy TEXT NOT NULL DEFAULT '';
