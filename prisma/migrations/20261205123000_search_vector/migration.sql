-- Search reads a stored text vector instead of computing to_tsvector for every matching row
-- (ranking recomputed it even where the expression index found the rows).
ALTER TABLE "WireStory" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "searchText")) STORED;

DROP INDEX "WireStory_search_idx";

CREATE INDEX "WireStory_searchVector_idx" ON "WireStory" USING GIN ("searchVector");
