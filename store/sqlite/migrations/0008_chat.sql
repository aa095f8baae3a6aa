-- Chat state every replica must share. chat_alerts: the message that
-- alerts about an incident on each platform, so that any replica updates
-- it in place and traces a message in its thread back to the incident.
-- seen_requests: signatures and event ids already handled, until they can
-- no longer be valid, so that a replayed request is refused on any replica.
CREATE TABLE chat_alerts (
    platform    TEXT NOT NULL,
    incident_id INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    message     TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (platform, incident_id)
);
CREATE UNIQUE INDEX chat_alerts_message ON chat_alerts (platform, channel, message);
CREATE TABLE seen_requests (
    key   TEXT PRIMARY KEY,
    until INTEGER NOT NULL
);
CREATE INDEX seen_requests_until ON seen_requests (until);
