import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/server/queries/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  if (database.ok) return NextResponse.json({ status: "ok", database: "ok" });
  return NextResponse.json({ status: "error", database: "unreachable", reason: database.reason }, { status: 503 });
}
