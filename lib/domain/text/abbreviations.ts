/**
 * Word lists that decide whether a period ends a sentence. They follow AP/Reuters style,
 * which is what wire copy uses: titles before names, abbreviated months before day numbers,
 * company suffixes, AP state abbreviations in datelines.
 *
 * All entries are lowercase and without the final period.
 */

/**
 * Abbreviations that normally sit inside a sentence. A period after one of them is still a
 * boundary when the next word is a typical sentence opener ("… Baker Hughes Inc. The company…"),
 * see SENTENCE_OPENERS.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles and ranks before names
  "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "gov", "govs", "sen", "sens", "rep", "reps",
  "adm", "gen", "lt", "col", "maj", "capt", "cmdr", "cmdt", "sgt", "cpl", "pvt", "brig", "ens",
  "rev", "msgr", "fr", "hon", "pres", "supt", "det", "insp", "amb", "atty", "gens", "lieut",
  "sr", "jr", "esq",
  // places
  "st", "ste", "mt", "ft", "ave", "blvd", "rd", "hwy", "dept", "univ", "assn", "bldg",
  // companies
  "inc", "corp", "co", "cos", "ltd", "bros", "plc", "llc", "llp", "pty", "ag",
  // misc
  "vs", "v", "approx", "est", "ca", "cf", "al", "fig", "figs",
]);

/**
 * Entries of ABBREVIATIONS that count in lowercase too. Every other entry must be capitalised
 * ("Gov.", "Inc.") so that ordinary words such as "co." or "st." at a sentence end still break.
 */
export const LOWERCASE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "vs", "v", "approx", "est", "ca", "cf", "al", "fig", "figs",
]);

/**
 * AP state abbreviations. Several are ordinary words ("Ill.", "Mass.", "Wash."), so they only
 * count right after a comma, as in a dateline: "FORT WASHINGTON, Pa. (AP)".
 */
export const STATE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
  "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
  "pa", "tenn", "tex", "vt", "va", "wash", "wis", "wyo",
]);

/** Month abbreviations: "Sept. 12" never ends a sentence at "Sept.". */
export const MONTH_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);

/** Abbreviations that stay inside a sentence only before a number: "No. 1", "Vol. 3", "pp. 12". */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "no", "nos", "vol", "vols", "pp", "p", "art", "arts", "sec", "secs", "ch", "para", "op", "nr",
]);

/**
 * Words that begin sentences far more often than they follow an abbreviation or an initialism.
 * "in the U.S. The move…" breaks; "the U.S. Navy…" and "Gov. Oleg…" do not.
 */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "his", "she", "her",
  "they", "their", "we", "our", "i", "you", "your", "but", "and", "or", "so", "yet", "however",
  "meanwhile", "in", "on", "at", "for", "from", "with", "after", "before", "when", "while", "as",
  "if", "a", "an", "some", "many", "most", "all", "both", "one", "other", "others", "such",
  "what", "why", "how", "who", "where", "no", "not", "still", "also", "then", "now", "later",
  "earlier", "instead", "since", "although", "though", "because", "under", "during", "according",
]);
