-- Mot cua lien thong (docs/adr/0022): the stage whose agency asked for the supplement now awaited.
-- Its clock restarts when the supplement is complete, the other running stages only pause.
ALTER TABLE "dossier_stage" ADD COLUMN "supplement_requested_at" TIMESTAMPTZ(3);
