import { NextResponse } from "next/server";
import { readJson, withUser } from "@/lib/server/http";
import { listChannels } from "@/lib/server/queries/channels";
import { createChannel } from "@/lib/server/services/manage-channels";

export const GET = withUser(async (_request, user) => NextResponse.json({ channels: await listChannels(user) }));

export const POST = withUser(async (request, user) => NextResponse.json(await createChannel({ actor: user, input: await readJson(request) }), { status: 201 }));
