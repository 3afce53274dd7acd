-- AlterTable
ALTER TABLE "stored_file" ADD COLUMN     "signatures" JSONB;
