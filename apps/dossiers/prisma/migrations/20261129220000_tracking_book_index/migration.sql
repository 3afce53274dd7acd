-- CreateIndex
CREATE INDEX "dossier_agency_code_received_at_id_idx" ON "dossier"("agency_code", "received_at", "id");
