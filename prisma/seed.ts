import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/server/db";
import { generateApiKey, hashApiKey } from "@/lib/server/api-keys";
import { hashPassword } from "@/lib/server/passwords";
import { createStory } from "@/lib/server/services/create-story";
import { importWireStory } from "@/lib/server/services/import-wire-story";
import { publishRevision } from "@/lib/server/services/publish-revision";
import { reviewRevision } from "@/lib/server/services/review-revision";
import { DATA_DIR } from "../scripts/lib/database";
import { seedFiles } from "../scripts/lib/shared-folder";
import { DEMO_USERS } from "./demo-users";

/**
 * A short wire written for the demo and labelled fictional in its own text (headline and
 * editor's note): it disagrees with the samples on a figure and a weekday, so the demo's draft
 * shows real discrepancies. Only the draft story uses it, never the published one.
 */
export const DEMO_DISPUTING_WIRE = path.resolve("prisma", "seed-data", "demo", "fictional-wire.txt");

export const DEMO_API_KEY_FILE = path.join(DATA_DIR, "demo-api-key");
const DEMO_API_KEY_NAME = "Demo feed";

async function seedUsers() {
  for (const user of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (existing) continue;
    await db.user.create({
      data: { email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) },
    });
  }
  console.log(`Demo users ready: ${DEMO_USERS.map((user) => user.email).join(", ")}`);
}

async function seedWireStories(files: string[] = seedFiles()): Promise<string[]> {
  const writer = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email }, select: { id: true, email: true, name: true, role: true } });
  const ids: string[] = [];
  for (const file of files) {
    const result = await importWireStory({
      source: { kind: "user", user: { ...writer, role: "WRITER" } },
      upload: { bytes: fs.readFileSync(file), contentType: "text/plain", filename: path.basename(file) },
    });
    ids.push(result.story.id);
    console.log(`  ${result.outcome === "duplicate" ? "present " : "imported"} ${path.basename(file)}: ${result.story.headline ?? "(no headline)"} [${result.story.agency ?? "agency unknown"}]`);
  }
  console.log(`Wire stories ready (${files.length}).`);
  return ids;
}

/** One consolidated story from the sample stories, unless the newsroom already has stories. */
async function demoActor(index: 0 | 1 | 2 | 3) {
  const user = DEMO_USERS[index];
  const row = await db.user.findUniqueOrThrow({ where: { email: user.email }, select: { id: true, email: true, name: true } });
  return { ...row, role: user.role };
}

/**
 * Two stories from the samples, unless the newsroom already has stories: one taken through
 * review and published (writer submits, editor approves, publisher publishes), one left as a
 * draft to work on, which also takes the fictional demo wire, so it has discrepancies to resolve.
 */
async function seedDemoStories(wireStoryIds: string[], disputingWireIds: string[]) {
  if (wireStoryIds.length === 0 || (await db.story.count()) > 0) return;
  const [writer, editor, publisher] = [await demoActor(0), await demoActor(1), await demoActor(2)];
  const published = await createStory({ actor: writer, input: { wireStoryIds } });
  const { contentVersion } = await db.storyRevision.findUniqueOrThrow({ where: { id: published.revisionId }, select: { contentVersion: true } });
  await reviewRevision({ actor: writer, revisionId: published.revisionId, input: { transition: "submit", contentVersion } });
  await reviewRevision({ actor: editor, revisionId: published.revisionId, input: { transition: "approve", contentVersion } });
  await publishRevision({ actor: publisher, revisionId: published.revisionId, input: { contentVersion } });
  console.log(`Demo story published: /p/${published.slug}`);
  const draft = await createStory({ actor: writer, input: { wireStoryIds: [...wireStoryIds, ...disputingWireIds] } });
  console.log(`Demo draft story: /stories/${draft.storyId}`);
}

/**
 * A demo API key whose value is known locally: kept in ./.data (never committed) so the demo
 * can print it on every start; replaced when the database doesn't know it.
 */
async function seedDemoApiKey() {
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[3].email }, select: { id: true } });
  const saved = fs.existsSync(DEMO_API_KEY_FILE) ? fs.readFileSync(DEMO_API_KEY_FILE, "utf8").trim() : "";
  if (saved) {
    const known = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(saved) }, select: { revokedAt: true } });
    if (known && !known.revokedAt) return;
  }
  const { key, prefix, keyHash } = generateApiKey();
  await db.apiKey.create({ data: { name: DEMO_API_KEY_NAME, prefix, keyHash, createdById: admin.id } });
  fs.mkdirSync(path.dirname(DEMO_API_KEY_FILE), { recursive: true });
  fs.writeFileSync(DEMO_API_KEY_FILE, key, { mode: 0o600 });
}

/**
 * Demo data, idempotent: running it again creates what is missing and leaves what exists
 * (including changes made in the app) alone. Run with `npm run db:seed`.
 */
export async function seedDemo(): Promise<void> {
  await seedUsers();
  // End-to-end tests start without sample stories, so they can import them as a person would.
  if (process.env.FACTDESK_SEED_STORIES !== "false") {
    const samples = await seedWireStories();
    const disputing = fs.existsSync(DEMO_DISPUTING_WIRE) ? await seedWireStories([DEMO_DISPUTING_WIRE]) : [];
    await seedDemoStories(samples, disputing);
  }
  await seedDemoApiKey();
}

seedDemo()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
