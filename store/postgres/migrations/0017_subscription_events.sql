-- Status page subscriptions, the leftovers of issue 21.
-- solicited: the recipient asked for this message themselves (a
-- subscription's confirmation), so it is delivered to an address that
-- only unsubscribed (never one that bounced or reported spam).
-- components: the status page components (ids, comma-separated) an email
-- is about, so that its unsubscribe link can stop only those.
ALTER TABLE outbox_messages ADD COLUMN solicited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox_messages ADD COLUMN components TEXT NOT NULL DEFAULT '';
-- Each address's subscription history: subscribed, unsubscribed (from a
-- component or from everything), suppressed, suppression lifted by a
-- confirmed re-subscription, removed by an operator.
CREATE TABLE subscription_events (
    id      BIGSERIAL PRIMARY KEY,
    email   TEXT NOT NULL,
    at      TIMESTAMPTZ NOT NULL,
    kind    TEXT NOT NULL,
    actor   TEXT NOT NULL,
    text    TEXT NOT NULL
);
CREATE INDEX subscription_events_by_email ON subscription_events (email, at, id);
-- The operators' list of subscriptions pages through them by address
-- (the primary key leads with the feature).
CREATE INDEX subscriptions_by_email ON subscriptions (email, feature);
