import "server-only";
import type { DisputingSource, FactDiscrepancy, StoryDocument, StoryFact } from "@/lib/domain/story/types";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Reads a revision's document: paragraphs and facts in order, with their sources. */
export async function loadDocument(tx: Tx, revisionId: string): Promise<StoryDocument> {
  const revision = await tx.storyRevision.findUniqueOrThrow({
    where: { id: revisionId },
    select: {
      headline: true, standfirst: true, dateline: true, metaVersion: true,
      paragraphs: { orderBy: { position: "asc" }, select: { paragraphId: true } },
      facts: {
        orderBy: { position: "asc" },
        select: {
          factId: true, paragraphId: true, text: true, ownReportingNote: true, discrepancies: true, disputedBy: true, version: true,
          sources: { orderBy: [{ wireStoryId: "asc" }, { start: "asc" }], select: { wireStoryId: true, start: true, end: true } },
        },
      },
    },
  });
  const factsByParagraph = new Map<string, StoryFact[]>();
  for (const fact of revision.facts) {
    const list = factsByParagraph.get(fact.paragraphId) ?? [];
    list.push({
      id: fact.factId,
      text: fact.text,
      sources: fact.sources,
      disputedBy: fact.disputedBy as unknown as DisputingSource[],
      ownReportingNote: fact.ownReportingNote,
      discrepancies: fact.discrepancies as unknown as FactDiscrepancy[],
      version: fact.version,
    });
    factsByParagraph.set(fact.paragraphId, list);
  }
  return {
    headline: revision.headline,
    standfirst: revision.standfirst,
    dateline: revision.dateline,
    metaVersion: revision.metaVersion,
    paragraphs: revision.paragraphs.map((paragraph) => ({ id: paragraph.paragraphId, facts: factsByParagraph.get(paragraph.paragraphId) ?? [] })),
  };
}

/** Writes a whole document into an empty revision (a new story, or a new revision of one). */
export async function insertDocument(tx: Tx, revisionId: string, doc: StoryDocument, actorId: string): Promise<void> {
  await tx.revisionParagraph.createMany({
    data: doc.paragraphs.map((paragraph, index) => ({ revisionId, paragraphId: paragraph.id, position: index + 1 })),
  });
  const facts = doc.paragraphs.flatMap((paragraph) => paragraph.facts.map((fact, index) => ({ fact, paragraphId: paragraph.id, position: index + 1 })));
  await tx.revisionFact.createMany({
    data: facts.map(({ fact, paragraphId, position }) => ({
      revisionId,
      factId: fact.id,
      paragraphId,
      position,
      text: fact.text,
      ownReportingNote: fact.ownReportingNote,
      discrepancies: fact.discrepancies as unknown as Prisma.InputJsonValue,
      disputedBy: (fact.disputedBy ?? []) as unknown as Prisma.InputJsonValue,
      version: fact.version,
      updatedById: actorId,
    })),
  });
  await tx.factSource.createMany({
    data: facts.flatMap(({ fact }) => uniqueSources(fact).map((source) => ({ revisionId, factId: fact.id, ...source }))),
  });
}

/**
 * Writes the difference between two versions of a revision's document: only paragraphs and
 * facts that changed are touched, so concurrent edits of different facts leave each other alone.
 */
export async function writeDocumentChanges(tx: Tx, revisionId: string, before: StoryDocument, after: StoryDocument, actorId: string): Promise<void> {
  if (before.headline !== after.headline || before.standfirst !== after.standfirst || before.dateline !== after.dateline || before.metaVersion !== after.metaVersion) {
    await tx.storyRevision.update({
      where: { id: revisionId },
      data: { headline: after.headline, standfirst: after.standfirst, dateline: after.dateline, metaVersion: after.metaVersion },
    });
  }

  const beforeParagraphs = new Map(before.paragraphs.map((paragraph, index) => [paragraph.id, index]));
  const afterParagraphIds = new Set(after.paragraphs.map((paragraph) => paragraph.id));
  const paragraphOrderChanged =
    before.paragraphs.length !== after.paragraphs.length || after.paragraphs.some((paragraph, index) => beforeParagraphs.get(paragraph.id) !== index);
  if (paragraphOrderChanged) {
    const removed = before.paragraphs.filter((paragraph) => !afterParagraphIds.has(paragraph.id)).map((paragraph) => paragraph.id);
    if (removed.length) await tx.revisionParagraph.deleteMany({ where: { revisionId, paragraphId: { in: removed } } });
    for (const [index, paragraph] of after.paragraphs.entries()) {
      await tx.revisionParagraph.upsert({
        where: { revisionId_paragraphId: { revisionId, paragraphId: paragraph.id } },
        create: { revisionId, paragraphId: paragraph.id, position: index + 1 },
        update: { position: index + 1 },
      });
    }
  }

  const beforeFacts = indexFacts(before);
  const afterFacts = indexFacts(after);
  const removedFacts = [...beforeFacts.keys()].filter((id) => !afterFacts.has(id));
  if (removedFacts.length) await tx.revisionFact.deleteMany({ where: { revisionId, factId: { in: removedFacts } } });

  for (const [factId, now] of afterFacts) {
    const was = beforeFacts.get(factId);
    const placeChanged = !was || was.paragraphId !== now.paragraphId || was.index !== now.index;
    const contentChanged = !was || was.fact.version !== now.fact.version;
    if (!placeChanged && !contentChanged) continue;
    const data = {
      paragraphId: now.paragraphId,
      position: now.index + 1,
      text: now.fact.text,
      ownReportingNote: now.fact.ownReportingNote,
      discrepancies: now.fact.discrepancies as unknown as Prisma.InputJsonValue,
      disputedBy: (now.fact.disputedBy ?? []) as unknown as Prisma.InputJsonValue,
      version: now.fact.version,
      updatedById: actorId,
    };
    await tx.revisionFact.upsert({ where: { revisionId_factId: { revisionId, factId } }, create: { revisionId, factId, ...data }, update: data });
    if (contentChanged) {
      await tx.factSource.deleteMany({ where: { revisionId, factId } });
      await tx.factSource.createMany({ data: uniqueSources(now.fact).map((source) => ({ revisionId, factId, ...source })) });
    }
  }
}

function indexFacts(doc: StoryDocument) {
  const facts = new Map<string, { fact: StoryFact; paragraphId: string; index: number }>();
  for (const paragraph of doc.paragraphs) paragraph.facts.forEach((fact, index) => facts.set(fact.id, { fact, paragraphId: paragraph.id, index }));
  return facts;
}

function uniqueSources(fact: StoryFact) {
  const seen = new Set<string>();
  return fact.sources.filter((source) => {
    const key = `${source.wireStoryId}:${source.start}:${source.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
