-- AlterTable
ALTER TABLE "WireStory" ADD COLUMN     "eventId" TEXT,
ADD COLUMN     "eventPlacedById" TEXT,
ADD COLUMN     "eventTerms" JSONB;

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "newsEventId" TEXT;

-- AlterTable
ALTER TABLE "StoryWire" ALTER COLUMN "addedById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "NewsEvent" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "representativeWireId" TEXT,
    "wireCount" INTEGER NOT NULL DEFAULT 0,
    "firstArrival" TIMESTAMP(3) NOT NULL,
    "lastArrival" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsEventTerm" (
    "eventId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "NewsEventTerm_pkey" PRIMARY KEY ("eventId","term")
);

-- CreateTable
CREATE TABLE "EventTermFrequency" (
    "term" TEXT NOT NULL,
    "wires" INTEGER NOT NULL,

    CONSTRAINT "EventTermFrequency_pkey" PRIMARY KEY ("term")
);

-- CreateTable
CREATE TABLE "NewsEventView" (
    "userId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewsEventView_pkey" PRIMARY KEY ("userId","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "NewsEvent_seq_key" ON "NewsEvent"("seq");

-- CreateIndex
CREATE INDEX "NewsEvent_lastArrival_id_idx" ON "NewsEvent"("lastArrival", "id");

-- CreateIndex
CREATE INDEX "NewsEventTerm_term_idx" ON "NewsEventTerm"("term");

-- CreateIndex
CREATE INDEX "WireStory_eventId_createdAt_idx" ON "WireStory"("eventId", "createdAt");

-- CreateIndex
CREATE INDEX "Story_newsEventId_idx" ON "Story"("newsEventId");

-- AddForeignKey
ALTER TABLE "WireStory" ADD CONSTRAINT "WireStory_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "NewsEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_newsEventId_fkey" FOREIGN KEY ("newsEventId") REFERENCES "NewsEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsEventTerm" ADD CONSTRAINT "NewsEventTerm_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "NewsEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsEventView" ADD CONSTRAINT "NewsEventView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsEventView" ADD CONSTRAINT "NewsEventView_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "NewsEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

