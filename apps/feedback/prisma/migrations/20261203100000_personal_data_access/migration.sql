-- CreateTable
CREATE TABLE "personal_data_access" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_subject" TEXT NOT NULL,
    "actor_roles" TEXT[],
    "actor_agency" TEXT,
    "actor_unit" TEXT,
    "object_kind" TEXT NOT NULL,
    "object_id" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "ip" TEXT,

    CONSTRAINT "personal_data_access_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "personal_data_access_object_id_id_idx" ON "personal_data_access"("object_id", "id");

-- CreateIndex
CREATE INDEX "personal_data_access_actor_subject_id_idx" ON "personal_data_access"("actor_subject", "id");

-- CreateIndex
CREATE INDEX "personal_data_access_occurred_at_idx" ON "personal_data_access"("occurred_at");

-- Append-only: no UPDATE ever, and DELETE only inside purge_personal_data_access (the retention policy).
-- (\073 is the semicolon: the migration runner splits statements on every semicolon, even inside strings.)
CREATE FUNCTION personal_data_access_append_only() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP = ''DELETE'' AND current_setting(''motcua.access_log_purge'', true) = ''on'' THEN RETURN OLD\073 END IF\073 RAISE EXCEPTION ''personal_data_access is append-only (% refused)'', TG_OP\073 END';

CREATE TRIGGER personal_data_access_append_only BEFORE UPDATE OR DELETE ON "personal_data_access" FOR EACH ROW EXECUTE FUNCTION personal_data_access_append_only();

CREATE FUNCTION purge_personal_data_access(retention_days integer) RETURNS integer LANGUAGE plpgsql AS E'DECLARE purged integer\073 BEGIN PERFORM set_config(''motcua.access_log_purge'', ''on'', true)\073 DELETE FROM personal_data_access WHERE occurred_at < now() - make_interval(days => retention_days)\073 GET DIAGNOSTICS purged = ROW_COUNT\073 PERFORM set_config(''motcua.access_log_purge'', ''off'', true)\073 RETURN purged\073 END';
