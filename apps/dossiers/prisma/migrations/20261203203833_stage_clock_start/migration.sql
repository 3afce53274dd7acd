-- AlterTable
ALTER TABLE "dossier_stage" ADD COLUMN     "clock_pauses" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "clock_started_at" TIMESTAMPTZ(3);

-- Rows stored before the clock start was kept: a stage that never waited for a supplement counts
-- from its start (a supplement awaited now restarts or pauses it from there), one that waited
-- before (restarted or paused) stays unknown and keeps its due date when a calendar changes
-- (docs/dossiers.md, "Inter-agency stages").
UPDATE "dossier_stage" SET "clock_started_at" = "started_at"
  WHERE "started_at" IS NOT NULL AND "suspended_hours" = 0;
