/**
 * HTML (and XML) written as text, safe by construction: `html` escapes every value put into it,
 * except markup made by `html` itself, so no text from a story, a wire or a reader can become markup.
 */
const MARKUP = Symbol("markup");

export interface Markup {
  readonly [MARKUP]: string;
}

type Value = string | number | Markup | null | undefined | false | readonly Value[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as it reads inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (typeof value === "object") return (value as Markup)[MARKUP];
  return escapeHtml(String(value));
}

/** Markup with its values escaped; lists are joined, and null, undefined and false leave nothing. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return { [MARKUP]: out };
}

/** Markup that is known to be safe (a constant style sheet; JSON made safe for a script element). */
export function trustedMarkup(text: string): Markup {
  return { [MARKUP]: text };
}

/** JSON for a `<script type="application/ld+json">`: no `<` in it can close the element. */
export function scriptJson(value: unknown): Markup {
  return trustedMarkup(JSON.stringify(value).replace(/</g, "\\u003c"));
}

export function markupText(markup: Markup): string {
  return markup[MARKUP];
}
