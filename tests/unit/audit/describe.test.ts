import { describe, expect, it } from "vitest";
import { auditActionLabel, describeAuditEvent, shortHeadline, type AuditSubject } from "@/lib/domain/audit/describe";

const kim: AuditSubject = { kind: "story", headline: "Kim Jong Un crosses into Russia by armoured train for talks with Putin", revisionNumber: 3 };

describe("describeAuditEvent", () => {
  it.each([
    ["story.approve", "Eddie Editor", kim, {}, "Eddie Editor approved revision 3 of “Kim Jong Un crosses into Russia by…”"],
    ["story.submit", "Wendy Writer", kim, {}, "Wendy Writer submitted revision 3 of “Kim Jong Un crosses into Russia by…” for review"],
    ["story.requestChanges", "Eddie Editor", { ...kim, headline: "Short" }, { summary: "x" }, "Eddie Editor requested changes to revision 3 of “Short”"],
    ["story.publish", "Pat Publisher", { ...kim, headline: "Short" }, {}, "Pat Publisher published revision 3 of “Short”"],
    ["story.unpublish", "Pat Publisher", { ...kim, headline: "Short" }, { reason: "Legal" }, "Pat Publisher unpublished revision 3 of “Short”"],
    ["story.correct", "Pat Publisher", { ...kim, headline: "Short", revisionNumber: 4 }, { note: "n" }, "Pat Publisher started a correction of “Short” (revision 4)"],
    ["comment.resolve", "Eddie Editor", { ...kim, headline: "Short" }, { blocking: true }, "Eddie Editor resolved a blocking comment on revision 3 of “Short”"],
    ["story.approve", "Eddie Editor", { kind: "story", headline: "  ", revisionNumber: 1 }, {}, "Eddie Editor approved revision 1 of an untitled story"],
    ["user.role-change", "Ada Admin", { kind: "user", name: "Wendy Writer" }, { from: "WRITER", to: "EDITOR" }, "Ada Admin changed Wendy Writer’s role from writer to editor"],
    ["user.create", "Ada Admin", { kind: "user", name: "Nora New" }, { email: "n@x", role: "PUBLISHER" }, "Ada Admin created the account of Nora New (publisher)"],
    ["user.deactivate", null, { kind: "user", name: "Nora New" }, {}, "The system deactivated Nora New"],
    ["apikey.create", "Ada Admin", { kind: "apiKey", name: "Newswire feed" }, { name: "Newswire feed" }, "Ada Admin created the API key “Newswire feed”"],
    ["apikey.revoke", "Ada Admin", { kind: "apiKey", name: null }, {}, "Ada Admin revoked the API key (no longer on file)"],
    ["wire.delete", "Eddie Editor", { kind: "other", type: "WireStory" }, { title: "Test please ignore", version: 1 }, "Eddie Editor deleted the wire story “Test please ignore”"],
    ["wire.delete", null, { kind: "other", type: "WireStory" }, { title: "Test", apiKeyName: "Newswire feed" }, "The API key “Newswire feed” deleted the wire story “Test”"],
    ["event.move", "Eddie Editor", { kind: "other", type: "WireStory" }, { title: "Dockers end strike", fromTitle: "Floods in Peru", toTitle: "Port strike ends", newEvent: false }, "Eddie Editor moved the wire “Dockers end strike” from the event “Floods in Peru” to the event “Port strike ends”"],
    ["event.move", "Eddie Editor", { kind: "other", type: "WireStory" }, { title: "Dockers end strike", fromTitle: "Floods in Peru", newEvent: true }, "Eddie Editor moved the wire “Dockers end strike” from the event “Floods in Peru” to an event of its own"],
    ["event.split", "Eddie Editor", { kind: "other", type: "NewsEvent" }, { fromTitle: "Floods in Peru", wireStoryIds: ["a", "b"] }, "Eddie Editor split 2 wires off the event “Floods in Peru” into an event of their own"],
    ["event.merge", "Eddie Editor", { kind: "other", type: "NewsEvent" }, { fromTitle: "Peru floods", toTitle: null }, "Eddie Editor merged the event “Peru floods” into (no longer on file)"],
  ] as const)("%s by %s", (action, actorName, subject, data, line) => {
    expect(describeAuditEvent({ action, actorName, subject, data })).toBe(line);
  });

  it("still says who did what to what for an action it does not know", () => {
    expect(describeAuditEvent({ action: "wire.archive", actorName: "Eddie Editor", subject: { kind: "other", type: "WireStory" }, data: {} })).toBe(
      "Eddie Editor: wire.archive on a WireStory",
    );
  });

  it("never writes a raw state code or a missing-headline placeholder", () => {
    for (const action of ["story.submit", "story.approve", "story.requestChanges", "story.publish", "story.unpublish"]) {
      const line = describeAuditEvent({ action, actorName: "Eddie Editor", subject: { kind: "story", headline: null, revisionNumber: 2 }, data: { from: "IN_REVIEW", to: "APPROVED" } });
      expect(line).not.toMatch(/[A-Z]{2,}_[A-Z]+|\(no headline\)|undefined|null/);
    }
  });
});

describe("shortHeadline", () => {
  it("keeps a short headline and cuts a long one at a word, with an ellipsis", () => {
    expect(shortHeadline("  Kim arrives  ")).toBe("Kim arrives");
    expect(shortHeadline("Kim Jong Un crosses into Russia by armoured train", 20)).toBe("Kim Jong Un crosses…");
    expect(shortHeadline("Supercalifragilisticexpialidocious-and-more", 10)).toBe("Supercalif…");
  });
});

describe("auditActionLabel: stored actions in words, unknown ones as stored", () => {
  it.each([
    ["story.requestChanges", "Changes requested"],
    ["user.role-change", "Role changed"],
    ["wire.delete", "Wire story deleted"],
    ["event.merge", "Events merged"],
    ["wire.archive", "wire.archive"],
  ])("%s reads %s", (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });
});
