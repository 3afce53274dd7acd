-- CreateTable
CREATE TABLE "stored_file" (
    "sha256" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "pages" INTEGER NOT NULL,
    "signed" BOOLEAN NOT NULL DEFAULT false,
    "stored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_file_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "digitized_document" (
    "id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "applicant_key" TEXT NOT NULL,
    "document_code" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "digitized_by_unit" TEXT NOT NULL,
    "digitized_by" TEXT NOT NULL,
    "agency_code" TEXT,
    "digitized_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "valid_until" DATE,

    CONSTRAINT "digitized_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digitized_result" (
    "id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "applicant_key" TEXT NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "result_type" TEXT NOT NULL,
    "reuse_code" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issued_on" DATE NOT NULL,
    "valid_until" DATE,
    "issuing_agency_code" TEXT NOT NULL,
    "issuing_agency_name" TEXT NOT NULL,
    "electronic" BOOLEAN NOT NULL,
    "file_sha256" TEXT,
    "filename" TEXT,
    "issued_by_unit" TEXT NOT NULL,
    "issued_by" TEXT NOT NULL,
    "access_secret_hash" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_on" DATE,
    "revoke_reason" TEXT,
    "revoke_decision" TEXT,

    CONSTRAINT "digitized_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_reuse" (
    "id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "applicant_key" TEXT NOT NULL,
    "document_code" TEXT NOT NULL,
    "source_kind" TEXT NOT NULL,
    "source_id" UUID NOT NULL,
    "from_dossier_id" UUID,
    "reused_by" TEXT NOT NULL,
    "reused_by_unit" TEXT NOT NULL,
    "reused_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_reuse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_copy" (
    "dossier_id" UUID NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "applicant_key" TEXT NOT NULL,
    "portal_status" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(3),
    "processed_at" TIMESTAMPTZ(3),
    "electronic_result" BOOLEAN,
    "documents" JSONB NOT NULL DEFAULT '[]',
    "handling_units" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dossier_copy_pkey" PRIMARY KEY ("dossier_id")
);

-- CreateIndex
CREATE INDEX "digitized_document_applicant_key_document_code_idx" ON "digitized_document"("applicant_key", "document_code");

-- CreateIndex
CREATE INDEX "digitized_document_dossier_id_idx" ON "digitized_document"("dossier_id");

-- CreateIndex
CREATE UNIQUE INDEX "digitized_document_dossier_id_document_code_file_sha256_key" ON "digitized_document"("dossier_id", "document_code", "file_sha256");

-- CreateIndex
CREATE INDEX "digitized_result_applicant_key_reuse_code_idx" ON "digitized_result"("applicant_key", "reuse_code");

-- CreateIndex
CREATE INDEX "digitized_result_dossier_id_idx" ON "digitized_result"("dossier_id");

-- CreateIndex
CREATE INDEX "digitized_result_dossier_code_idx" ON "digitized_result"("dossier_code");

-- CreateIndex
CREATE UNIQUE INDEX "digitized_result_issuing_agency_code_number_key" ON "digitized_result"("issuing_agency_code", "number");

-- CreateIndex
CREATE INDEX "document_reuse_applicant_key_idx" ON "document_reuse"("applicant_key");

-- CreateIndex
CREATE UNIQUE INDEX "document_reuse_dossier_id_document_code_key" ON "document_reuse"("dossier_id", "document_code");

-- CreateIndex
CREATE INDEX "dossier_copy_dossier_code_idx" ON "dossier_copy"("dossier_code");

-- CreateIndex
CREATE INDEX "dossier_copy_agency_code_received_at_idx" ON "dossier_copy"("agency_code", "received_at");

-- CreateIndex
CREATE INDEX "dossier_copy_agency_code_processed_at_idx" ON "dossier_copy"("agency_code", "processed_at");

-- AddForeignKey
ALTER TABLE "digitized_document" ADD CONSTRAINT "digitized_document_file_sha256_fkey" FOREIGN KEY ("file_sha256") REFERENCES "stored_file"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digitized_result" ADD CONSTRAINT "digitized_result_file_sha256_fkey" FOREIGN KEY ("file_sha256") REFERENCES "stored_file"("sha256") ON DELETE SET NULL ON UPDATE CASCADE;
