-- AlterTable
ALTER TABLE "procedure" ADD COLUMN     "chain_agency_codes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "procedure_chain_agency_codes_idx" ON "procedure" USING GIN ("chain_agency_codes");


-- Backfill: the agencies of the chain of each procedure's announced version (none for one agency).
UPDATE "procedure" p
SET "chain_agency_codes" = ARRAY(
  SELECT DISTINCT stage->>'agencyCode'
  FROM "procedure_version" v, jsonb_array_elements(v."record"->'interAgency'->'stages') AS stage
  WHERE v."procedure_id" = p."id" AND v."version" = p."current_version"
)
WHERE EXISTS (
  SELECT 1 FROM "procedure_version" v
  WHERE v."procedure_id" = p."id" AND v."version" = p."current_version" AND v."record"->'interAgency' IS NOT NULL
);
