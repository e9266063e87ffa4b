-- The search vector stays in the wire's row (compressed), and the bodies, the original and the
-- analysis go out of line first: search reads the vector of thousands of rows per query, and
-- fetching each from the TOAST table cost several page reads a row (a search at 100,000 wires
-- took three times as long). Applies to rows written from now on.
ALTER TABLE "WireStory" ALTER COLUMN "searchVector" SET STORAGE MAIN;
