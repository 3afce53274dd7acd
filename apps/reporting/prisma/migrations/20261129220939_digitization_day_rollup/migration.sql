-- CreateTable
CREATE TABLE "digitization_day_rollup" (
    "generation" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "agency_code" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "scans" INTEGER NOT NULL,
    "scans_synced" INTEGER NOT NULL,
    "results_issued" INTEGER NOT NULL,
    "results_issued_electronic" INTEGER NOT NULL,
    "reuses" INTEGER NOT NULL,
    "results_revoked" INTEGER NOT NULL,
    "last_occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "digitization_day_rollup_pkey" PRIMARY KEY ("generation","day","agency_code")
);
