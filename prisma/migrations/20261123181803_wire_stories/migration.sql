-- CreateTable
CREATE TABLE "WireStory" (
    "id" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "contentType" TEXT,
    "filename" TEXT,
    "feed" TEXT,
    "originalBytes" BYTEA NOT NULL,
    "originalText" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headline" TEXT,
    "agency" TEXT,
    "dateline" TEXT,
    "storyDate" DATE,
    "byline" TEXT,
    "language" TEXT,
    "externalId" TEXT,
    "externalVersion" INTEGER,
    "contentHash" TEXT NOT NULL,
    "analysis" JSONB NOT NULL,
    "restoredStarts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "sentenceCount" INTEGER NOT NULL,
    "bodyLength" INTEGER NOT NULL,
    "searchText" TEXT NOT NULL,
    "previousVersionId" TEXT,
    "importedById" TEXT,
    "apiKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WireStory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WireStory_contentHash_key" ON "WireStory"("contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "WireStory_previousVersionId_key" ON "WireStory"("previousVersionId");

-- CreateIndex
CREATE INDEX "WireStory_agency_idx" ON "WireStory"("agency");

-- CreateIndex
CREATE INDEX "WireStory_storyDate_idx" ON "WireStory"("storyDate");

-- CreateIndex
CREATE INDEX "WireStory_createdAt_idx" ON "WireStory"("createdAt");

-- CreateIndex
CREATE INDEX "WireStory_externalId_externalVersion_idx" ON "WireStory"("externalId", "externalVersion");

-- AddForeignKey
ALTER TABLE "WireStory" ADD CONSTRAINT "WireStory_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "WireStory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireStory" ADD CONSTRAINT "WireStory_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireStory" ADD CONSTRAINT "WireStory_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Full-text search over headline and body (the wire inbox's search box).
CREATE INDEX "WireStory_search_idx" ON "WireStory" USING GIN (to_tsvector('english', "searchText"));
