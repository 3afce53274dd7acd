-- Receipt regardless of administrative boundaries (docs/inter-agency.md "Receipt at any desk").
-- receiving_agency_code: the agency whose desk received the dossier (officer intake), null online.
-- forwarded_at: set when that desk does not act for the resolving agency and forwarded it there.
-- result_return_place: where the applicant chose to get the result.
ALTER TABLE "dossier" ADD COLUMN "receiving_agency_code" TEXT;
ALTER TABLE "dossier" ADD COLUMN "forwarded_at" TIMESTAMPTZ(3);
ALTER TABLE "dossier" ADD COLUMN "result_return_place" TEXT;
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_result_return_place_check"
  CHECK ("result_return_place" IN ('receiving_desk', 'resolving_agency', 'post'));
