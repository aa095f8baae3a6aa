-- When a message's rows have all settled (sent, failed or suppressed),
-- its delivery counts go onto the incident's timeline once.
ALTER TABLE outbox_messages ADD COLUMN reported_at TIMESTAMPTZ;
