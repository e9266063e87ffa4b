-- CreateTable
CREATE TABLE "StoryProposalDismissal" (
    "storyId" TEXT NOT NULL,
    "wireStoryId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "dismissedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryProposalDismissal_pkey" PRIMARY KEY ("storyId","wireStoryId","start","end")
);

-- AddForeignKey
ALTER TABLE "StoryProposalDismissal" ADD CONSTRAINT "StoryProposalDismissal_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

