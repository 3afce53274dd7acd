-- CreateTable
CREATE TABLE "dossier_month_rollup" (
    "generation" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "agency_code" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "domain_code" TEXT NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "procedure_version" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "facts" INTEGER NOT NULL,
    "received" INTEGER NOT NULL,
    "in_progress" INTEGER NOT NULL,
    "withdrawn" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL,
    "returned" INTEGER NOT NULL,
    "on_time" INTEGER NOT NULL,
    "late" INTEGER NOT NULL,
    "timed" INTEGER NOT NULL,
    "processing_days" DECIMAL NOT NULL,
    "supplements" INTEGER NOT NULL,
    "extensions" INTEGER NOT NULL,
    "documents_total" INTEGER NOT NULL,
    "documents_digitized" INTEGER NOT NULL,
    "documents_reused" INTEGER NOT NULL,
    "population_data" INTEGER NOT NULL,
    "electronic_results" INTEGER NOT NULL,
    "results" INTEGER NOT NULL,
    "payments" INTEGER NOT NULL,
    "payments_online" INTEGER NOT NULL,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossier_month_rollup_pkey" PRIMARY KEY ("generation","day","agency_code","unit_code","domain_code","procedure_code","procedure_version","channel")
);

-- CreateIndex
CREATE INDEX "dossier_month_rollup_generation_agency_code_day_idx" ON "dossier_month_rollup"("generation", "agency_code", "day");
