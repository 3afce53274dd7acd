-- AlterTable
ALTER TABLE "dossier_fact" ADD COLUMN     "steps_completed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "steps_early" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "steps_late" INTEGER NOT NULL DEFAULT 0;
