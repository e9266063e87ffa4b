-- CreateTable
CREATE TABLE "PublicCacheExpiry" (
    "id" BIGSERIAL NOT NULL,
    "tags" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicCacheExpiry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublicCacheExpiry_createdAt_idx" ON "PublicCacheExpiry"("createdAt");

