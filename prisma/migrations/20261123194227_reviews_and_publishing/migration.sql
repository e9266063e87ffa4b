-- CreateEnum
CREATE TYPE "ReviewVerdict" AS ENUM ('APPROVE', 'REQUEST_CHANGES');

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "verdict" "ReviewVerdict" NOT NULL,
    "summary" TEXT,
    "contentVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ReviewDecision_revisionId_contentVersion_idx" ON "ReviewDecision"("revisionId", "contentVersion");

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "StoryRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Published revisions are immutable: the database refuses to change them or their content,
-- whatever the code does. (A revision becomes PUBLISHED by an update from another state.)
CREATE FUNCTION "refuse_published_revision_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Published revision % is immutable', OLD."id" USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "StoryRevision_published_immutable"
  BEFORE UPDATE OR DELETE ON "StoryRevision"
  FOR EACH ROW WHEN (OLD."state" = 'PUBLISHED')
  EXECUTE FUNCTION "refuse_published_revision_change"();

CREATE FUNCTION "refuse_published_content_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."revisionId" ELSE NEW."revisionId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "StoryRevision" WHERE "id" = target AND "state" = 'PUBLISHED')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM "StoryRevision" WHERE "id" = OLD."revisionId" AND "state" = 'PUBLISHED')) THEN
    RAISE EXCEPTION 'Published revision % is immutable', target USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "RevisionFact_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "RevisionFact"
  FOR EACH ROW EXECUTE FUNCTION "refuse_published_content_change"();
CREATE TRIGGER "FactSource_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "FactSource"
  FOR EACH ROW EXECUTE FUNCTION "refuse_published_content_change"();
CREATE TRIGGER "RevisionParagraph_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "RevisionParagraph"
  FOR EACH ROW EXECUTE FUNCTION "refuse_published_content_change"();
