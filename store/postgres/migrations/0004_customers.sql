-- Customers and what they asked to hear about. An address is stored
-- lower-cased, so one customer is one row. A suppressed customer (who
-- unsubscribed, bounced or reported spam) is never emailed.
CREATE TABLE customers (
    email           TEXT PRIMARY KEY,
    name            TEXT NOT NULL DEFAULT '',
    organisation    TEXT NOT NULL DEFAULT '',
    suppressed_at   TIMESTAMPTZ,
    suppressed_why  TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE TABLE subscriptions (
    email   TEXT NOT NULL,
    feature TEXT NOT NULL,
    PRIMARY KEY (feature, email)
);
CREATE INDEX tickets_incident_email ON tickets (incident_id, customer_email) WHERE incident_id IS NOT NULL;
