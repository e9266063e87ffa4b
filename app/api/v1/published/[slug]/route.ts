import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { withErrors } from "@/lib/server/http";
import { toNinjs } from "@/lib/server/queries/ninjs";
import { publishedStory } from "@/lib/server/queries/published";

export const dynamic = "force-dynamic";

/** Public, no sign-in: the published story as IPTC ninjs 2.1 (readers, syndication). */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const published = await publishedStory(slug);
  if (!published) throw new AppError("NOT_FOUND", "No published story at this address.");
  return NextResponse.json(toNinjs(published, new URL(request.url).origin), { headers: { "Content-Type": "application/json; charset=utf-8" } });
});
