import { describe, expect, it } from "vitest";
import { publicationEvent, subscriberUrlProblem } from "@/lib/domain/subscribers";

describe("a subscriber's address", () => {
  it.each(["https://partner.example/in", "https://10.0.0.5:8443/hook", "http://localhost:4000/in", "http://127.0.0.1:9/x", "http://[::1]:8080/"])("may be %s", (url) => {
    expect(subscriberUrlProblem(url)).toBeNull();
  });

  it.each([
    ["http://partner.example/in", /https/],
    ["http://127.0.0.2/in", /https/],
    ["ftp://partner.example/in", /https/],
    ["partner.example/in", /full address/],
    ["https://user:secret@partner.example/in", /credentials/],
  ])("may not be %s", (url, problem) => {
    expect(subscriberUrlProblem(url)).toMatch(problem);
  });
});

describe("a publication's event", () => {
  it("is a correction when the revision carries a public note, else a publication", () => {
    expect(publicationEvent("We misspelt a name.")).toBe("CORRECTED");
    expect(publicationEvent("  ")).toBe("PUBLISHED");
    expect(publicationEvent(null)).toBe("PUBLISHED");
  });
});
