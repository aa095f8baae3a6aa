-- A feed's cache validators become one opaque column (issue: the root
-- package holds domain, not rows). The ETag and Last-Modified of the last
-- good response belong to the upstream fetcher, which encodes them
-- itself; the store keeps the bytes as they are (NULL: none). The values
-- already stored are carried over in the fetcher's encoding
-- (upstream.Validators as JSON, {"etag": ..., "last_modified": ...}), so
-- no feed is fetched in full again because of this migration.
ALTER TABLE watch_states ADD COLUMN validators BLOB;
UPDATE watch_states
   SET validators = CAST(json_object('etag', etag, 'last_modified', last_modified) AS BLOB)
 WHERE etag <> '' OR last_modified <> '';
ALTER TABLE watch_states DROP COLUMN etag;
ALTER TABLE watch_states DROP COLUMN last_modified;
