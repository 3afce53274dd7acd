-- The relay queries (next batch, backlog gauge) read only unpublished rows. A partial index
-- holds exactly those, so they stay fast however many published rows the retention keeps. With
-- the (published_at, position) index alone the planner scanned the whole table in key order
-- (166 ms for 73,000 published rows). The Prisma schema cannot express a partial index, so it
-- lives in this migration only.
CREATE INDEX "outbox_event_unpublished_idx" ON "outbox_event" ("position") WHERE "published_at" IS NULL;
