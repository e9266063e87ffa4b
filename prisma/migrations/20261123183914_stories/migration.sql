-- CreateEnum
CREATE TYPE "RevisionState" AS ENUM ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'UNPUBLISHED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "Story" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "liveRevisionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryWire" (
    "storyId" TEXT NOT NULL,
    "wireStoryId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryWire_pkey" PRIMARY KEY ("storyId","wireStoryId")
);

-- CreateTable
CREATE TABLE "StoryRevision" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "RevisionState" NOT NULL DEFAULT 'DRAFT',
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL DEFAULT '',
    "dateline" TEXT,
    "metaVersion" INTEGER NOT NULL DEFAULT 1,
    "contentVersion" INTEGER NOT NULL DEFAULT 1,
    "correctionNote" TEXT,
    "basedOnId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,

    CONSTRAINT "StoryRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevisionParagraph" (
    "revisionId" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "position" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RevisionParagraph_pkey" PRIMARY KEY ("revisionId","paragraphId")
);

-- CreateTable
CREATE TABLE "RevisionFact" (
    "revisionId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "position" DOUBLE PRECISION NOT NULL,
    "text" TEXT NOT NULL,
    "ownReportingNote" TEXT,
    "discrepancies" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevisionFact_pkey" PRIMARY KEY ("revisionId","factId")
);

-- CreateTable
CREATE TABLE "FactSource" (
    "revisionId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "wireStoryId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "FactSource_pkey" PRIMARY KEY ("revisionId","factId","wireStoryId","start","end")
);

-- CreateTable
CREATE TABLE "StoryEvent" (
    "id" BIGSERIAL NOT NULL,
    "storyId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "factId" TEXT,
    "actorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "operation" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Story_slug_key" ON "Story"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Story_liveRevisionId_key" ON "Story"("liveRevisionId");

-- CreateIndex
CREATE INDEX "StoryWire_wireStoryId_idx" ON "StoryWire"("wireStoryId");

-- CreateIndex
CREATE INDEX "StoryRevision_state_idx" ON "StoryRevision"("state");

-- CreateIndex
CREATE UNIQUE INDEX "StoryRevision_storyId_number_key" ON "StoryRevision"("storyId", "number");

-- CreateIndex
CREATE INDEX "FactSource_wireStoryId_start_end_idx" ON "FactSource"("wireStoryId", "start", "end");

-- CreateIndex
CREATE INDEX "StoryEvent_storyId_id_idx" ON "StoryEvent"("storyId", "id");

-- CreateIndex
CREATE INDEX "StoryEvent_revisionId_factId_idx" ON "StoryEvent"("revisionId", "factId");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_liveRevisionId_fkey" FOREIGN KEY ("liveRevisionId") REFERENCES "StoryRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryWire" ADD CONSTRAINT "StoryWire_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryWire" ADD CONSTRAINT "StoryWire_wireStoryId_fkey" FOREIGN KEY ("wireStoryId") REFERENCES "WireStory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryRevision" ADD CONSTRAINT "StoryRevision_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryRevision" ADD CONSTRAINT "StoryRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionParagraph" ADD CONSTRAINT "RevisionParagraph_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "StoryRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionFact" ADD CONSTRAINT "RevisionFact_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "StoryRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactSource" ADD CONSTRAINT "FactSource_revisionId_factId_fkey" FOREIGN KEY ("revisionId", "factId") REFERENCES "RevisionFact"("revisionId", "factId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactSource" ADD CONSTRAINT "FactSource_wireStoryId_fkey" FOREIGN KEY ("wireStoryId") REFERENCES "WireStory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryEvent" ADD CONSTRAINT "StoryEvent_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryEvent" ADD CONSTRAINT "StoryEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

