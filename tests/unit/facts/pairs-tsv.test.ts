import { describe, expect, it } from "vitest";
import { parsePairsTsv } from "@/lib/domain/facts";

describe("parsePairsTsv", () => {
  it("reads the MSRP format: BOM, CRLF, tabs only, commas and quotes inside sentences", () => {
    const file = '\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t702876\t702977\tAmrozi accused his brother, whom he called "the witness", of lying.\tReferring to him as "the witness", Amrozi accused his brother.\r\n0\t1\t2\ta\tb\r\n';
    expect(parsePairsTsv(file)).toEqual([
      { quality: 1, id1: "702876", id2: "702977", text1: 'Amrozi accused his brother, whom he called "the witness", of lying.', text2: 'Referring to him as "the witness", Amrozi accused his brother.' },
      { quality: 0, id1: "1", id2: "2", text1: "a", text2: "b" },
    ]);
  });

  it("rejects rows that are not five tab-separated fields", () => {
    expect(() => parsePairsTsv("h\n1\t2\t3")).toThrow(/5 tab-separated fields/);
  });
});
