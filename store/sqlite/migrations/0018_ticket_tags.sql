-- A ticket's tags and channel (issue 20). Tags are a JSON array of
-- strings in one text column, the same on both engines: they are read
-- and written with the ticket, never queried one by one, so a table of
-- their own would only add a join. At most 20 tags of 64 bytes
-- (stormdesk.MaxTags, MaxTagLen), checked before they are stored.
-- Tickets stored before this migration have none ('[]') and no known
-- channel ('').
ALTER TABLE tickets ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE tickets ADD COLUMN channel TEXT NOT NULL DEFAULT '';
