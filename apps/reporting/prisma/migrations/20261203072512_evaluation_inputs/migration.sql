-- AlterTable
ALTER TABLE "dossier_fact" ADD COLUMN     "agencies_answer" TEXT,
ADD COLUMN     "contacts_desk" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "contacts_other" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "evaluated_at" TIMESTAMPTZ(3),
ADD COLUMN     "fault_supplements" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "intake_supplements" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "legal_due_date" TIMESTAMPTZ(3),
ADD COLUMN     "officer_conduct" TEXT,
ADD COLUMN     "payment_requests" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "payment_requests_nonzero" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "publication_answer" TEXT,
ADD COLUMN     "satisfaction" TEXT;

-- AlterTable
ALTER TABLE "procedure_fact" ADD COLUMN     "has_fee" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "dossier_feedback_link" (
    "generation" INTEGER NOT NULL,
    "feedback_id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "agency_code" TEXT NOT NULL,
    "conduct" BOOLEAN NOT NULL,
    "verification" TEXT NOT NULL,
    "repeat_of" UUID,
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossier_feedback_link_pkey" PRIMARY KEY ("generation","feedback_id")
);

-- CreateTable
CREATE TABLE "portal_sync_fact" (
    "generation" INTEGER NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "last_accepted_at" TIMESTAMPTZ(3),
    "last_event_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "portal_sync_fact_pkey" PRIMARY KEY ("generation","dossier_code")
);

-- CreateIndex
CREATE INDEX "dossier_feedback_link_generation_dossier_id_idx" ON "dossier_feedback_link"("generation", "dossier_id");

-- CreateIndex
CREATE INDEX "dossier_fact_generation_dossier_code_idx" ON "dossier_fact"("generation", "dossier_code");
