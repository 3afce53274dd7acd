-- CreateTable
CREATE TABLE "feedback" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "sender_type" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "contact_email" TEXT,
    "contact_address" TEXT,
    "sender_key" TEXT,
    "client_key" TEXT,
    "subject_kind" TEXT NOT NULL,
    "procedure_code" TEXT,
    "procedure_version" INTEGER,
    "procedure_name" TEXT,
    "domain_code" TEXT,
    "regulation_ref" TEXT,
    "conduct_unit" TEXT,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "attachment_ids" UUID[],
    "tracking_token_hash" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "policy_id" TEXT NOT NULL,
    "calendar_version" TEXT NOT NULL,
    "classify_by" TIMESTAMPTZ(3) NOT NULL,
    "first_info_request_by" TIMESTAMPTZ(3) NOT NULL,
    "answer_by" TIMESTAMPTZ(3) NOT NULL,
    "forward_by" TIMESTAMPTZ(3),
    "publish_by" TIMESTAMPTZ(3),
    "current_stage" TEXT,
    "current_deadline" TIMESTAMPTZ(3),
    "responsible_unit" TEXT NOT NULL,
    "category" TEXT,
    "classification_reason" TEXT,
    "classified_at" TIMESTAMPTZ(3),
    "forward_to_agency_code" TEXT,
    "forward_to_agency_name" TEXT,
    "forwarded_at" TIMESTAMPTZ(3),
    "assigned_unit" TEXT,
    "assigned_officer_id" UUID,
    "info_request_count" INTEGER NOT NULL DEFAULT 0,
    "answer_text" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "search_text" TEXT,
    "satisfaction" TEXT,
    "rated_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_action_log" (
    "id" BIGSERIAL NOT NULL,
    "feedback_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "actor_subject" TEXT NOT NULL,
    "actor_unit" TEXT,
    "details" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_action_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_deadline_notice" (
    "feedback_id" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "announced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_deadline_notice_pkey" PRIMARY KEY ("feedback_id","stage","kind")
);

-- CreateTable
CREATE TABLE "feedback_code_counter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "feedback_code_counter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "procedure_copy" (
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "domain_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "procedure_copy_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "feedback_code_key" ON "feedback"("code");

-- CreateIndex
CREATE INDEX "feedback_status_received_at_idx" ON "feedback"("status", "received_at");

-- CreateIndex
CREATE INDEX "feedback_procedure_code_received_at_idx" ON "feedback"("procedure_code", "received_at");

-- CreateIndex
CREATE INDEX "feedback_current_deadline_idx" ON "feedback"("current_deadline");

-- CreateIndex
CREATE INDEX "feedback_content_hash_received_at_idx" ON "feedback"("content_hash", "received_at");

-- CreateIndex
CREATE INDEX "feedback_published_at_idx" ON "feedback"("published_at");

-- CreateIndex
CREATE INDEX "feedback_action_log_feedback_id_id_idx" ON "feedback_action_log"("feedback_id", "id");

-- AddForeignKey
ALTER TABLE "feedback_action_log" ADD CONSTRAINT "feedback_action_log_feedback_id_fkey" FOREIGN KEY ("feedback_id") REFERENCES "feedback"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_deadline_notice" ADD CONSTRAINT "feedback_deadline_notice_feedback_id_fkey" FOREIGN KEY ("feedback_id") REFERENCES "feedback"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
