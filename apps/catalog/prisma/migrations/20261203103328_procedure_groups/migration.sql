-- CreateTable
CREATE TABLE "procedure_group" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "current_version" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "procedure_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure_group_version" (
    "group_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "record" JSONB NOT NULL,
    "decision_id" UUID NOT NULL,
    "effective_from" DATE NOT NULL,
    "announced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_group_version_pkey" PRIMARY KEY ("group_id","version")
);

-- CreateIndex
CREATE UNIQUE INDEX "procedure_group_code_key" ON "procedure_group"("code");

-- CreateIndex
CREATE INDEX "procedure_group_version_decision_id_idx" ON "procedure_group_version"("decision_id");

-- AddForeignKey
ALTER TABLE "procedure_group_version" ADD CONSTRAINT "procedure_group_version_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "procedure_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedure_group_version" ADD CONSTRAINT "procedure_group_version_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "publication_decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
