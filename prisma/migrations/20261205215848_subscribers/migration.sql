-- CreateEnum
CREATE TYPE "DeliveryFormat" AS ENUM ('NINJS_2_1', 'NEWSML_G2');

-- CreateEnum
CREATE TYPE "DeliveryEvent" AS ENUM ('PUBLISHED', 'CORRECTED', 'UNPUBLISHED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "Subscriber" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "formats" "DeliveryFormat"[],
    "events" "DeliveryEvent"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Subscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "subscriberId" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "event" "DeliveryEvent" NOT NULL,
    "format" "DeliveryFormat" NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "body" TEXT,
    "resendOfId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" BIGSERIAL NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Delivery_status_createdAt_idx" ON "Delivery"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Delivery_subscriberId_createdAt_idx" ON "Delivery"("subscriberId", "createdAt");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_deliveryId_at_idx" ON "DeliveryAttempt"("deliveryId", "at");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- deliver: one job per delivery (singletonKey = delivery id). A failed attempt is retried by the
-- queue with exponential backoff (15 s, 30 s, 1 min, … about 32 min in all); after the last, the
-- delivery is FAILED and an admin may send it again.
SELECT pgboss.create_queue('deliver', '{"policy": "short", "retryLimit": 7, "retryDelay": 15, "retryBackoff": true, "expireInSeconds": 120, "retentionMinutes": 10080}');
