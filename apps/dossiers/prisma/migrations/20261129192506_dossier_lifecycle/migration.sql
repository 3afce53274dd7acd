-- CreateTable
CREATE TABLE "dossier" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "procedure_version" INTEGER NOT NULL,
    "agency_code" TEXT NOT NULL,
    "domain_code" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "applicant_type" TEXT NOT NULL,
    "applicant_identifier" TEXT NOT NULL,
    "applicant_key" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "organisation_name" TEXT,
    "status" TEXT NOT NULL,
    "portal_status" INTEGER NOT NULL,
    "documents" JSONB NOT NULL,
    "missing" JSONB,
    "refusal_reasons" JSONB,
    "time_limit" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "original_due_at" TIMESTAMPTZ(3),
    "calendar_version" TEXT NOT NULL,
    "receipt_policy_id" TEXT NOT NULL,
    "current_step_order" INTEGER,
    "supplement_requested_at" TIMESTAMPTZ(3),
    "extension_count" INTEGER NOT NULL DEFAULT 0,
    "finished_at" TIMESTAMPTZ(3),
    "due_soon_announced_for" TIMESTAMPTZ(3),
    "overdue_announced_for" TIMESTAMPTZ(3),
    "returned_at" TIMESTAMPTZ(3),
    "lookup_secret_hash" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_step" (
    "dossier_id" UUID NOT NULL,
    "order" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit_code" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "assignee_id" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "dossier_step_pkey" PRIMARY KEY ("dossier_id","order")
);

-- CreateTable
CREATE TABLE "dossier_action_log" (
    "id" BIGSERIAL NOT NULL,
    "dossier_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "portal_status" INTEGER NOT NULL,
    "actor_subject" TEXT NOT NULL,
    "actor_roles" TEXT[],
    "actor_unit" TEXT,
    "details" JSONB NOT NULL,
    "event_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_action_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_code_counter" (
    "agency_code" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "dossier_code_counter_pkey" PRIMARY KEY ("agency_code","day")
);

-- CreateTable
CREATE TABLE "intake_idempotency_key" (
    "caller_subject" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "dossier_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intake_idempotency_key_pkey" PRIMARY KEY ("caller_subject","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "dossier_code_key" ON "dossier"("code");

-- CreateIndex
CREATE INDEX "dossier_applicant_key_idx" ON "dossier"("applicant_key");

-- CreateIndex
CREATE INDEX "dossier_status_due_at_idx" ON "dossier"("status", "due_at");

-- CreateIndex
CREATE INDEX "dossier_action_log_dossier_id_id_idx" ON "dossier_action_log"("dossier_id", "id");

-- AddForeignKey
ALTER TABLE "dossier_step" ADD CONSTRAINT "dossier_step_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_action_log" ADD CONSTRAINT "dossier_action_log_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The action log is append-only (Prisma cannot express this): UPDATE and DELETE raise an error.
-- (\073 is the semicolon: the migration runner splits statements on every semicolon, even inside strings.)
CREATE FUNCTION dossier_action_log_append_only() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''dossier_action_log is append-only (% refused)'', TG_OP\073 END';

CREATE TRIGGER dossier_action_log_no_update_delete BEFORE UPDATE OR DELETE ON dossier_action_log FOR EACH ROW EXECUTE FUNCTION dossier_action_log_append_only();
