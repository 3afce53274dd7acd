-- AlterTable
ALTER TABLE "dossier_stage" ADD COLUMN     "due_soon_announced_for" TIMESTAMPTZ(3),
ADD COLUMN     "overdue_announced_for" TIMESTAMPTZ(3);

-- The deadline watch reads the running stages by due date (Prisma cannot express a partial index).
CREATE INDEX "dossier_stage_running_legal_due_at_idx" ON "dossier_stage"("legal_due_at")
  WHERE "status" <> 'handed_back' AND "started_at" IS NOT NULL;
