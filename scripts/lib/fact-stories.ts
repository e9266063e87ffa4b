/**
 * Engine input read from files, for the scripts that measure the engine and the tests that check
 * it on the same material: one reading of a wire file, of the ECB+ clusters and of sentence lists.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { storyFromParsedWire, type FactStory } from "../../lib/domain/facts";
import { parseWire, type ParsedWire } from "../../lib/domain/wire";

/**
 * A news-please article (the ECB+ files: `title` is the first sentence, `text` the rest) read as
 * the plain-text story it is; anything else goes through the wire parser as a file would.
 */
export function parseWireFile(file: string): ParsedWire {
  const bytes = readFileSync(file);
  if (file.endsWith(".json")) {
    const article = newsPleaseArticle(bytes.toString("utf8"));
    if (article) return parseWire({ text: `${article.title ?? ""}\n\n${article.text ?? ""}`, filename: "story.txt" });
  }
  return parseWire({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), filename: path.basename(file) });
}

function newsPleaseArticle(json: string): { title?: string; text?: string } | null {
  try {
    const doc = JSON.parse(json) as Record<string, unknown>;
    const isArticle = typeof doc.text === "string" && "source_domain" in doc && !("body_text" in doc) && !("uri" in doc);
    return isArticle ? (doc as { title?: string; text?: string }) : null;
  } catch {
    return null;
  }
}

/** A wire story file as the engine sees it, with `id` as its story id. */
export function storyFromFile(id: string, file: string): FactStory {
  return storyFromParsedWire(id, parseWireFile(file));
}

/** The ECB+ event folders (`<topic>ecb`, `<topic>ecbplus`), each with its article files, topics in numeric order. */
export function ecbEventFolders(ecbDir: string): Array<{ topic: number; event: string; files: string[] }> {
  return readdirSync(ecbDir)
    .filter((d) => /^\d+ecb(plus)?$/.test(d))
    .map((event) => ({
      topic: parseInt(event, 10),
      event,
      files: readdirSync(path.join(ecbDir, event)).filter((x) => x.endsWith(".json")).sort().map((f) => path.join(ecbDir, event, f)),
    }))
    .sort((a, b) => a.topic - b.topic || a.event.localeCompare(b.event));
}

/**
 * The ECB+ corpus as one story list per topic, both events of a topic together (story ids
 * `ecb/<file>` and `ecbplus/<file>`), topics in numeric order.
 */
export function ecbTopics(ecbDir: string): FactStory[][] {
  const folders = readdirSync(ecbDir).filter((d) => /^\d+ecb(plus)?$/.test(d));
  const topics = [...new Set(folders.map((d) => d.replace(/ecb(plus)?$/, "")))].sort((a, b) => Number(a) - Number(b));
  return topics.map((topic) => {
    const stories: FactStory[] = [];
    for (const variant of ["ecb", "ecbplus"]) {
      const dir = path.join(ecbDir, `${topic}${variant}`);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) stories.push(storyFromFile(`${variant}/${f}`, path.join(dir, f)));
    }
    return stories;
  });
}

/** Stories made of bare sentences, one paragraph each, as if joined by single spaces. */
export function storiesFromSentences(bodies: readonly string[][], idOf: (index: number) => string): FactStory[] {
  return bodies.map((sentences, s) => {
    let offset = 0;
    return {
      id: idOf(s),
      agency: null,
      headline: null,
      sentences: sentences.map((text, i) => {
        const start = offset;
        offset += text.length + 1;
        return { start, end: start + text.length, text, paragraph: i };
      }),
    };
  });
}

/** `storyId:sentence` to the id of the cluster that holds it. */
export function clusterIndex(clusters: ReadonlyArray<{ id: string; members: ReadonlyArray<{ storyId: string; sentence: number }> }>): Map<string, string> {
  const clusterOf = new Map<string, string>();
  for (const c of clusters) for (const m of c.members) clusterOf.set(`${m.storyId}:${m.sentence}`, c.id);
  return clusterOf;
}
