-- Một cửa liên thông: one row per stage of an inter-agency dossier, per generation (a projection:
-- the rebuild replays the stage events into the new generation's rows).
CREATE TABLE "dossier_stage_fact" (
    "generation" INTEGER NOT NULL,
    "dossier_id" UUID NOT NULL,
    "stage_order" INTEGER NOT NULL,
    "agency_code" TEXT NOT NULL,
    "agency_name" TEXT NOT NULL,
    "external" BOOLEAN NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "lead_agency_code" TEXT NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "procedure_version" INTEGER NOT NULL,
    "domain_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "started_on" DATE NOT NULL,
    "legal_due_at" TIMESTAMPTZ(3),
    "transferred_at" TIMESTAMPTZ(3),
    "accepted_at" TIMESTAMPTZ(3),
    "handed_back_at" TIMESTAMPTZ(3),
    "handed_back_on" DATE,
    "working_hours_taken" DECIMAL(10,2),
    "suspended_hours" DECIMAL(10,2),
    "on_time" BOOLEAN,
    "supplement_count" INTEGER NOT NULL DEFAULT 0,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossier_stage_fact_pkey" PRIMARY KEY ("generation","dossier_id","stage_order","agency_code")
);

-- CreateIndex
CREATE INDEX "dossier_stage_fact_generation_agency_code_handed_back_on_idx" ON "dossier_stage_fact"("generation", "agency_code", "handed_back_on");

-- CreateIndex
CREATE INDEX "dossier_stage_fact_generation_agency_code_started_on_idx" ON "dossier_stage_fact"("generation", "agency_code", "started_on");
