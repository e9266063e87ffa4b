/**
 * The one bordered-control look: inputs, selects, textareas and secondary buttons share it, so a
 * change of border, radius or focus ring is made here once. Width and margin stay with the caller.
 */
export const BORDERED = "rounded-md border border-neutral-300 bg-white";

/** An inline control: filters, table cells, small forms. */
export const CONTROL = `${BORDERED} px-2 py-1.5 text-sm`;

/** A labelled form field that fills its column. */
export const FIELD_CONTROL = `mt-1 block w-full ${BORDERED} px-3 py-2 text-sm shadow-sm focus:border-blue-600`;

/** A small bordered button beside text (restore, keep mine, reply, detach), at least 24×24 px (WCAG 2.2 target size). */
export const SMALL_BUTTON =
  "inline-flex min-h-6 min-w-6 items-center rounded border border-neutral-300 bg-white px-1.5 py-0.5 text-xs text-neutral-800 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:text-neutral-400";
