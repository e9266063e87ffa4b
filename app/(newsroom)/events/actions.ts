"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/schemas/results";
import { runAction } from "@/lib/server/actions";
import { mergeEvents, moveWireToEvent, splitEvent } from "@/lib/server/services/correct-events";
import { createStoryFromEvent } from "@/lib/server/services/create-story";

/** Each form's action: the change, then the page to see it on; an error is shown beside the form and nothing changes. */
type EventFormAction = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export const consolidateEventAction: EventFormAction = async (_previous, form) => {
  const result = await runAction((actor) => createStoryFromEvent({ actor, eventId: text(form, "event") }));
  if (!result.ok) return result;
  redirect(`/stories/${result.data.storyId}`);
};

export const moveWireAction: EventFormAction = async (_previous, form) => {
  const to = text(form, "to");
  const result = await runAction((actor) =>
    moveWireToEvent({ actor, eventId: text(form, "event"), input: { wireStoryId: text(form, "wire"), toEventId: to === "new" ? null : to } }),
  );
  if (!result.ok) return result;
  redirect(`/events/${text(form, "event")}`);
};

export const splitEventAction: EventFormAction = async (_previous, form) => {
  const wireStoryIds = form.getAll("wire").filter((id): id is string => typeof id === "string");
  const result = await runAction((actor) => splitEvent({ actor, eventId: text(form, "event"), input: { wireStoryIds } }));
  if (!result.ok) return result;
  redirect(`/events/${result.data.eventId}`);
};

export const mergeEventAction: EventFormAction = async (_previous, form) => {
  const result = await runAction((actor) => mergeEvents({ actor, eventId: text(form, "event"), input: { fromEventId: text(form, "from") } }));
  if (!result.ok) return result;
  redirect(`/events/${text(form, "event")}`);
};
