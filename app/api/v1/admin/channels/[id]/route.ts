import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/server/http";
import { deleteChannel, updateChannel } from "@/lib/server/services/manage-channels";

export const PATCH = withUser<{ id: string }>(async (request, user, params) =>
  NextResponse.json(await updateChannel({ actor: user, channelId: params.id, input: await readJson(request) })),
);

export const DELETE = withUser<{ id: string }>(async (_request, user, params) => {
  await deleteChannel({ actor: user, channelId: params.id });
  return NextResponse.json({ deleted: true });
});
