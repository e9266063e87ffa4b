-- CreateTable
CREATE TABLE "FormerSlug" (
    "slug" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormerSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "FormerSlug_storyId_idx" ON "FormerSlug"("storyId");

-- AddForeignKey
ALTER TABLE "FormerSlug" ADD CONSTRAINT "FormerSlug_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

