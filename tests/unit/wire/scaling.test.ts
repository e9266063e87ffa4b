/**
 * Input up to 2 MB is accepted, so every stage must stay roughly linear. These inputs made
 * earlier versions quadratic; the budgets are generous so that only a regression fails them.
 */
import { describe, expect, it } from "vitest";
import { parseWire } from "@/lib/domain/wire";
import { expectOnlyAppErrors } from "./support";

const SIZE = 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.floor(SIZE / unit.length));
const ninjsHtml = (html: string) => JSON.stringify({ headline: "H", body_html: html });

const cases: Array<[string, string]> = [
  ["many one-sentence lines", fill("a.\n")],
  ["one paragraph of initialisms", fill("U.S. ")],
  ["stray control characters", fill("abcdefghijklmnopqrst\u0007")],
  ["title-case lines between blank lines", "Lede sentence here.\n\n" + fill("Big Title Case Heading\n\n")],
  ["HTML made of unterminated tags", ninjsHtml(fill("<a"))],
  ["deeply nested HTML followed by stray end tags", ninjsHtml(fill("<div>").slice(0, SIZE / 2) + fill("</span>").slice(0, SIZE / 2) + "<p>x.</p>")],
  ["thousands of HTML subheads", ninjsHtml(fill("<h2>Sub</h2><p>Text.</p>"))],
  ["NITF with thousands of paragraphs", `<nitf><body><body.content>${"<p>Kim arrived. Putin met him.</p>".repeat(SIZE / 40)}</body.content></body></nitf>`],
];

describe("parsing stays fast on large adversarial input", () => {
  it.each(cases)("%s", (_name, text) => {
    const started = performance.now();
    expectOnlyAppErrors(() => parseWire({ text }));
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
