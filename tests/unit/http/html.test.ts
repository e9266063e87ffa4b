import { describe, expect, it } from "vitest";
import { escapeHtml, html, markupText, scriptJson } from "@/lib/domain/http/html";

describe("html", () => {
  it("escapes every value, in text and in attributes", () => {
    const hostile = `"><script>alert('x')</script>&`;
    const out = markupText(html`<p title="${hostile}">${hostile}</p>`);
    expect(out).toBe(`<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>`);
    expect(out).not.toContain("<script>");
  });

  it("keeps markup made by html as markup, joins lists and leaves nothing for null, undefined and false", () => {
    const items = ["a<b", "c"].map((text) => html`<li>${text}</li>`);
    expect(markupText(html`<ul>${items}</ul>${null}${undefined}${false}${0}`)).toBe("<ul><li>a&lt;b</li><li>c</li></ul>0");
  });

  it("writes JSON a script element cannot be closed by", () => {
    const out = markupText(html`<script type="application/ld+json">${scriptJson({ headline: "</script><script>alert(1)</script>" })}</script>`);
    expect(out.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(out.slice(out.indexOf(">") + 1, out.lastIndexOf("<")))).toEqual({ headline: "</script><script>alert(1)</script>" });
  });

  it("escapes text for XML as well", () => {
    expect(escapeHtml(`Tom & "Jerry" <x>`)).toBe("Tom &amp; &quot;Jerry&quot; &lt;x&gt;");
  });
});
