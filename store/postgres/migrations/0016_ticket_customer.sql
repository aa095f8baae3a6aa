-- The helpdesk's id of the customer who wrote a ticket, stored at intake
-- where a reply in their own conversation needs it (Help Scout's Mailbox
-- API replies to a customer id). '' for sources that have none and for
-- tickets stored before it was kept.
ALTER TABLE tickets ADD COLUMN external_customer_id TEXT NOT NULL DEFAULT '';
