/**
 * How the app writes a moment for people: in UTC, to the minute (to the second where order
 * matters, as in the audit log), so a newsroom spread over time zones and its readers read the
 * same time the same way, and the server renders what the browser would.
 */
export function formatUtc(moment: Date | string, { seconds = false }: { seconds?: boolean } = {}): string {
  const iso = (typeof moment === "string" ? new Date(moment) : moment).toISOString();
  return `${iso.slice(0, seconds ? 19 : 16).replace("T", " ")} UTC`;
}

/** A calendar day as data (YYYY-MM-DD), e.g. a wire story's date; null stays null. */
export function isoDay(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
