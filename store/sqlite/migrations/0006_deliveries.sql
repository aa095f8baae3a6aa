-- Once a message's waiting rows have all settled (sent, failed or
-- suppressed), their delivery counts go onto the incident's timeline once;
-- rows added later (a late reporter catching up) are reported later.
ALTER TABLE outbox ADD COLUMN reported_at INTEGER;
