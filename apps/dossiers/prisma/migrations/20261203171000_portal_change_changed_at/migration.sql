-- The changes feed's `since` (GET /portal/changes?since=) and the pruning of old changes look
-- portal changes up by time.
CREATE INDEX "portal_change_changed_at_idx" ON "portal_change"("changed_at");
