-- CreateTable
CREATE TABLE "projection_generation" (
    "generation" INTEGER NOT NULL,
    "group_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "projection_generation_pkey" PRIMARY KEY ("generation")
);

-- CreateTable
CREATE TABLE "dossier_fact" (
    "generation" INTEGER NOT NULL,
    "dossier_id" UUID NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "procedure_version" INTEGER NOT NULL,
    "agency_code" TEXT NOT NULL,
    "domain_code" TEXT NOT NULL,
    "unit_code" TEXT,
    "channel" TEXT NOT NULL,
    "applicant_type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "portal_status" INTEGER NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3),
    "received_on" DATE,
    "due_date" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "finished_on" DATE,
    "finish_kind" TEXT,
    "on_time" BOOLEAN,
    "returned_at" TIMESTAMPTZ(3),
    "returned_on" DATE,
    "paused_hours" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "supplement_count" INTEGER NOT NULL DEFAULT 0,
    "supplement_requested_at" TIMESTAMPTZ(3),
    "extension_count" INTEGER NOT NULL DEFAULT 0,
    "documents_total" INTEGER NOT NULL DEFAULT 0,
    "documents_digitized" INTEGER NOT NULL DEFAULT 0,
    "documents_reused" INTEGER NOT NULL DEFAULT 0,
    "population_data_used" BOOLEAN NOT NULL DEFAULT false,
    "electronic_result" BOOLEAN,
    "payments_total" INTEGER NOT NULL DEFAULT 0,
    "payments_online" INTEGER NOT NULL DEFAULT 0,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "overdue_since" TIMESTAMPTZ(3),
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossier_fact_pkey" PRIMARY KEY ("generation","dossier_id")
);

-- CreateTable
CREATE TABLE "procedure_fact" (
    "generation" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "domain_code" TEXT NOT NULL,
    "online_level" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "abolished_from" DATE,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "procedure_fact_pkey" PRIMARY KEY ("generation","code","version")
);

-- CreateTable
CREATE TABLE "feedback_fact" (
    "generation" INTEGER NOT NULL,
    "feedback_id" UUID NOT NULL,
    "feedback_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "domain_code" TEXT,
    "procedure_code" TEXT,
    "received_at" TIMESTAMPTZ(3),
    "received_on" DATE,
    "category" TEXT,
    "answer_by" TIMESTAMPTZ(3),
    "answered_at" TIMESTAMPTZ(3),
    "answered_on_time" BOOLEAN,
    "publish_by" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "published_on_time" BOOLEAN,
    "satisfaction" TEXT,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_fact_pkey" PRIMARY KEY ("generation","feedback_id")
);

-- CreateTable
CREATE TABLE "digitization_fact" (
    "generation" INTEGER NOT NULL,
    "event_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "dossier_id" UUID,
    "agency_code" TEXT NOT NULL,
    "electronic" BOOLEAN,
    "synced" BOOLEAN,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "occurred_on" DATE NOT NULL,

    CONSTRAINT "digitization_fact_pkey" PRIMARY KEY ("generation","event_id")
);

-- CreateTable
CREATE TABLE "review_campaign_fact" (
    "generation" INTEGER NOT NULL,
    "campaign_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline" DATE NOT NULL,
    "scopes" JSONB NOT NULL,
    "progress" JSONB,
    "progress_as_of" TIMESTAMPTZ(3),
    "evaluated_count" INTEGER NOT NULL DEFAULT 0,
    "proposal_count" INTEGER NOT NULL DEFAULT 0,
    "saving_vnd" BIGINT NOT NULL DEFAULT 0,
    "closed_at" TIMESTAMPTZ(3),
    "late_domains" JSONB,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_campaign_fact_pkey" PRIMARY KEY ("generation","campaign_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "projection_generation_group_id_key" ON "projection_generation"("group_id");

-- CreateIndex
CREATE INDEX "dossier_fact_generation_received_on_idx" ON "dossier_fact"("generation", "received_on");

-- CreateIndex
CREATE INDEX "dossier_fact_generation_finished_on_idx" ON "dossier_fact"("generation", "finished_on");

-- CreateIndex
CREATE INDEX "dossier_fact_generation_agency_code_received_on_idx" ON "dossier_fact"("generation", "agency_code", "received_on");

-- CreateIndex
CREATE INDEX "dossier_fact_generation_agency_code_finished_on_idx" ON "dossier_fact"("generation", "agency_code", "finished_on");

-- CreateIndex
CREATE INDEX "dossier_fact_generation_returned_on_idx" ON "dossier_fact"("generation", "returned_on");

-- CreateIndex
CREATE INDEX "dossier_fact_generation_finished_at_due_date_idx" ON "dossier_fact"("generation", "finished_at", "due_date");

-- CreateIndex
CREATE INDEX "feedback_fact_generation_agency_code_received_on_idx" ON "feedback_fact"("generation", "agency_code", "received_on");

-- CreateIndex
CREATE INDEX "digitization_fact_generation_agency_code_occurred_on_idx" ON "digitization_fact"("generation", "agency_code", "occurred_on");
