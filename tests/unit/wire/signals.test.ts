import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectSignals, versionLabel } from "@/lib/domain/wire/signals";
import { describeWithCorpus } from "../../support/shared-folder";

const g2 = (meta: string) => `<?xml version="1.0"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1" version="2" standard="NewsML-G2" standardversion="2.29">
  <itemMeta><itemClass qcode="ninat:text"/>${meta}</itemMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml"><nitf><body><body.content><p>Text.</p></body.content></body></nitf></inlineXML></contentSet>
</newsItem>`;

const ninjs = (fields: Record<string, unknown>) => JSON.stringify({ uri: "urn:test:1", type: "text", body_text: "Text.", ...fields });

describe("detectSignals: NewsML-G2", () => {
  it.each([
    ['<pubStatus qcode="stat:usable"/>', { status: "usable", kind: null }],
    ['<pubStatus qcode="stat:usable"/><signal qcode="sig:update"/>', { status: "usable", kind: "update", note: "sig:update" }],
    ['<pubStatus qcode="stat:usable"/><signal qcode="sig:correction"/>', { status: "usable", kind: "correction" }],
    ['<pubStatus qcode="stat:withheld"/>', { status: "withheld", kind: "withheld" }],
    ['<pubStatus qcode="stat:canceled"/><signal qcode="sig:update"/>', { status: "canceled", kind: "kill" }],
    // Signals that are not about the version (editorial status, product, media type) say nothing.
    ['<pubStatus qcode="stat:usable"/><signal qcode="edStat:U"/><signal qcode="prodId:TXT"/><signal qcode="pmt:text"/>', { status: "usable", kind: null }],
    ['<signal qcode="sig:update"/><signal qcode="sig:correction"/>', { status: "usable", kind: "correction" }],
    ["<edNote>Corrects spelling of minister's name in paragraph 3</edNote>", { status: "usable", kind: "correction" }],
  ])("%s", (meta, expected) => {
    expect(detectSignals("newsml-g2", g2(meta))).toMatchObject(expected);
  });
});

describe("detectSignals: ninjs", () => {
  it.each([
    [{}, { status: "usable", kind: null, note: null }],
    [{ pubStatus: "usable" }, { status: "usable", kind: null }],
    [{ pubstatus: "withheld" }, { status: "withheld", kind: "withheld" }],
    [{ pubStatus: "canceled" }, { status: "canceled", kind: "kill", note: "pubStatus canceled" }],
    [{ signals: [{ uri: "http://cv.iptc.org/newscodes/signal/correction" }] }, { status: "usable", kind: "correction" }],
    [{ signals: ["sig:update"] }, { status: "usable", kind: "update" }],
    [{ ednote: "Eds: UPDATES with Kremlin comment" }, { status: "usable", kind: "update" }],
  ])("%j", (fields, expected) => {
    expect(detectSignals("ninjs", ninjs(fields))).toMatchObject(expected);
  });
});

describe("detectSignals: NITF", () => {
  it("reads management-status and the editors' message", () => {
    const nitf = (docdata: string) => `<nitf><head><docdata ${docdata}</docdata></head><body><body.content><p>Text.</p></body.content></body></nitf>`;
    expect(detectSignals("nitf", nitf('management-status="usable"><doc-id id-string="x"/>'))).toMatchObject({ status: "usable", kind: null });
    expect(detectSignals("nitf", nitf('management-status="canceled">'))).toMatchObject({ status: "canceled", kind: "kill" });
    expect(detectSignals("nitf", nitf('><ed-msg info="CORRECTS death toll to 12"/>'))).toMatchObject({ status: "usable", kind: "correction", note: "CORRECTS death toll to 12" });
  });
});

describe("detectSignals: plain-text conventions", () => {
  it.each([
    ["Kim arrives in Russia\n\nSEOUL (AP) — Kim arrived.", { kind: null, status: "usable" }],
    ["UPDATES with Kremlin statement\nKim arrives in Russia\n\nSEOUL (AP) — Kim arrived.", { kind: "update", note: "UPDATES with Kremlin statement" }],
    ["CORRECTS day to Tuesday, not Wednesday\nKim arrives\n\nSEOUL (AP) — Kim arrived.", { kind: "correction" }],
    ["CORRECTION\nKim arrives\n\nText.", { kind: "correction" }],
    ["KILL\nKim arrives\n\nEditors are asked not to use this story.", { kind: "kill", status: "canceled" }],
    ["MANDATORY KILL\nKim arrives\n\nText.", { kind: "kill", status: "canceled" }],
    ["WITHDRAWN\nKim arrives\n\nText.", { kind: "kill", status: "canceled" }],
    ["Eds: Recasts throughout with talks.\nKim arrives\n\nText.", { kind: "update" }],
    ["Eds: Corrects spelling of Kozhemyako.\nKim arrives\n\nText.", { kind: "correction" }],
    ["Eds: Withdrawn. Do not use.\nKim arrives\n\nText.", { kind: "kill", status: "canceled" }],
    ["UPDATE 2-Kim arrives in Russia\n\nSEOUL (Reuters) - Kim arrived.", { kind: "update", note: "UPDATE 2-Kim arrives in Russia" }],
    ["CORRECTED-UPDATE 1-Kim arrives\n\nSEOUL (Reuters) - Kim arrived.", { kind: "correction" }],
    // Words inside the story are not service lines.
    ["Kim arrives\n\nSEOUL (AP) — Officials said the report corrects an earlier one. The kill switch failed.", { kind: null }],
  ])("%j", (text, expected) => {
    expect(detectSignals("text", text)).toMatchObject(expected);
  });
});

describeWithCorpus("wire-formats", "detectSignals: the IPTC wire-format examples", (dir) => {
  it("reads every NewsML-G2 example without failing, and finds the sig:update items", () => {
    const folder = path.join(dir, "newsml-g2");
    const files = fs.readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".xml"));
    let updates = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(folder, file), "utf8");
      const signals = detectSignals("newsml-g2", text);
      if (/qcode="sig:update"/.test(text) && /<newsItem/.test(text)) expect(signals.kind, file).toBe("update");
      if (signals.kind === "update") updates += 1;
    }
    expect(updates).toBeGreaterThan(0);
  });
});

describe("versionLabel", () => {
  it.each([
    [{ version: 1, versionCount: 1, versionKind: null }, null],
    [{ version: 2, versionCount: 2, versionKind: null }, "v2 · updated"],
    [{ version: 3, versionCount: 3, versionKind: "correction" }, "v3 · corrected"],
    [{ version: 2, versionCount: 2, versionKind: "update" }, "v2 · updated"],
    [{ version: 1, versionCount: 1, versionKind: "kill" }, "v1 · killed"],
    [{ version: 4, versionCount: 2, versionKind: "withheld" }, "v4 · withheld"],
    [{ version: 1, versionCount: 1, versionKind: "something-else" }, null],
  ])("%j reads %s", (row, label) => {
    expect(versionLabel(row)).toBe(label);
  });
});
