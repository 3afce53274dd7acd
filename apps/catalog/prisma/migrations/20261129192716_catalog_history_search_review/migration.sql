-- pg_trgm backs the trigram index on procedure.search_text (substring search)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "procedure" ADD COLUMN     "agency_code" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "domain_code" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "is_demo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "level" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "online_level" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "search_text" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "procedure_version" ADD COLUMN     "decision_id" UUID,
ADD COLUMN     "effect" TEXT NOT NULL DEFAULT 'publish',
ADD COLUMN     "related_code" TEXT;

-- CreateTable
CREATE TABLE "domain" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "responsible_unit_code" TEXT NOT NULL,
    "responsible_unit_name" TEXT NOT NULL,

    CONSTRAINT "domain_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "publication_decision" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "signed_on" DATE NOT NULL,
    "effective_from" DATE NOT NULL,
    "announced_at" TIMESTAMPTZ(3),
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publication_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_campaign" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "plan_reference" TEXT,
    "domain_code" TEXT NOT NULL,
    "responsible_unit_code" TEXT NOT NULL,
    "responsible_unit_name" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "procedure_codes" TEXT[],
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "report_reference" TEXT,

    CONSTRAINT "review_campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure_evaluation" (
    "campaign_id" UUID NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "procedure_version" INTEGER NOT NULL,
    "evaluated_by" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "conclusion" TEXT NOT NULL,
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_evaluation_pkey" PRIMARY KEY ("campaign_id","procedure_code")
);

-- CreateTable
CREATE TABLE "simplification_proposal" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "procedure_version" INTEGER NOT NULL,
    "proposals" JSONB NOT NULL,
    "cuts" JSONB NOT NULL,
    "compliance_cost" JSONB NOT NULL,
    "saving_vnd" BIGINT NOT NULL,
    "saving_percent" DOUBLE PRECISION NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "simplification_proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "publication_decision_announced_at_effective_from_idx" ON "publication_decision"("announced_at", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "review_campaign_year_domain_code_name_key" ON "review_campaign"("year", "domain_code", "name");

-- CreateIndex
CREATE INDEX "simplification_proposal_campaign_id_procedure_code_idx" ON "simplification_proposal"("campaign_id", "procedure_code");

-- CreateIndex
CREATE INDEX "procedure_domain_code_status_idx" ON "procedure"("domain_code", "status");

-- CreateIndex
CREATE INDEX "procedure_agency_code_idx" ON "procedure"("agency_code");

-- CreateIndex
CREATE INDEX "procedure_search_text_trgm_idx" ON "procedure" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "procedure_version_decision_id_idx" ON "procedure_version"("decision_id");

-- AddForeignKey
ALTER TABLE "procedure_version" ADD CONSTRAINT "procedure_version_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "publication_decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure_evaluation" ADD CONSTRAINT "procedure_evaluation_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "review_campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "simplification_proposal" ADD CONSTRAINT "simplification_proposal_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "review_campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Lĩnh vực of the Department of Finance (Sở Tài chính): the five review domains of the plan,
-- each with the department responsible for its review (Phụ lục 02, mục 2).
INSERT INTO "domain" ("code", "name", "responsible_unit_code", "responsible_unit_name") VALUES
  ('THTK', 'Tin học thống kê tài chính', 'P.QLNS', 'Phòng Quản lý ngân sách'),
  ('TCNS', 'Tài chính ngân sách', 'P.QLCS-TCDN', 'Phòng Quản lý công sản & Tài chính doanh nghiệp'),
  ('TCDN', 'Tài chính doanh nghiệp', 'P.QLNS', 'Phòng Quản lý ngân sách'),
  ('QLG', 'Quản lý giá', 'P.QLG', 'Phòng Quản lý Giá'),
  ('QLCS', 'Quản lý công sản', 'P.QLCS-TCDN', 'Phòng Quản lý công sản & Tài chính doanh nghiệp')
ON CONFLICT ("code") DO NOTHING;

-- Procedures published before this migration: copy the summary of their current version.
-- (New rows get search_text from the service, folded in TypeScript, and this SQL fold is equivalent for Vietnamese.)
UPDATE "procedure" p SET
  "name" = v."record"->>'name',
  "domain_code" = v."record"->>'domainCode',
  "agency_code" = v."record"->>'agencyCode',
  "level" = v."record"->>'level',
  "online_level" = v."record"->>'onlineLevel',
  "search_text" = translate(lower(translate(concat_ws(' ', v."record"->>'code', v."record"->>'name', v."record"->>'domainName', v."record"->>'decidingAgency'),
      'ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ', 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ')), 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')
FROM "procedure_version" v
WHERE v."procedure_id" = p."id" AND v."version" = p."current_version";
