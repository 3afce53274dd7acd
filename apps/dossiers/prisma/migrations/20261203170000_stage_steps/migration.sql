-- Một cửa liên thông: each stage runs the internal steps of its agency (docs/adr/0030).
-- steps: the workflow of the chain for the stage (or one step of the whole share), with due dates
-- bounded by the due date of the stage, status and assignee. Empty for an external stage.
ALTER TABLE "dossier_stage" ADD COLUMN "steps" JSONB NOT NULL DEFAULT '[]'::jsonb;
