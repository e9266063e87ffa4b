-- CreateTable
CREATE TABLE "StoryPresence" (
    "storyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "factId" TEXT,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryPresence_pkey" PRIMARY KEY ("storyId","userId")
);

-- CreateIndex
CREATE INDEX "StoryPresence_storyId_seenAt_idx" ON "StoryPresence"("storyId", "seenAt");

-- AddForeignKey
ALTER TABLE "StoryPresence" ADD CONSTRAINT "StoryPresence_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryPresence" ADD CONSTRAINT "StoryPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

