import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/domain/http";

describe("safeCallbackPath", () => {
  it("keeps paths of the app, with their query and fragment", () => {
    expect(safeCallbackPath("/stories/abc?tab=2#fact-3")).toBe("/stories/abc?tab=2#fact-3");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it.each(["/\\evil.example/x", "//evil.example/x", "\\\\evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", "http://localhost:3000@evil.example/"])(
    "sends %j to the default page instead of another host",
    (callback) => {
      expect(safeCallbackPath(callback)).toBe("/wires");
    },
  );

  it("falls back when there is no callback", () => {
    expect(safeCallbackPath(undefined)).toBe("/wires");
    expect(safeCallbackPath("", "/stories")).toBe("/stories");
  });
});
