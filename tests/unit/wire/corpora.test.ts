/**
 * Real agency items and IPTC examples from ../shared/corpora/wire-formats (see SOURCE.md there).
 * Expected values are read off the files themselves.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import type { AppError } from "@/lib/domain/errors";
import { parseWire } from "@/lib/domain/wire";
import type { ParsedWire } from "@/lib/domain/wire/types";
import { errorOf } from "../../support/errors";
import { walkFiles } from "../../support/files";
import { describeWithCorpus } from "../../support/shared-folder";
import { CORPUS_DIR, expectOnlyAppErrors, expectParsedInvariants, readCorpus, removedTexts } from "./support";

function parseCorpus(relative: string): ParsedWire {
  return parseWire({ bytes: readCorpus(relative), filename: path.basename(relative) });
}

function corpusError(relative: string): AppError {
  return errorOf(() => parseCorpus(relative));
}

interface Expectation {
  file: string;
  headline: string | null;
  lede: string;
  fields?: Partial<ParsedWire>;
}

const CONCORDIA_LEDE =
  "The trial of the captain of the shipwrecked Costa Concordia cruise liner has begun in a theater converted into a courtroom in Tuscany to accommodate all the survivors and relatives of the 32 victims who want to see justice carried out in the 2012 tragedy.";
const CONCORDIA = {
  headline: "Captain of wrecked cruise ship on trial in Italy",
  lede: CONCORDIA_LEDE,
  fields: {
    agency: "AP",
    dateline: "GROSSETO, Italy",
    byline: "Paulo Santalucia and Frances d'Emilio",
    date: "2013-07-09",
    externalId: "http://ninjs.example.com/newsitems/20130709simp123",
  },
};

const NINJS: Expectation[] = [
  { file: "ninjs/iptc-ninjs/v1.4_ninjsExSimpleText1.json", ...CONCORDIA },
  { file: "ninjs/iptc-ninjs/v2.1_ninjsExSimpleText_2.json", ...CONCORDIA },
  { file: "ninjs/iptc-ninjs/v3.0_ninjsExSimpleText_3.json", ...CONCORDIA },
  { file: "ninjs/iptc-ninjs/doc-examples-3.1_004_simple_text_article.json", ...CONCORDIA },
  {
    file: "ninjs/iptc-ninjs/v2.1_dpa_text.json",
    headline: "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
    lede: "Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».",
    fields: { agency: "dpa", language: "de", byline: "Christian Hollmann, dpa", date: "2019-05-10", externalVersion: 2 },
  },
  {
    file: "ninjs/iptc-ninjs/v3.0_dpa_text.json",
    headline: "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
    lede: "Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».",
    fields: { agency: "dpa", language: "de", externalId: "urn:newsml:dpa.com:20090101:190510-99-167362" },
  },
  {
    file: "ninjs/iptc-ninjs/v3.0_20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json",
    headline: "Anti-doping measures at the 'Tour Down Under' will be the toughest ever",
    lede: "The Australian Sports Anti-Doping Authority (ASADA) today announced a range of anti-doping initiatives to protect the integrity of the 2008 ‘Tour Down Under’ to be held in South Australia from January 22-27.",
    fields: { language: "en", dateline: "Oslo, Norway", externalVersion: 2 },
  },
  {
    file: "ninjs/iptc-ninjs/v3.0_tt_text_image_3.json",
    headline: "Militärövning i jätteformat hålls 2023",
    lede: "Pandemin satte stopp för den stora internationella militärövningen Aurora 2020 förra våren.",
    fields: { language: "sv" },
  },
  {
    file: "ninjs/superdesk-core/ninjs2.json",
    headline: "Oil prices edge up on first drop in US drilling in months",
    lede: "Oil prices edged up on Monday, supported by the first autumn in US drilling activity in months, although rising output from OPEC despite a pledge to cut supplies capped gains.",
    fields: { agency: "Reuters", byline: "Henning Gloystein", dateline: "Singapore", externalVersion: 4 },
  },
  {
    file: "ninjs/superdesk-core/ninjs4.json",
    headline: "China behauptet, einen Polizeihund geklont zu haben",
    lede: "Es kann ganz schön kostspielig sein, Polizeihunde zum Schutz unserer Sicherheit zu trainieren.",
    fields: { language: "de" },
  },
  { file: "ninjs/superdesk-core/ninjs1.json", headline: "headline", lede: "The story so far.", fields: { agency: "AAP", byline: "Peter and Jane" } },
];

const NEWSML: Expectation[] = [
  {
    file: "newsml-g2/superdesk-core/ap.xml",
    headline: "Nutrisystem beats 4Q earnings and revenue expectations",
    lede: "Nutrisystem Inc. (NTRI) on Monday reported fourth-quarter net income of $10.9 million.",
    fields: {
      agency: "AP",
      dateline: "FORT WASHINGTON, Pa.",
      date: "2018-02-26",
      language: "en",
      externalId: "tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text",
      externalVersion: 2,
    },
  },
  {
    file: "newsml-g2/superdesk-core/tag_reuters.com_2014_newsml_KBN0FL0NN_version_5.xml",
    headline: "Confident Assad launches new term in stronger position",
    lede: "Bashar al-Assad was sworn in for a new term as Syria's president on Wednesday, after an election which his opponents dismiss as a sham but which he said proved he had achieved victory after a \"dirty war\" to unseat him.",
    fields: { agency: "Reuters", dateline: "DAMASCUS", byline: "Marwan Makdisi", language: "en-US", externalVersion: 5, date: "2014-07-16" },
  },
  {
    file: "newsml-g2/superdesk-core/tag_reuters.com_2014_newsml_KBN0FL0ZP_version_2.xml",
    headline: "Syria's Assad says foreign states will pay for supporting 'terrorism'",
    lede: 'President Bashar al-Assad, who was sworn in for a new term on Wednesday, said Western and Arab states that have supported "terrorism" will pay a "high price" and that he would fight insurgents until security was restored to the whole country.',
    fields: { agency: "Reuters", dateline: "BEIRUT" },
  },
  {
    file: "newsml-g2/superdesk-core/dpa.xml",
    headline: "Eintracht in London: Hintereggers Tränen und Attacke auf Reporter",
    lede: "2019 gab es bittere Tränen in der Kurve, 2022 erst mächtig Wut auf englische Fans und eine Woche später ausgelassenen Jubel: Für Eintracht Frankfurt ist London in den vergangenen Jahren zu einem Standard-Reiseziel im europäischen Fußball-Wettbewerb geworden.",
    fields: { agency: "dpa", dateline: "London", language: "de", date: "2022-10-11", externalId: "urn:newsml:dpa.com:20090101:221011-930-4303" },
  },
  {
    file: "newsml-g2/superdesk-core/stt1.xml",
    headline: "Mikko Moilanen siirtyy Revenion toimitusjohtajaksi",
    lede: "Diplomi-insinööri Mikko Moilanen siirtyy terveysteknologiayhtiö Revenio Groupin ja Revenion konserniyhtiön Icare Finlandin toimitusjohtajaksi.",
    fields: { agency: "STT", dateline: "Helsinki", language: "fi-FI", externalVersion: 2 },
  },
  {
    file: "newsml-g2/superdesk-core/ansa-newsmlg2-text.xml",
    headline: "Catalan independence declaration unacceptable - Alfano",
    lede: "Italian Foreign Minister Angelino Alfano has said that the Catalan independence declaration is unacceptable.",
    fields: { agency: "ANSA", dateline: "Rome", language: "it" },
  },
  {
    file: "newsml-g2/iptc-examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
    headline: "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.",
    lede: "With the Philadelphia Phillies picking up momentum after their three-game sweep of the Atlanta Braves, and the Arizona Diamondbacks capturing all four of their games against the Houston Astros, tonight's game at Citizen Bank Park looks set to be a clash of the Titans.",
    fields: { agency: "Sports Network" },
  },
  {
    file: "newsml-g2/iptc-examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
    headline: "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.",
    lede: "A pair of teams coming off big weekend sweeps will square off tonight at Citizens Bank Park, where the Philadelphia Phillies welcome the Arizona Diamondbacks for the start of a three-game series.",
    fields: { externalId: "tag:xmlteam.com,2016:xt.5932656-preview", externalVersion: 11, language: "en-US" },
  },
  {
    file: "newsml-g2/iptc-ninjs/TT_newsmlg2_sample.xml",
    headline: 'Jan Guillou skriver på ny "Hamilton"-bok',
    lede: 'Jan Guillou arbetar just nu med det sista kapitlet i en kommande "Hamilton"-bok, som han kallar för "ett pensionärsäventyr", skriver Aftonbladet.',
    fields: { agency: "TT", language: "sv" },
  },
];

const NITF: Expectation[] = [
  {
    file: "nitf/superdesk-core/ap-nitf.xml",
    headline: "Can trading pollution like stocks help fight climate change?",
    lede: "The gas produced by hog manure at farms across the U.S. punches holes in the ozone layer, overheats the planet, and angers neighbors with its peculiar odor, a mix of rotten egg and ammonia.",
    fields: { agency: "AP", dateline: "NEW YORK", byline: "BERNARD CONDON", date: "2015-12-10" },
  },
  {
    file: "nitf/iptc-ninjs/NTB_nitf_sample.xml",
    headline: "Pandemien herjer på den legeløse indiske landsbygda",
    lede: "Koronapandemien herjer også i landsbyer rundt omkring i India.",
    fields: { agency: "NTB", dateline: "Unnao", byline: "NTB-AFP-DPA", language: "nb-NO", date: "2021-05-16" },
  },
  {
    file: "nitf/superdesk-core/pa5.xml",
    headline: "HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY",
    lede: "Treasury coffers will take a £66 billion annual hit if Britain goes for a so-called hard Brexit, Cabinet ministers have been warned.",
    fields: { agency: "PA", byline: "Sam Lister, Press Association Political Correspondent", date: "2016-10-11" },
  },
  {
    file: "nitf/superdesk-core/aap-finance.xml",
    headline: "ASIA:Samsung sells defence, petrochemical units",
    lede: "Samsung has announced the sale of stakes in four petrochemical and defence affiliates for $US1.7 billion ($A1.84 billion) as the South Korean giant steps up restructuring efforts ahead of a generational ownership succession.",
    fields: { agency: "AFP", dateline: "SEOUL" },
  },
  {
    file: "nitf/superdesk-core/handle_invalid_fields.xml",
    headline: "Man accused of ramming gate at Rideau Hall with truck faces multiple charges",
    lede: "A Manitoba man is facing 22 criminal charges after allegedly ramming his truck through a pedestrian gate at Rideau Hall Thursday and has been remanded in custody until July 17.",
    fields: { dateline: "OTTAWA" },
  },
];

describeWithCorpus("wire-formats", "wire-format corpus", () => {
  describe.each([
    ["ninjs", NINJS],
    ["newsml-g2", NEWSML],
    ["nitf", NITF],
  ] as const)("%s samples", (format, expectations) => {
    it.each(expectations.map((e) => [e.file, e] as const))("%s", (_file, expected) => {
      const parsed = parseCorpus(expected.file);
      expect(parsed.format).toBe(format);
      expect(parsed.headline).toBe(expected.headline);
      expect(parsed.sentences[0]?.text).toBe(expected.lede);
      expect(parsed).toMatchObject(expected.fields ?? {});
      expect(parsed.text).not.toMatch(/<\/?(?:p|div|span|body|block|hl1|hl2|html)\b/);
      expectParsedInvariants(parsed);
    });
  });

  it("cleans the Reuters item like a web story: byline, dateline, subhead, credits", () => {
    const parsed = parseCorpus("newsml-g2/superdesk-core/tag_reuters.com_2014_newsml_KBN0FL0NN_version_5.xml");
    expect(removedTexts(parsed, "byline")).toEqual(["By Marwan Makdisi"]);
    expect(removedTexts(parsed, "dateline")).toEqual(["DAMASCUS (Reuters) -"]);
    expect(removedTexts(parsed, "subhead")).toEqual(["STILL STANDING"]);
    expect(removedTexts(parsed, "credit line")).toEqual([
      "(Additional reporting by Sylvia Westall, Laila Bassam, Oliver Holmes, Mariam Karouny and Tom Perry in Beirut; Editing by Peter Graff)",
    ]);
  });

  it("marks NITF <hl2> subheads and the NTB copyright line", () => {
    const parsed = parseCorpus("nitf/iptc-ninjs/NTB_nitf_sample.xml");
    expect(removedTexts(parsed, "subhead")).toEqual([
      "- Det skjulte India",
      "Myndighetene patruljerer langs elvebredden",
      "Ingen fagfolk",
      "Amatørleger uten utstyr",
    ]);
    expect(removedTexts(parsed, "copyright")).toEqual(["(©NTB)"]);
    expect(parsed.text).not.toContain("Kremasjonsbål"); // the media caption
  });

  it("refuses items without story text, with clear reasons", () => {
    expect(corpusError("newsml-g2/iptc-examples/LISTING_1_A_NewsML-G2_News_Item.xml").message).toMatch(/no text item/);
    expect(corpusError("newsml-g2/superdesk-core/picture.xml").code).toBe("UNPROCESSABLE");
    expect(corpusError("ninjs/iptc-ninjs/v2.1_ap_image.json").message).toMatch(/not a ninjs news item/);
    expect(corpusError("newsml-1.x/superdesk-core/afp.xml").message).toMatch(/NewsML 1.x/);
    expect(corpusError("anpa-1312/superdesk-core/anpa-1.tst").message).toMatch(/ANPA/);
    expect(corpusError("nitf/superdesk-core/nitf-fishing.xml").message).toMatch(/^XML entities are not allowed/);
    // A test advisory whose whole body is the word "body": junk, not a story.
    expect(corpusError("ninjs/superdesk-core/bbc-ninjs-text-test.json").message).toMatch(/^No sentence here/);
  });

  it("never fails on any corpus file except with an AppError", () => {
    const files = walkFiles(CORPUS_DIR).filter((f) => !f.endsWith(".md"));
    expect(files.length).toBeGreaterThan(150);
    let parsedCount = 0;
    for (const file of files) {
      const parsed = expectOnlyAppErrors(() => parseCorpus(path.relative(CORPUS_DIR, file)));
      if (parsed) {
        parsedCount++;
        expectParsedInvariants(parsed);
      }
    }
    expect(parsedCount).toBeGreaterThan(60);
  }, 60_000);
});
