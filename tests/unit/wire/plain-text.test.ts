import { describe, expect, it } from "vitest";
import { dedupeText, parseWire, splitPastedStories } from "@/lib/domain/wire";
import { parsePlainText } from "@/lib/domain/wire/plain-text";
import { expectParsedInvariants, readSeed, removedTexts } from "./support";

describe("plain text: headline", () => {
  it("takes a short first line without a period followed by a blank line", () => {
    const parsed = parsePlainText("Kim arrives in Russia\n\nSEOUL (AP) — Kim arrived on Tuesday.");
    expect(parsed.headline).toBe("Kim arrives in Russia");
    expect(parsed.sentences.map((s) => s.text)).toEqual(["Kim arrived on Tuesday."]);
  });

  it("does not take a first line that is a sentence, or one glued to the body", () => {
    expect(parsePlainText("Kim arrived in Russia on Tuesday.\n\nHe met Putin.").headline).toBeNull();
    expect(parsePlainText("Kim arrives in Russia\nKim arrived on Tuesday, officials said.").headline).toBeNull();
    expect(parsePlainText("SEOUL (AP) — Kim arrived\n\nMore text follows here.").headline).toBeNull();
  });

  it("does not take the only line as headline", () => {
    const parsed = parsePlainText("Kim arrives in Russia");
    expect(parsed.headline).toBeNull();
    expect(parsed.sentences.map((s) => s.text)).toEqual(["Kim arrives in Russia"]);
  });
});

describe("plain text: datelines and agencies", () => {
  const cases: Array<[string, string | null, string | null]> = [
    ["SEOUL, South Korea (AP) — North Korea’s Kim arrived.", "SEOUL, South Korea", "AP"],
    ["SEOUL, South Korea, Sept 12 (AP) — Kim arrived.", "SEOUL, South Korea", "AP"],
    ["DAMASCUS (Reuters) - Assad was sworn in.", "DAMASCUS", "Reuters"],
    ["Seoul (AFP) - Kim arrived.", "Seoul", "AFP"],
    ["London (dpa) - Eintracht lost.", "London", "dpa"],
    ["GROSSETO, Italy (AP) -- The trial began.", "GROSSETO, Italy", "AP"],
    ["FORT WASHINGTON, Pa. (AP) _ Nutrisystem Inc. reported income.", "FORT WASHINGTON, Pa.", "AP"],
    ["PRAGUE (RFE/RL) -- Kim arrived.", "PRAGUE", "RFE/RL"],
    ["Seoul: North Korea’s Kim arrived.", "Seoul", null],
    ["WASHINGTON — The Senate voted.", "WASHINGTON", null],
    ["(ANSA) - Rome, October 11 - Alfano spoke.", "Rome", "ANSA"],
    ["SEOUL, Nov 26 AFP - Samsung sold units.", "SEOUL", "AFP"],
  ];
  it.each(cases)("%s", (text, place, agency) => {
    const parsed = parsePlainText(text);
    expect(parsed.dateline).toBe(place);
    expect(parsed.agency).toBe(agency);
    expect(removedTexts(parsed, "dateline")).toHaveLength(1);
    expect(parsed.sentences[0]?.text).not.toMatch(/^\(?[A-Z]{2,}\b.*(?:—|--| - | _ )/);
  });

  it("does not take a colon opener that is not a place", () => {
    expect(parsePlainText("Update: Kim arrived in Russia.").dateline).toBeNull();
    expect(parsePlainText("Kim said: We will win.").dateline).toBeNull();
  });

  it("takes the agency from a copyright line or a bare credit line", () => {
    expect(parsePlainText("Kim arrived in Russia.\n\n© AFP 2023").agency).toBe("AFP");
    expect(parsePlainText("Kim arrived.\n\nCopyright 2023 The Associated Press. All rights reserved.").agency).toBe("AP");
    expect(parsePlainText("Kim arrived in Russia.\n(Reuters)").agency).toBe("Reuters");
    expect(parsePlainText("Kim arrived in Russia.\n\nRFE/RL").agency).toBe("RFE/RL");
  });

  it("prefers the dateline credit over a copyright line", () => {
    expect(parsePlainText("SEOUL (AP) — Kim arrived.\n\n© AFP 2023").agency).toBe("AP");
  });

  it("never takes the agency from a photo credit or from quoted sources", () => {
    const text = "Kim waves at Khasan station. (Korean Central News Agency/Korea News Service via AP)\n\nKim arrived in Russia, Yonhap and Reuters reported.";
    const parsed = parsePlainText(text);
    expect(removedTexts(parsed, "photo caption")).toHaveLength(1);
    expect(parsed.agency).toBeNull();
  });
});

describe("plain text: dates are never invented", () => {
  it("reads a metadata prefix", () => {
    expect(parsePlainText(" date 2023-09-12 Kim arrived.").date).toBe("2023-09-12");
    expect(parsePlainText("Published: 2023-09-12T08:00:00Z\nKim arrived.").date).toBe("2023-09-12");
  });

  it("completes a dateline day with a year only when the text states it", () => {
    expect(parsePlainText("SEOUL, Sept 12 (AFP) - Kim arrived.\n\n© AFP 2023").date).toBe("2023-09-12");
    expect(parsePlainText("SEOUL, Sept 12 (AP) — Kim arrived. A photo dated Sept. 12, 2023 showed him.").date).toBe("2023-09-12");
    expect(parsePlainText("SEOUL, Sept 12, 2023 (AP) — Kim arrived.").date).toBe("2023-09-12");
    expect(parsePlainText("SEOUL, Sept 12 (AP) — Kim arrived. They last met in 2019.").date).toBeNull();
    expect(parsePlainText("SEOUL, Sept 12 (AP) — Kim arrived. On Oct. 3, 2022 he did not.").date).toBeNull();
  });

  it("rejects impossible dates", () => {
    expect(parsePlainText(" date 2023-02-30 Kim arrived.").date).toBeNull();
  });
});

describe("plain text: boilerplate", () => {
  it("removes bylines, credit lines, separators, editor's notes and promos, and keeps the story", () => {
    const text = [
      "Kim arrives in Russia",
      "",
      "By JOHN SMITH and Jane Doe",
      "(Adds Kremlin comment)",
      "SEOUL (AP) — Kim arrived in Russia on Tuesday.",
      "Read more: Kim’s armoured train explained",
      "ADVERTISEMENT",
      "Putin met him in Vladivostok.",
      "___",
      "Associated Press writer Hyung-jin Kim contributed to this report.",
      "Follow Jane Doe on Twitter",
    ].join("\n");
    const parsed = parsePlainText(text);
    expect(parsed.byline).toBe("JOHN SMITH and Jane Doe");
    expect(parsed.removed.map((r) => r.reason)).toEqual([
      "headline", "byline", "editor's note", "dateline", "promotional", "promotional", "separator", "credit line", "promotional",
    ]);
    expect(parsed.sentences.map((s) => s.text)).toEqual(["Kim arrived in Russia on Tuesday.", "Putin met him in Vladivostok."]);
    expectParsedInvariants(parsed);
  });

  it("removes title-case and capitals subheads only inside the body", () => {
    const text = "Kim arrived on Tuesday.\n\nA Long History Of Ties\n\nThe two met in 2019.\n\nSTILL STANDING\n\nAssad took power in 2000.";
    expect(removedTexts(parsePlainText(text), "subhead")).toEqual(["A Long History Of Ties", "STILL STANDING"]);
  });

  it("does not remove sentence-case lines, quotes or short paragraphs with punctuation", () => {
    const text = "Kim arrived on Tuesday.\n\nHis final destination is uncertain.\n\n“It Was A Good Day.”\n\nKim left.";
    expect(parsePlainText(text).removed).toEqual([]);
  });

  it("removes end-of-story markers and AP slugs, each with its reason", () => {
    const text = [
      "SEOUL (AP) — Kim arrived in Russia on Tuesday.",
      "",
      "(MORE)",
      "",
      "Putin met him in Vladivostok.",
      "",
      "-30-",
      "###",
      "(END)",
      "ENDS",
      "- 0 -",
      "AP-WF-09-12-23 0412GMT",
    ].join("\n");
    const parsed = parsePlainText(text);
    expect(parsed.removed.map((r) => [text.slice(r.start, r.end), r.reason])).toEqual([
      ["SEOUL (AP) —", "dateline"],
      ["(MORE)", "end-of-story marker"],
      ["-30-", "end-of-story marker"],
      ["###", "end-of-story marker"],
      ["(END)", "end-of-story marker"],
      ["ENDS", "end-of-story marker"],
      ["- 0 -", "end-of-story marker"],
      ["AP-WF-09-12-23 0412GMT", "slug"],
    ]);
    expect(parsed.sentences.map((s) => s.text)).toEqual(["Kim arrived in Russia on Tuesday.", "Putin met him in Vladivostok."]);
    expectParsedInvariants(parsed);
  });

  it("keeps markers' words inside sentences", () => {
    const text = "Kim arrived on Tuesday.\n\nThe talks will END on Friday (more than planned).\n\nHe said the 30 guards stayed, AP-WF reported.";
    const parsed = parsePlainText(text);
    expect(parsed.removed).toEqual([]);
    expect(parsed.sentences).toHaveLength(3);
  });

  it("keeps prompts and appeals that are reported speech", () => {
    const text = "Kim arrived.\n\n“We need your help now,” the mayor said.\n\n“Subscribe now,” he joked, “and get access to the truth.”";
    expect(parsePlainText(text).removed).toEqual([]);
  });

  it("keeps business sentences that mention advertising revenue or subscribers", () => {
    const text = "Google’s advertising revenue rose 10% in the quarter.\n\nNetflix added 2 million subscribers.";
    expect(parsePlainText(text).removed).toEqual([]);
  });

  it("marks stray control characters as removed", () => {
    const text = "Kim arrived\u0007 in Russia on Tuesday.\n\nPutin waited.";
    const parsed = parsePlainText(text);
    expect(removedTexts(parsed, "control characters")).toEqual(["\u0007"]);
    expect(parsed.sentences.map((s) => s.text)).toEqual(["Kim arrived in Russia on Tuesday.", "Putin waited."]);
    expectParsedInvariants(parsed);
  });
});

describe("plain text: structure", () => {
  it("keeps HTML in plain text as text", () => {
    const text = "<b>Breaking:</b> Kim arrived in <i>Russia</i>. Putin waited.";
    const parsed = parseWire({ text });
    expect(parsed.format).toBe("text");
    expect(parsed.sentences.map((s) => s.text)).toEqual(["<b>Breaking:</b> Kim arrived in <i>Russia</i>.", "Putin waited."]);
  });

  it("joins hard-wrapped lines into one paragraph and starts a new one at an indent", () => {
    const text =
      "(ANSA) - Rome, October 11 - Italian Foreign Minister Angelino\nAlfano has said that the Catalan independence declaration is\nunacceptable.\n   \"Unacceptable Catalan unilateral independence declaration,\"\nAlfano said via his Twitter account.";
    const parsed = parsePlainText(text);
    expect(parsed.paragraphs).toHaveLength(2);
    expect(parsed.sentences.map((s) => s.text)).toEqual([
      "Italian Foreign Minister Angelino Alfano has said that the Catalan independence declaration is unacceptable.",
      '"Unacceptable Catalan unilateral independence declaration," Alfano said via his Twitter account.',
    ]);
    expectParsedInvariants(parsed);
  });

  it("never lets a paragraph run over a removed dateline, even when a standfirst sits right above it", () => {
    // A standfirst repeats the start of a later paragraph; glued to the dateline line it is kept
    // as body text while the dateline after it is removed.
    const seed = readSeed("000");
    const standfirst = "North Korea’s leader is in Russia";
    const text = seed
      .replace("SEOUL, South Korea (AP)", `${standfirst}\nSEOUL, South Korea (AP)`)
      .replace("\nKim is expected", `\n${standfirst}\nKim is expected`);
    const parsed = parsePlainText(text);
    expect(removedTexts(parsed, "dateline")).toEqual(["SEOUL, South Korea (AP) —"]);
    expect(parsed.sentences.some((s) => s.text.startsWith("North Korea’s Kim Jong Un rolled through Russia"))).toBe(true);
    expectParsedInvariants(parsed);
  });

  it("handles CRLF line endings and a BOM", () => {
    const text = "\uFEFFKim arrives in Russia\r\n\r\nSEOUL (AP) — Kim arrived.\r\nPutin waited.\r\n";
    const parsed = parseWire({ text });
    expect(parsed.original).toBe(text);
    expect(parsed.headline).toBe("Kim arrives in Russia");
    expect(parsed.sentences.map((s) => s.text)).toEqual(["Kim arrived.", "Putin waited."]);
    expectParsedInvariants(parsed);
  });

  it("detects English only when clearly English", () => {
    expect(parsePlainText("The leader of the country said that he was in the capital for the talks.").language).toBe("en");
    expect(parsePlainText("Der Trainer von Borussia Dortmund regte sich nach dem Spiel mächtig über den Elfmeter auf.").language).toBeNull();
    expect(parsePlainText("Kim arrived.").language).toBeNull();
  });
});

describe("splitPastedStories", () => {
  it("splits on lines of three or more dashes and drops empty pieces", () => {
    expect(splitPastedStories("First story.\n---\nSecond story.\n\n  ---  \n\nThird.\n---\n")).toEqual([
      "First story.",
      "Second story.",
      "Third.",
    ]);
  });

  it("keeps em dashes and inline dashes, and leading spaces of a story", () => {
    expect(splitPastedStories("A — b --- c\n---\n date 2023-09-12 Seoul: x")).toEqual(["A — b --- c", " date 2023-09-12 Seoul: x"]);
  });

  it("splits the concatenated seeds back into parseable stories", () => {
    const seeds = ["000", "001", "002", "003", "004"].map(readSeed);
    const pieces = splitPastedStories(seeds.join("\n---\n"));
    expect(pieces).toHaveLength(5);
    pieces.forEach((piece, i) => expect(parseWire({ text: piece }).sentences).toEqual(parseWire({ text: seeds[i] as string }).sentences));
  });
});

describe("dedupeText", () => {
  it("is stable for one story", () => {
    expect(dedupeText(parsePlainText(readSeed("000")))).toBe(dedupeText(parsePlainText(readSeed("000"))));
    expect(dedupeText({ sentences: [] })).toBe("");
  });

  it("ignores boilerplate, quote style and wrapping, but not the words", () => {
    const a = parsePlainText("Kim’s train arrived.\n\nPutin waited.");
    const b = parsePlainText("Kim's train\narrived.\n\nPutin waited.\n\n© AFP 2023\n\nSubscribe now for more");
    const c = parsePlainText("Kim’s train departed.\n\nPutin waited.");
    expect(dedupeText(a)).toBe(dedupeText(b));
    expect(dedupeText(a)).not.toBe(dedupeText(c));
  });

  it("differs between the seeds", () => {
    const hashes = ["000", "001", "002", "003", "004"].map((p) => dedupeText(parsePlainText(readSeed(p))));
    expect(new Set(hashes).size).toBe(5);
  });
});
