-- Chat posts (alerts, alert updates, approval requests, reminders) go
-- through the outbox like customer email: a message row per post, one
-- outbox row per platform (the platform is the row's recipient), written
-- in the transaction that causes them and delivered by the same claim,
-- lease and retry protocol. channel says which dispatcher drains a
-- message; existing rows are email. The outbox rows repeat their
-- message's channel so that the email claim filters its hot path on the
-- row it already reads instead of joining every row to its message.
ALTER TABLE outbox_messages ADD COLUMN channel TEXT NOT NULL DEFAULT 'email';
ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email';
-- The chat claim's candidates: unsettled chat rows in id order, without
-- touching the (much larger) email rows.
CREATE INDEX outbox_chat ON outbox (id) WHERE channel = 'chat' AND state IN ('pending', 'claimed');
