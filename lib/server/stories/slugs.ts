import "server-only";
import { randomBytes } from "node:crypto";
import { slugFitsHeadline, slugFor } from "@/lib/domain/story/slug";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";

/** A new slug for `headline`; the random suffix keeps slugs unique without a read-then-write race. */
export function newSlug(headline: string): string {
  return slugFor(headline, randomBytes(3).toString("hex"));
}

/**
 * At publication: a story whose slug no longer reads as its headline gets a new one, and the
 * old one is kept so links to it redirect. Returns the slug readers find the story at.
 */
export async function followHeadline(tx: Prisma.TransactionClient, story: { id: string; slug: string }, headline: string): Promise<string> {
  if (slugFitsHeadline(story.slug, headline)) return story.slug;
  const slug = newSlug(headline);
  await tx.formerSlug.upsert({ where: { slug: story.slug }, create: { slug: story.slug, storyId: story.id }, update: { storyId: story.id } });
  // A slug the story once had and comes back to is current again, not a redirect.
  await tx.formerSlug.deleteMany({ where: { slug } });
  await tx.story.update({ where: { id: story.id }, data: { slug } });
  return slug;
}

/** The slug a story that once had `slug` has now, or null when no story ever had it. */
export async function currentSlugFor(slug: string): Promise<string | null> {
  const former = await db.formerSlug.findUnique({ where: { slug }, select: { story: { select: { slug: true } } } });
  return former?.story.slug ?? null;
}
