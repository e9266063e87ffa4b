import { describe, expect, it } from "vitest";
import { errorOf } from "../../support/errors";
import type { ErrorCode } from "@/lib/domain/errors";
import { MAX_INPUT_BYTES, checkText, decodeBytes, detectFormat, parseWire } from "@/lib/domain/wire";

function expectCode(fn: () => unknown, code: ErrorCode, message?: RegExp): void {
  const error = errorOf(fn);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeBytes", () => {
  it("decodes UTF-8 and keeps a BOM verbatim", () => {
    expect(decodeBytes(utf8("Kim’s train."))).toBe("Kim’s train.");
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Story.")]);
    expect(decodeBytes(withBom)).toBe("\uFEFFStory.");
  });

  it("rejects empty and whitespace-only input", () => {
    expectCode(() => decodeBytes(new Uint8Array()), "INVALID_INPUT", /empty/);
    expectCode(() => decodeBytes(utf8(" \n\t\r\n ")), "INVALID_INPUT", /empty/);
    expectCode(() => checkText(""), "INVALID_INPUT", /empty/);
  });

  it("rejects input over 2 MB, at the byte limit exactly", () => {
    expect(decodeBytes(utf8("a".repeat(MAX_INPUT_BYTES))).length).toBe(MAX_INPUT_BYTES);
    expectCode(() => decodeBytes(utf8("a".repeat(MAX_INPUT_BYTES + 1))), "PAYLOAD_TOO_LARGE", /2 MB/);
    // Multi-byte characters count in bytes, not characters.
    expectCode(() => checkText("é".repeat(MAX_INPUT_BYTES / 2 + 1)), "PAYLOAD_TOO_LARGE");
    expect(errorOf(() => checkText("a".repeat(MAX_INPUT_BYTES + 1))).status).toBe(413);
  });

  it("rejects invalid UTF-8", () => {
    expectCode(() => decodeBytes(new Uint8Array([0x4b, 0x69, 0x6d, 0xff, 0xfe, 0x20])), "INVALID_INPUT", /UTF-8/);
    expectCode(() => decodeBytes(new Uint8Array([0xc3, 0x28])), "INVALID_INPUT", /UTF-8/);
  });

  it("rejects UTF-16 and binary data", () => {
    expectCode(() => decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00])), "INVALID_INPUT", /UTF-16/);
    expectCode(() => decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00])), "INVALID_INPUT");
    expectCode(() => decodeBytes(utf8("text\u0000more")), "INVALID_INPUT", /binary/);
    expectCode(() => decodeBytes(utf8("\u0001\u0002\u0003\u0004abc")), "INVALID_INPUT", /control characters/);
  });

  it("accepts text with a few stray control characters", () => {
    expect(() => decodeBytes(utf8("Story text with one stray \u0007 bell character in a long enough line."))).not.toThrow();
  });

  it("decodes XML that declares ISO-8859-1 when it is not UTF-8", () => {
    const latin1 = new Uint8Array([...utf8('<?xml version="1.0" encoding="iso-8859-1"?><nitf><body><body.content><p>'), 0xa3, ...utf8("66bn</p></body.content></body></nitf>")]);
    expect(decodeBytes(latin1)).toContain("£66bn");
  });
});

describe("detectFormat", () => {
  it("uses the content itself", () => {
    expect(detectFormat({ text: "SEOUL (AP) — Kim arrived." })).toBe("text");
    expect(detectFormat({ text: ' {"headline": "x"}' })).toBe("ninjs");
    expect(detectFormat({ text: '<?xml version="1.0"?><newsMessage/>' })).toBe("newsml-g2");
    expect(detectFormat({ text: "<newsItem guid='x'/>" })).toBe("newsml-g2");
    expect(detectFormat({ text: "<!-- c --><nitf><head/></nitf>" })).toBe("nitf");
    expect(detectFormat({ bytes: utf8("<nitf/>") })).toBe("nitf");
  });

  it("keeps markup in plain text as text", () => {
    expect(detectFormat({ text: "<b>Breaking:</b> Kim arrived." })).toBe("text");
    expect(detectFormat({ text: "<p>Kim arrived.</p>", contentType: "text/plain" })).toBe("text");
    expect(detectFormat({ text: "[Updated] Kim arrived." })).toBe("text");
    expect(detectFormat({ text: "{Eds: update} Kim arrived.", contentType: "text/plain" })).toBe("text");
    expect(detectFormat({ text: '{"headline": "x"}', contentType: "text/plain" })).toBe("ninjs");
    expect(detectFormat({ text: '[{"headline": "x"}]' })).toBe("ninjs");
  });

  it("honours declared JSON and XML types and file extensions", () => {
    expect(detectFormat({ text: "not json", contentType: "application/json; charset=utf-8" })).toBe("ninjs");
    expect(detectFormat({ text: "{}", contentType: "application/ninjs+json" })).toBe("ninjs");
    expect(detectFormat({ text: "<nitf/>", contentType: "application/xml" })).toBe("nitf");
    expect(detectFormat({ text: "<newsItem/>", filename: "story.XML" })).toBe("newsml-g2");
    expect(detectFormat({ text: "plain", filename: "story.txt" })).toBe("text");
    expect(detectFormat({ text: "plain", contentType: "application/octet-stream", filename: "x" })).toBe("text");
  });

  it("refuses unsupported media types with 415", () => {
    expectCode(() => detectFormat({ text: "x", contentType: "application/pdf" }), "UNSUPPORTED_MEDIA_TYPE", /application\/pdf/);
    expectCode(() => detectFormat({ text: "x", contentType: "text/html" }), "UNSUPPORTED_MEDIA_TYPE");
    expectCode(() => detectFormat({ text: "x", contentType: "image/png" }), "UNSUPPORTED_MEDIA_TYPE");
    expectCode(() => detectFormat({ text: "x", filename: "story.docx" }), "UNSUPPORTED_MEDIA_TYPE", /docx/);
    expect(errorOf(() => detectFormat({ text: "x", filename: "a.pdf" })).status).toBe(415);
  });

  it("refuses unknown formats with 422", () => {
    expectCode(() => detectFormat({ text: '<?xml version="1.0"?><rss version="2.0"/>' }), "UNPROCESSABLE", /<rss>/);
    expectCode(() => detectFormat({ text: "<NewsML Version='1.2'/>" }), "UNPROCESSABLE", /NewsML 1.x/);
    expectCode(() => detectFormat({ text: "<feed/>", contentType: "application/atom+xml" }), "UNPROCESSABLE");
    expectCode(() => detectFormat({ text: "\u0016\u0016\u0001z6715 BC-BKN" }), "UNPROCESSABLE", /ANPA/);
    expectCode(() => detectFormat({ text: "no xml here", contentType: "text/xml" }), "UNPROCESSABLE", /root element/);
  });
});

describe("parseWire input handling", () => {
  it("needs bytes or text", () => {
    expectCode(() => parseWire({}), "INVALID_INPUT", /No input/);
  });

  it("checks the media type before touching the bytes", () => {
    expectCode(() => parseWire({ bytes: new Uint8Array([0xff, 0xfe]), contentType: "application/pdf" }), "UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a story that is only boilerplate", () => {
    expectCode(() => parseWire({ text: "Subscribe Now Choose a package that suits your preferences.\n© AFP 2023" }), "UNPROCESSABLE", /No story text/);
    expectCode(() => parseWire({ text: "___\n***" }), "UNPROCESSABLE");
  });

  it("refuses binary and oversize text input", () => {
    expectCode(() => parseWire({ text: "a\u0000b" }), "INVALID_INPUT");
    expectCode(() => parseWire({ text: "x".repeat(MAX_INPUT_BYTES + 1) }), "PAYLOAD_TOO_LARGE");
  });
});
