-- Helpdesk write-back jobs (create a problem ticket, link or unlink a
-- customer's ticket, comment on or solve the problem ticket) go through
-- the outbox like email and chat posts: a message row per job (template =
-- the kind) and one outbox row (name = the helpdesk, recipient = the
-- customer's ticket, '' for the problem ticket), channel 'helpdesk'. The
-- problem ticket's id is its job's provider_id once sent.
-- The helpdesk claim's candidates: unsettled helpdesk rows in id order.
CREATE INDEX outbox_helpdesk ON outbox (id) WHERE channel = 'helpdesk' AND state IN ('pending', 'claimed');
-- What the desk and the audience ask of a ticket's jobs: is it linked.
CREATE INDEX outbox_helpdesk_ticket ON outbox (name, recipient, id) WHERE channel = 'helpdesk';
