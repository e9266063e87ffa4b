import { describe, expect, it } from "vitest";
import { checkDatabase } from "@/lib/server/queries/health";

describe("health", () => {
  it("reports the database reachable", async () => {
    expect(await checkDatabase()).toEqual({ ok: true });
  });
});
