/**
 * Small closed word lists the matcher needs. They are language facts, not tuning knobs:
 * stop words, British→American spelling, unit synonyms and spelled-out numbers, so that
 * "armoured"/"armored", "kilometres"/"km" and "four years"/"4 years" compare equal.
 */

export const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
  "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
  "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
  "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
  "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may",
  "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of", "off",
  "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
  "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
  "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
  "until", "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which", "while",
  "who", "whom", "whose", "why", "will", "with", "would", "you", "your", "yours", "yourself",
  "'s", "s", "n't", "mr", "mrs", "ms", "would", "wo", "ca", "yet", "per", "via", "amid", "among",
  "toward", "towards", "onto", "within", "without", "'", "said", "says", "say", "told", "added",
]);

/** Words that flip the polarity of a statement ("did not confirm" vs "confirmed"). */
export const NEGATIONS: ReadonlySet<string> = new Set(["not", "no", "never", "n't", "neither", "nor", "nothing", "none", "nobody"]);

/**
 * British spellings common in news copy, mapped to the American form. An explicit list,
 * because rules like "-our → -or" would turn "four" into "for" and "hour" into "hor".
 * Inflections are covered by also mapping the stem (see `americanSpelling`).
 */
const BRITISH_TO_AMERICAN: Record<string, string> = {
  armour: "armor", armoured: "armored", armoury: "armory", honour: "honor", honoured: "honored",
  colour: "color", coloured: "colored", favour: "favor", favourite: "favorite", favourable: "favorable",
  labour: "labor", neighbour: "neighbor", neighbouring: "neighboring", behaviour: "behavior",
  harbour: "harbor", humour: "humor", rumour: "rumor", vapour: "vapor", vigour: "vigor",
  endeavour: "endeavor", flavour: "flavor", odour: "odor", saviour: "savior", valour: "valor",
  parlour: "parlor", tumour: "tumor", splendour: "splendor", candour: "candor", clamour: "clamor",
  centre: "center", centres: "centers", centred: "centered", metre: "meter", metres: "meters",
  kilometre: "kilometer", kilometres: "kilometers", centimetre: "centimeter", centimetres: "centimeters",
  millimetre: "millimeter", millimetres: "millimeters", litre: "liter", litres: "liters",
  theatre: "theater", theatres: "theaters", fibre: "fiber", calibre: "caliber", sombre: "somber",
  spectre: "specter", meagre: "meager", lustre: "luster", sabre: "saber",
  defence: "defense", defences: "defenses", offence: "offense", offences: "offenses",
  licence: "license", licences: "licenses", pretence: "pretense",
  travelled: "traveled", travelling: "traveling", traveller: "traveler", travellers: "travelers",
  cancelled: "canceled", cancelling: "canceling", labelled: "labeled", labelling: "labeling",
  modelled: "modeled", modelling: "modeling", signalled: "signaled", signalling: "signaling",
  fuelled: "fueled", fuelling: "fueling", levelled: "leveled", counselled: "counseled",
  channelled: "channeled", marshalled: "marshaled", totalled: "totaled", quarrelled: "quarreled",
  jewellery: "jewelry", gruelling: "grueling", sizeable: "sizable", programme: "program",
  programmes: "programs", catalogue: "catalog", dialogue: "dialog", analogue: "analog",
  grey: "gray", tyre: "tire", tyres: "tires", cheque: "check", aluminium: "aluminum",
  manoeuvre: "maneuver", manoeuvres: "maneuvers", paediatric: "pediatric", anaemia: "anemia",
  oestrogen: "estrogen", foetus: "fetus", diarrhoea: "diarrhea", storey: "story", storeys: "stories",
  kerb: "curb", plough: "plow", draught: "draft", sceptical: "skeptical", sceptic: "skeptic",
  mould: "mold", smoulder: "smolder", pyjamas: "pajamas", enrol: "enroll", fulfil: "fulfill",
  instil: "instill", skilful: "skillful", wilful: "willful", judgement: "judgment",
  ageing: "aging", towards: "toward", amongst: "among", whilst: "while", learnt: "learned",
  spelt: "spelled", burnt: "burned", dreamt: "dreamed", leapt: "leaped",
};

/** Words ending in -ise/-isation that are not the British form of an -ize word. */
const ISE_EXCEPTIONS: ReadonlySet<string> = new Set([
  "advise", "advertise", "arise", "chastise", "circumcise", "comprise", "compromise", "concise",
  "demise", "despise", "devise", "disguise", "enterprise", "excise", "exercise", "expertise",
  "franchise", "improvise", "incise", "merchandise", "noise", "otherwise", "paradise", "poise",
  "praise", "precise", "premise", "promise", "raise", "revise", "rise", "supervise", "surmise",
  "surprise", "televise", "treatise", "wise", "likewise", "clockwise", "guise", "cruise", "bruise",
  "anise", "reprise", "apprise", "braise", "appraise", "upraise", "sunrise", "moonrise", "mise",
  "valise", "chemise", "cerise", "denise", "louise", "elise", "lise", "porpoise", "tortoise",
  "turquoise", "expertise", "concise", "incise", "exorcise", "prise",
]);

const ISE_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ["isations", "izations"], ["isation", "ization"], ["ising", "izing"], ["ised", "ized"],
  ["ises", "izes"], ["iser", "izer"], ["isers", "izers"], ["ise", "ize"],
];

/** Maps a lower-case word to its American spelling; returns the word itself when unknown. */
export function americanSpelling(word: string): string {
  const direct = BRITISH_TO_AMERICAN[word];
  if (direct !== undefined) return direct;
  // Inflected forms of listed words: "honours", "armouring", "centred".
  for (const suffix of ["s", "ed", "ing", "er", "ers"]) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) {
      const base = BRITISH_TO_AMERICAN[word.slice(0, -suffix.length)];
      if (base !== undefined) return base + suffix;
    }
  }
  if (word.length >= 7) {
    for (const [british, american] of ISE_SUFFIXES) {
      if (!word.endsWith(british)) continue;
      const base = word.slice(0, -british.length) + "ise";
      if (ISE_EXCEPTIONS.has(base)) return word;
      return word.slice(0, -british.length) + american;
    }
  }
  return word;
}

export type Dimension = "length" | "mass" | "time" | "percent" | "money" | "speed" | "area" | "volume" | "temperature";

export interface UnitInfo {
  /** Canonical unit word, used as the matching token ("km" and "kilometres" → "kilometer"). */
  canonical: string;
  dimension: Dimension;
  /** Factor to the dimension's base unit; null when units of the dimension don't convert (currencies). */
  toBase: number | null;
}

const LENGTH = (canonical: string, toBase: number): UnitInfo => ({ canonical, dimension: "length", toBase });
const MASS = (canonical: string, toBase: number): UnitInfo => ({ canonical, dimension: "mass", toBase });
const TIME = (canonical: string, toBase: number): UnitInfo => ({ canonical, dimension: "time", toBase });

/** Unit words (singular, plural, abbreviations), keyed by the lower-case spelling as written. */
export const UNITS: ReadonlyMap<string, UnitInfo> = new Map<string, UnitInfo>([
  ...(["km", "kms", "kilometer", "kilometers", "kilometre", "kilometres"] as const).map((w) => [w, LENGTH("kilometer", 1000)] as const),
  ...(["mile", "miles", "mi"] as const).map((w) => [w, LENGTH("mile", 1609.344)] as const),
  ...(["meter", "meters", "metre", "metres"] as const).map((w) => [w, LENGTH("meter", 1)] as const),
  ...(["foot", "feet", "ft"] as const).map((w) => [w, LENGTH("foot", 0.3048)] as const),
  ...(["yard", "yards", "yd", "yds"] as const).map((w) => [w, LENGTH("yard", 0.9144)] as const),
  ...(["inch", "inches"] as const).map((w) => [w, LENGTH("inch", 0.0254)] as const),
  ...(["cm", "centimeter", "centimeters", "centimetre", "centimetres"] as const).map((w) => [w, LENGTH("centimeter", 0.01)] as const),
  ...(["mm", "millimeter", "millimeters", "millimetre", "millimetres"] as const).map((w) => [w, LENGTH("millimeter", 0.001)] as const),
  ...(["kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"] as const).map((w) => [w, MASS("kilogram", 1)] as const),
  ...(["lb", "lbs", "pound", "pounds"] as const).map((w) => [w, MASS("pound", 0.45359237)] as const),
  ...(["tonne", "tonnes", "ton", "tons", "t"] as const).filter((w) => w !== "t").map((w) => [w, MASS("ton", 1000)] as const),
  ...(["second", "seconds", "sec", "secs"] as const).map((w) => [w, TIME("second", 1)] as const),
  ...(["minute", "minutes", "min", "mins"] as const).map((w) => [w, TIME("minute", 60)] as const),
  ...(["hour", "hours", "hr", "hrs"] as const).map((w) => [w, TIME("hour", 3600)] as const),
  ...(["day", "days"] as const).map((w) => [w, TIME("day", 86400)] as const),
  ...(["week", "weeks"] as const).map((w) => [w, TIME("week", 604800)] as const),
  ...(["month", "months"] as const).map((w) => [w, TIME("month", 2629746)] as const),
  ...(["year", "years", "yr", "yrs"] as const).map((w) => [w, TIME("year", 31556952)] as const),
  ...(["percent", "per-cent", "pct", "%", "percentage"] as const).map((w) => [w, { canonical: "percent", dimension: "percent", toBase: 1 } as UnitInfo] as const),
  ...(["mph"] as const).map((w) => [w, { canonical: "mph", dimension: "speed", toBase: 0.44704 } as UnitInfo] as const),
  ...(["kph", "km/h"] as const).map((w) => [w, { canonical: "kph", dimension: "speed", toBase: 0.277778 } as UnitInfo] as const),
  ...(["$", "us$", "dollar", "dollars", "usd"] as const).map((w) => [w, { canonical: "dollar", dimension: "money", toBase: null } as UnitInfo] as const),
  ...(["€", "euro", "euros", "eur"] as const).map((w) => [w, { canonical: "euro", dimension: "money", toBase: null } as UnitInfo] as const),
  ...(["£", "gbp", "sterling"] as const).map((w) => [w, { canonical: "pound-sterling", dimension: "money", toBase: null } as UnitInfo] as const),
  ...(["¥", "yen", "yuan", "rouble", "roubles", "ruble", "rubles", "won"] as const).map(
    (w) => [w, { canonical: w.replace(/s$/, "").replace("rouble", "ruble"), dimension: "money", toBase: null } as UnitInfo] as const,
  ),
  ...(["a$", "c$", "nz$", "hk$", "s$"] as const).map((w) => [w, { canonical: w, dimension: "money", toBase: null } as UnitInfo] as const),
]);

/** Spelled-out numbers, so "four years" and "4 years" match and compare. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ["zero", 0], ["one", 1], ["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["seven", 7],
  ["eight", 8], ["nine", 9], ["ten", 10], ["eleven", 11], ["twelve", 12], ["thirteen", 13],
  ["fourteen", 14], ["fifteen", 15], ["sixteen", 16], ["seventeen", 17], ["eighteen", 18],
  ["nineteen", 19], ["twenty", 20], ["thirty", 30], ["forty", 40], ["fifty", 50], ["sixty", 60],
  ["seventy", 70], ["eighty", 80], ["ninety", 90], ["hundred", 100], ["dozen", 12],
]);

/** Scale words that multiply the number before them: "2.5 billion". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ["thousand", 1e3], ["million", 1e6], ["billion", 1e9], ["trillion", 1e12], ["mln", 1e6], ["bln", 1e9], ["bn", 1e9], ["m", 1e6],
]);

export const WEEKDAYS: ReadonlyArray<string> = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** Month names and their abbreviations, with the month number (1-12). */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ["january", 1], ["jan", 1], ["february", 2], ["feb", 2], ["march", 3], ["mar", 3], ["april", 4], ["apr", 4],
  ["may", 5], ["june", 6], ["jun", 6], ["july", 7], ["jul", 7], ["august", 8], ["aug", 8],
  ["september", 9], ["sep", 9], ["sept", 9], ["october", 10], ["oct", 10], ["november", 11], ["nov", 11],
  ["december", 12], ["dec", 12],
]);

/** Short forms that newsrooms write interchangeably with the long form. */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["u.s.", "us"], ["u.s", "us"], ["usa", "us"], ["u.n.", "un"], ["u.n", "un"], ["u.k.", "uk"], ["u.k", "uk"],
  ["e.u.", "eu"], ["gov.", "governor"], ["gov", "governor"], ["sen.", "senator"], ["rep.", "representative"],
  ["adm.", "admiral"], ["gen.", "general"], ["lt.", "lieutenant"], ["col.", "colonel"], ["sgt.", "sergeant"],
  ["dept.", "department"], ["corp.", "corporation"], ["inc.", "incorporated"], ["co.", "company"],
  ["jr.", "junior"], ["st.", "saint"], ["mt.", "mount"], ["ft.", "fort"], ["spokesperson", "spokesman"],
  ["spokeswoman", "spokesman"], ["tv", "television"], ["covid-19", "covid"], ["covid19", "covid"],
]);

/**
 * Multi-word names that news copy also writes as one short form. The tokenizer merges each
 * phrase into one token with the short form as its normalised spelling, so "United Nations
 * Security Council" matches "U.N. Security Council" and "[North Korea]" matches "the DPRK".
 */
export const PHRASES: ReadonlyArray<readonly [readonly string[], string]> = [
  [["democratic", "people", "'s", "republic", "of", "korea"], "dprk"],
  [["people", "'s", "republic", "of", "china"], "prc"],
  [["united", "states", "of", "america"], "us"],
  [["united", "states"], "us"],
  [["united", "nations"], "un"],
  [["united", "kingdom"], "uk"],
  [["european", "union"], "eu"],
  [["north", "korea"], "dprk"],
  [["north", "korean"], "dprk"],
  [["south", "korea"], "rok"],
  [["south", "korean"], "rok"],
  [["soviet", "union"], "ussr"],
];
