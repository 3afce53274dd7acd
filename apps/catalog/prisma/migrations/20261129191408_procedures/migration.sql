-- CreateTable
CREATE TABLE "procedure" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "current_version" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure_version" (
    "procedure_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "record" JSONB NOT NULL,
    "decision_number" TEXT NOT NULL,
    "decision_kind" TEXT NOT NULL,
    "signed_on" DATE NOT NULL,
    "effective_from" DATE NOT NULL,
    "announced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_version_pkey" PRIMARY KEY ("procedure_id","version")
);

-- CreateIndex
CREATE UNIQUE INDEX "procedure_code_key" ON "procedure"("code");

-- CreateIndex
CREATE INDEX "procedure_version_effective_from_announced_at_idx" ON "procedure_version"("effective_from", "announced_at");

-- AddForeignKey
ALTER TABLE "procedure_version" ADD CONSTRAINT "procedure_version_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
