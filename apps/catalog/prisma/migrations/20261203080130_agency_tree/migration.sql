-- CreateTable
CREATE TABLE "agency_tree" (
    "province_code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "nodes" JSONB NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_tree_pkey" PRIMARY KEY ("province_code")
);
