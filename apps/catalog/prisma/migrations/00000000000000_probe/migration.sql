-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Probe" (
    "id" TEXT NOT NULL,

    CONSTRAINT "Probe_pkey" PRIMARY KEY ("id")
);

