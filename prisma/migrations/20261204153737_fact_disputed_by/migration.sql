-- AlterTable
ALTER TABLE "RevisionFact" ADD COLUMN     "disputedBy" JSONB NOT NULL DEFAULT '[]';

