import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/domain/errors";
import { contentItemKey, isStorySentence, MAX_TITLE_LENGTH, parseWire, wireItemIdentity, wireTitle } from "@/lib/domain/wire";

const story = (headline: string, body: string, dateline = "OSLO (Reuters) — ") => `${headline}\n\n${dateline}${body}`;

describe("wire item identity", () => {
  it("is the format's guid, with the version it states", () => {
    const ninjs = parseWire({ text: JSON.stringify({ uri: "urn:example:kim", version: "3", headline: "Kim in Russia", body_text: "Kim arrived on Tuesday." }) });
    expect(wireItemIdentity(ninjs)).toEqual({ key: "urn:example:kim", statedVersion: 3 });
  });

  it("gives an agency's re-sent story, same headline and dateline, the same key; the body may differ", () => {
    const first = parseWire({ text: story("Harbour reopens", "The harbour reopened on Friday.") });
    const resent = parseWire({ text: story("Harbour reopens", "The harbour reopened on Friday, officials said. Ships unloaded.") });
    expect(wireItemIdentity(first).key).not.toBeNull();
    expect(wireItemIdentity(resent)).toEqual(wireItemIdentity(first));
    expect(wireItemIdentity(first).statedVersion).toBeNull();
  });

  it.each([
    ["another headline", story("Harbour closes", "The harbour closed on Friday.")],
    ["another dateline", story("Harbour reopens", "The harbour reopened on Friday.", "BERGEN (Reuters) — ")],
    ["another agency", story("Harbour reopens", "The harbour reopened on Friday.", "OSLO (AFP) — ")],
  ])("keeps apart a story with %s", (_label, text) => {
    const base = wireItemIdentity(parseWire({ text: story("Harbour reopens", "The harbour reopened on Friday.") }));
    expect(wireItemIdentity(parseWire({ text })).key).not.toBe(base.key);
  });

  it.each([
    ["no headline line", "OSLO (Reuters) — The harbour reopened on Friday."],
    ["no agency", "Harbour reopens\n\nOSLO — The harbour reopened on Friday."],
    ["no dateline", "Harbour reopens\n\nThe harbour reopened on Friday, Reuters reported.\n\n(Reuters)"],
  ])("leaves text with %s an item of its own (keyed by its content)", (_label, text) => {
    expect(wireItemIdentity(parseWire({ text })).key).toBeNull();
  });

  it("keys plain text a named feed sends under a file name by the two", () => {
    const parsed = parseWire({ text: "OSLO — The harbour reopened on Friday." });
    expect(wireItemIdentity(parsed, { feed: "Oslo desk", filename: "harbour.txt" }).key).toBe("urn:factdesk:file:oslo desk/harbour.txt");
    expect(wireItemIdentity(parsed, { filename: "harbour.txt" }).key).toBeNull();
  });

  it("derived keys cannot be mistaken for a content key", () => {
    expect(contentItemKey("abc")).toBe("urn:factdesk:content:abc");
  });
});

describe("wireTitle", () => {
  it("is the headline when there is one", () => {
    expect(wireTitle({ headline: "Kim  in Russia", sentences: [{ text: "Kim arrived." }] })).toBe("Kim in Russia");
  });

  it("is the first sentence, without its full stop, when there is no headline", () => {
    expect(wireTitle({ headline: null, sentences: [{ text: "The harbour reopened on Friday." }, { text: "Ships unloaded." }] })).toBe("The harbour reopened on Friday");
    expect(wireTitle({ headline: null, sentences: [{ text: "Talks went on in the U.S." }] })).toBe("Talks went on in the U.S.");
  });

  it("cuts a long first sentence at a word, with an ellipsis", () => {
    const sentence = "North Korean leader Kim Jong Un rolled through Russia on an armored train on Wednesday toward a meeting with President Vladimir Putin.";
    const title = wireTitle({ headline: null, sentences: [{ text: sentence }] });
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title).toBe("North Korean leader Kim Jong Un rolled through Russia on an armored train on Wednesday…");
    expect(sentence.startsWith(title.slice(0, -1))).toBe(true);
  });
});

describe("a story needs a sentence", () => {
  it.each([
    ["The harbour reopened on Friday.", true],
    ["Talks resumed.", true],
    ["Kim arrives in Russia", true],
    ["“We will rebuild,” she said.", true],
    ["test", false],
    ["asdf.", false],
    ["asdf qwer zxcv", false],
    ["12345 67890.", false],
    ["!!! ???", false],
  ])("%j is a sentence: %s", (text, expected) => {
    expect(isStorySentence({ text })).toBe(expected);
  });

  it.each(["asdf", "test test test", "1234567", "!!!\n\n???", "Breaking\n\n..."])("refuses %j with a message that says why", (text) => {
    let error: unknown;
    try {
      parseWire({ text });
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error) && error.code).toBe("UNPROCESSABLE");
    expect(isAppError(error) && error.message).toMatch(/^No (sentence|story text) here/);
  });
});
