/**
 * Tests that need material of `../shared` (the corpora) beside the repository. A checkout without
 * it still runs everything else; those suites are skipped with the reason in their title, so the
 * summary says what was not checked and why instead of passing quietly.
 */
import { describe } from "vitest";
import { corpusDir, corpusPath } from "../../scripts/lib/shared-folder";

/** `describe` when the corpus is there (its folder is passed to `body`), else a skipped suite that says why. */
export function describeWithCorpus(name: string, title: string, body: (dir: string) => void): void {
  const dir = corpusDir(name);
  if (dir) describe(title, () => body(dir));
  else describe.skip(`${title} (skipped: ${corpusPath(name)} not found; it comes with the shared folder beside the repository)`, () => body(""));
}
