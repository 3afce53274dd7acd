-- CreateTable
CREATE TABLE "agency_tree_copy" (
    "province_code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "nodes" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_tree_copy_pkey" PRIMARY KEY ("province_code")
);
