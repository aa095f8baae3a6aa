-- The public status page: an incident is on it once an operator publishes
-- it (published_at), under a title chosen for customers (public_title);
-- an operator may set a component's state by hand until they lift it.
ALTER TABLE incidents ADD COLUMN published_at INTEGER;
ALTER TABLE incidents ADD COLUMN public_title TEXT NOT NULL DEFAULT '';
CREATE INDEX incidents_published ON incidents (published_at) WHERE published_at IS NOT NULL;
CREATE TABLE component_overrides (
    component TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    actor TEXT NOT NULL,
    at INTEGER NOT NULL
);
