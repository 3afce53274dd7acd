-- A receiving centre's forwarded dossiers, newest receipt first (GET /receiving-desk/dossiers).
CREATE INDEX "dossier_receiving_agency_code_received_at_id_idx" ON "dossier"("receiving_agency_code", "received_at", "id");
