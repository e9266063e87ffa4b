import { AppError } from "@/lib/domain/errors";
import type { PresenceMessage } from "@/lib/schemas/workspace";
import { assertCan } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { sessionCheck } from "@/lib/server/auth";
import { withUser } from "@/lib/server/http";
import { watchStory } from "@/lib/server/stories/story-feed";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;
/** How soon a stream notices that its user signed out or was deactivated. */
const SESSION_CHECK_MS = 5_000;

/**
 * Server-Sent Events for one story: `change` when anyone's edit commits (on any app instance),
 * `presence` when who is in the story changes. A reconnecting browser sends Last-Event-ID and
 * gets the changes it missed.
 */
export const GET = withUser<{ id: string }>(async (request, user, params) => {
  assertCan(user, "story.read");
  const story = await db.story.findUnique({ where: { id: params.id }, select: { id: true } });
  if (!story) throw new AppError("NOT_FOUND", "No such story.");
  const stillSignedIn = await sessionCheck(user);
  const lastEventId = request.headers.get("last-event-id");
  const after = lastEventId && /^\d+$/.test(lastEventId) ? BigInt(lastEventId) : null;
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send("retry: 2000\n\n");
      let unwatch: () => void;
      try {
        unwatch = await watchStory(params.id, after, {
          change: (change) => send(`id: ${change.eventId}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`),
          presence: (users) => send(`event: presence\ndata: ${JSON.stringify({ users } satisfies PresenceMessage)}\n\n`),
        });
      } catch (error) {
        // The browser reconnects after the retry delay and asks for what it missed (Last-Event-ID),
        // so a database hiccup here ends this stream cleanly instead of erroring the response.
        console.error("Story feed could not start", error);
        controller.close();
        return;
      }
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const sessionTimer = setInterval(() => {
        stillSignedIn().then(
          (valid) => {
            if (!valid) end();
          },
          () => {}, // the database is away: the next check decides
        );
      }, SESSION_CHECK_MS);
      stop = () => {
        clearInterval(heartbeat);
        clearInterval(sessionTimer);
        unwatch();
      };
      const end = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      // The browser may have gone while the watch was being set up.
      if (request.signal.aborted) end();
      else request.signal.addEventListener("abort", end);
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
});
