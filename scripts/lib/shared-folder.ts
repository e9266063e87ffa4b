import fs from "node:fs";
import path from "node:path";

/**
 * The one lookup of `../shared` (the sample stories and the public corpora), found beside the
 * repository, never by an absolute path: CI and other clones keep it elsewhere.
 */
export const REPO_ROOT = path.resolve(__dirname, "../..");
export const SHARED_DIR = path.resolve(REPO_ROOT, "..", "shared");

/** Where a corpus of `../shared/corpora` would be; the scripts name it in "not found" messages. */
export function corpusPath(name: string): string {
  return path.join(SHARED_DIR, "corpora", name);
}

/** A folder of `../shared/corpora`, or null when this checkout has no shared folder beside it. */
export function corpusDir(name: string): string | null {
  const dir = corpusPath(name);
  return fs.existsSync(dir) ? dir : null;
}

/** The five sample stories: `../shared/seeds`, else the copy the repository ships in prisma/seed-data. */
export const SEEDS_DIR = [path.join(SHARED_DIR, "seeds"), path.join(REPO_ROOT, "prisma", "seed-data")].find(
  (dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((file) => file.endsWith(".txt")),
)!;

/** The sample story files, in name order. */
export function seedFiles(): string[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((file) => /^\d{3}_.*\.txt$/.test(file))
    .sort()
    .map((file) => path.join(SEEDS_DIR, file));
}
