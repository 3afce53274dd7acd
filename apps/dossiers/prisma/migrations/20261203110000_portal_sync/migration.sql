-- CreateTable
CREATE TABLE "portal_sequence" (
    "dossier_code" TEXT NOT NULL,
    "last_sequence" INTEGER NOT NULL,

    CONSTRAINT "portal_sequence_pkey" PRIMARY KEY ("dossier_code")
);

-- CreateTable
CREATE TABLE "portal_change" (
    "position" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "event_id" UUID NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "status" JSONB NOT NULL,

    CONSTRAINT "portal_change_pkey" PRIMARY KEY ("position")
);

-- CreateTable
CREATE TABLE "portal_webhook" (
    "id" UUID NOT NULL,
    "owner_subject" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),
    "cursor_txid" BIGINT NOT NULL,
    "cursor_position" BIGINT NOT NULL,

    CONSTRAINT "portal_webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_webhook_delivery" (
    "id" BIGSERIAL NOT NULL,
    "webhook_id" UUID NOT NULL,
    "change_position" BIGINT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "portal_webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "portal_change_event_id_key" ON "portal_change"("event_id");

-- CreateIndex
CREATE INDEX "portal_change_txid_position_idx" ON "portal_change"("txid", "position");

-- CreateIndex
CREATE INDEX "portal_change_dossier_code_sequence_idx" ON "portal_change"("dossier_code", "sequence");

-- CreateIndex
CREATE INDEX "portal_webhook_owner_subject_idx" ON "portal_webhook"("owner_subject");

-- CreateIndex
CREATE UNIQUE INDEX "portal_webhook_delivery_webhook_id_change_position_key" ON "portal_webhook_delivery"("webhook_id", "change_position");

-- CreateIndex
CREATE INDEX "portal_webhook_delivery_state_next_attempt_at_idx" ON "portal_webhook_delivery"("state", "next_attempt_at");

-- The portal sequence: every portal status written to the outbox gets the next sequence of its dossier
-- (ce_sequence, CloudEvents sequence extension) and a row of portal_change, in the same transaction as the
-- status change, whatever the code path (interactive transaction or single-statement intake). The upsert
-- locks the dossier's counter row until commit, so the sequences of one dossier commit in order.
-- (\073 is the semicolon: the migration runner splits statements on every semicolon, even inside strings.)
CREATE FUNCTION portal_sequence_assign() RETURNS trigger LANGUAGE plpgsql AS E'DECLARE seq integer\073 BEGIN INSERT INTO portal_sequence AS s (dossier_code, last_sequence) VALUES (NEW.event_key, 1) ON CONFLICT (dossier_code) DO UPDATE SET last_sequence = s.last_sequence + 1 RETURNING s.last_sequence INTO seq\073 NEW.envelope := jsonb_set(NEW.envelope, ''{sequence}'', to_jsonb(lpad(seq::text, 10, ''0'')))\073 INSERT INTO portal_change (txid, dossier_code, sequence, event_id, changed_at, status) VALUES (pg_current_xact_id()::text::bigint, NEW.event_key, seq, NEW.event_id, (NEW.envelope->>''time'')::timestamptz, NEW.envelope->''data'')\073 RETURN NEW\073 END';

CREATE TRIGGER portal_sequence_assign BEFORE INSERT ON "outbox_event" FOR EACH ROW WHEN (NEW.topic = 'portal.dossier-status.v1') EXECUTE FUNCTION portal_sequence_assign();
