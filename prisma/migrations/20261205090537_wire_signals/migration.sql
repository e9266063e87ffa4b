-- AlterTable
ALTER TABLE "WireStory" ADD COLUMN     "pubStatus" TEXT NOT NULL DEFAULT 'usable',
ADD COLUMN     "signalNote" TEXT,
ADD COLUMN     "versionKind" TEXT;

