/**
 * Public addresses of stories: `/p/<slug>`, the slug made of the headline's first words and a
 * short suffix that keeps it unique. When a story is published under a headline its slug no
 * longer reads as, it gets a new slug and the old one keeps redirecting to it.
 */

/** The first eight words of a headline, lowercased, accents and punctuation gone: "kim-jong-un-arrives-in-russia". */
export function slugWords(headline: string): string {
  return (
    headline
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .split("-")
      .slice(0, 8)
      .join("-") || "story"
  );
}

/** A slug for `headline` with `suffix` (lowercase letters and digits) to keep it unique. */
export function slugFor(headline: string, suffix: string): string {
  return `${slugWords(headline)}-${suffix}`;
}

/** Whether `slug` still reads as `headline`: its words are the headline's, whatever the suffix. */
export function slugFitsHeadline(slug: string, headline: string): boolean {
  const words = slugWords(headline);
  return slug.startsWith(`${words}-`) && /^[a-z0-9]+$/.test(slug.slice(words.length + 1));
}
