-- AlterTable
ALTER TABLE "dossier" ADD COLUMN     "legal_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "supplement_outstanding" JSONB;

-- Backfill the legal due date. Without an apology it is the due date in force. After an apology
-- it is the date the apology moved (the first extension's previousDueAt), unless a supplement
-- restart came later: a restart sets a new legal (and promised) date.
UPDATE "dossier" d SET "legal_due_at" = CASE
  WHEN d."extension_count" = 0 THEN d."due_at"
  ELSE COALESCE((
    SELECT CASE WHEN l."action" = 'extend' THEN (l."details"->>'previousDueAt')::timestamptz ELSE d."due_at" END
    FROM "dossier_action_log" l
    WHERE l."dossier_id" = d."id" AND l."action" IN ('extend', 'supplement-received')
    ORDER BY l."id" DESC LIMIT 1
  ), d."due_at")
END
WHERE d."due_at" IS NOT NULL;

-- An open supplement request: everything it listed is still awaited (numbered from 1).
UPDATE "dossier" d SET "supplement_outstanding" = (
  SELECT jsonb_agg(m.value || jsonb_build_object('item', m.ordinality) ORDER BY m.ordinality)
  FROM jsonb_array_elements(d."missing") WITH ORDINALITY AS m(value, ordinality)
)
WHERE d."status" = 'supplement_requested' AND jsonb_typeof(d."missing") = 'array';
