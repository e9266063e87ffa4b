-- Wire items and their versions (lib/domain/wire/identity.ts): every wire story belongs to an
-- item (itemKey) at a version; the chain of previousVersionId links gives way to them.

-- AlterTable: the new columns, filled in below for the rows already stored.
ALTER TABLE "WireStory"
ADD COLUMN     "isLatestVersion" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "itemKey" TEXT,
ADD COLUMN     "title" TEXT,
ADD COLUMN     "version" INTEGER;

-- Stored stories: the guid is the item when the format gave one; otherwise each story is an
-- item of its own, keyed by its content as new imports of such stories are.
UPDATE "WireStory" SET "itemKey" = COALESCE("externalId", 'urn:factdesk:content:' || "contentHash");

-- Versions in order of arrival; the newest is the one the inbox lists.
UPDATE "WireStory" AS w SET "version" = ranked.n, "isLatestVersion" = (ranked.n = ranked.total)
FROM (
  SELECT id,
         row_number() OVER (PARTITION BY "itemKey" ORDER BY "createdAt", id)::int AS n,
         count(*) OVER (PARTITION BY "itemKey")::int AS total
  FROM "WireStory"
) AS ranked
WHERE ranked.id = w.id;

-- The title as lib/domain/wire wireTitle makes it: the headline, else the first sentence, without
-- its full stop, or cut at a word with an ellipsis past 90 characters.
UPDATE "WireStory" SET "title" = CASE
  WHEN NULLIF(btrim("headline"), '') IS NOT NULL THEN regexp_replace(btrim("headline"), '\s+', ' ', 'g')
  ELSE (
    SELECT CASE
      WHEN length(s) <= 90 THEN regexp_replace(s, '([^.])\.$', '\1')
      ELSE regexp_replace(left(s, 89), '[\s,;:]*\s\S*$', '') || '…'
    END
    FROM (SELECT regexp_replace(btrim(COALESCE("analysis"->'sentences'->0->>'text', '')), '\s+', ' ', 'g') AS s) AS first_sentence
  )
END;

ALTER TABLE "WireStory" ALTER COLUMN "itemKey" SET NOT NULL,
ALTER COLUMN "title" SET NOT NULL,
ALTER COLUMN "version" SET NOT NULL;

-- DropForeignKey
ALTER TABLE "WireStory" DROP CONSTRAINT "WireStory_previousVersionId_fkey";

-- DropIndex
DROP INDEX "WireStory_previousVersionId_key";

-- DropIndex
DROP INDEX "WireStory_externalId_externalVersion_idx";

-- AlterTable
ALTER TABLE "WireStory" DROP COLUMN "previousVersionId";

-- CreateIndex
CREATE INDEX "WireStory_isLatestVersion_createdAt_idx" ON "WireStory"("isLatestVersion", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WireStory_itemKey_version_key" ON "WireStory"("itemKey", "version");
