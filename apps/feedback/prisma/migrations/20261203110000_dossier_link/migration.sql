-- The dossiers this service knows (from motcua.dossier.received) and the links of feedback items to them.
CREATE TABLE "dossier_ref" (
    "dossier_code" TEXT NOT NULL,
    "dossier_id" UUID NOT NULL,
    "agency_code" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossier_ref_pkey" PRIMARY KEY ("dossier_code")
);

CREATE UNIQUE INDEX "dossier_ref_dossier_id_key" ON "dossier_ref"("dossier_id");

CREATE TABLE "feedback_dossier_link" (
    "feedback_id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "conduct" BOOLEAN NOT NULL,
    "verification" TEXT NOT NULL,
    "repeat_of" UUID,
    "reason" TEXT,
    "linked_by" TEXT NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_dossier_link_pkey" PRIMARY KEY ("feedback_id")
);

CREATE INDEX "feedback_dossier_link_dossier_id_idx" ON "feedback_dossier_link"("dossier_id");
