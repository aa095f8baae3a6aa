-- The durable outbox of customer email: each message is stored once, and
-- one row per (message, recipient), written in the transaction of the
-- status change that causes it. The dispatcher claims rows with a token
-- and a lease; every later change is fenced by that token (see
-- notify.Outbox for the states and what a crash leaves behind).
CREATE TABLE outbox_messages (
    message_id  TEXT PRIMARY KEY,
    incident_id INTEGER NOT NULL,
    template    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    text        TEXT NOT NULL,
    html        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    message_id      TEXT NOT NULL REFERENCES outbox_messages(message_id),
    recipient       TEXT NOT NULL,
    name            TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    claim_token     TEXT NOT NULL DEFAULT '',
    last_error      TEXT NOT NULL DEFAULT '',
    sent_at         INTEGER,
    provider_id     TEXT NOT NULL DEFAULT '',
    UNIQUE (message_id, recipient)
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX outbox_leased ON outbox (lease_until, id) WHERE state IN ('claimed', 'sending');
CREATE INDEX outbox_token ON outbox (claim_token) WHERE claim_token <> '';
