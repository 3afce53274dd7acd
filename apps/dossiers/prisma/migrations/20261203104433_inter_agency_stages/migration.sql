-- CreateTable
CREATE TABLE "dossier_stage" (
    "dossier_id" UUID NOT NULL,
    "order" INTEGER NOT NULL,
    "agency_code" TEXT NOT NULL,
    "agency_name" TEXT NOT NULL,
    "external" BOOLEAN NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,
    "hands_on" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "legal_due_at" TIMESTAMPTZ(3),
    "promised_due_at" TIMESTAMPTZ(3),
    "transferred_at" TIMESTAMPTZ(3),
    "accepted_at" TIMESTAMPTZ(3),
    "handed_back_at" TIMESTAMPTZ(3),
    "suspended_hours" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "working_hours_taken" DOUBLE PRECISION,
    "on_time" BOOLEAN,

    CONSTRAINT "dossier_stage_pkey" PRIMARY KEY ("dossier_id","order","agency_code")
);

-- CreateIndex
CREATE INDEX "dossier_stage_agency_code_status_idx" ON "dossier_stage"("agency_code", "status");

-- AddForeignKey
ALTER TABLE "dossier_stage" ADD CONSTRAINT "dossier_stage_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The four states of a stage (docs/dossiers.md "Inter-agency stages").
ALTER TABLE "dossier_stage" ADD CONSTRAINT "dossier_stage_status_check"
  CHECK ("status" IN ('waiting', 'transferred', 'accepted', 'handed_back'));
