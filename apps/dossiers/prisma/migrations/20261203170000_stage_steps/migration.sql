-- Một cửa liên thông: each stage runs its agency's own internal steps (docs/adr/0030).
-- steps: the chain's workflow for the stage (or one step of the whole share), with due dates
-- bounded by the stage's due date, status and assignee; [] for an external stage.
ALTER TABLE "dossier_stage" ADD COLUMN "steps" JSONB NOT NULL DEFAULT '[]';
