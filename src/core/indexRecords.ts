// What the workspace index keeps of every sidecar: its actors, where their mentions are and how many claims it has, in a few hundred bytes rather than the decoded annotations.

import type { Annotations } from './model';

/** An article's actor as the index keeps it: its names and how many of its mentions are placed. */
export interface IndexedActor {
  id: string;
  name: string;
  type: string;
  wikidata?: string;
  aliases?: readonly string[];
  /** The actor's placed mentions are places[from * 4 …] to places[(from + count) * 4]. */
  from: number;
  count: number;
}

/** One sidecar's record in the index. */
export interface ArticleRecord {
  /** The article's URI (or path), as the caller names it. */
  article: string;
  actors: IndexedActor[];
  /**
   * Four numbers per mention found in the article, actor after actor: start line, start
   * character, end line, end character, as the editor counts them (UTF-16), so a location
   * needs neither the article's text nor the mention's anchor kept.
   */
  places: Int32Array;
  claims: number;
}

/** The record of an article's annotations; without its text, no mention is placed. */
export function recordOf(article: string, annotations: Annotations, text: string | undefined): ArticleRecord {
  const lineStarts = text === undefined ? undefined : lineStartsOf(text);
  const places: number[] = [];
  const actors = annotations.actors.map((actor): IndexedActor => {
    const from = places.length / 4;
    for (const mention of lineStarts ? actor.mentions : []) {
      if (!mention.orphaned) {
        places.push(...placeOf(lineStarts!, mention.start), ...placeOf(lineStarts!, mention.end));
      }
    }
    const indexed: IndexedActor = { id: actor.id, name: actor.name, type: actor.type, from, count: places.length / 4 - from };
    if (actor.wikidata) {
      indexed.wikidata = actor.wikidata;
    }
    if (actor.aliases?.length) {
      indexed.aliases = actor.aliases;
    }
    return indexed;
  });
  return { article, actors, places: Int32Array.from(places), claims: annotations.claims.length };
}

/** Line and character of each placed mention of an actor, in the order the sidecar lists them. */
export function placesOf(record: ArticleRecord, actor: IndexedActor): { start: [number, number]; end: [number, number] }[] {
  const out: { start: [number, number]; end: [number, number] }[] = [];
  for (let i = actor.from * 4; i < (actor.from + actor.count) * 4; i += 4) {
    const p = record.places;
    out.push({ start: [p[i], p[i + 1]], end: [p[i + 2], p[i + 3]] });
  }
  return out;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

function placeOf(lineStarts: readonly number[], offset: number): [number, number] {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return [lo, offset - lineStarts[lo]];
}

/** An actor as the cache stores it: id, name, type, Wikidata id or 0, aliases or 0, placed mentions. */
type ActorTuple = [string, string, string, string | 0, readonly string[] | 0, number];
/** A record as the cache stores it: arrays rather than objects, a tenth of the size in JSON. */
export type RecordTuple = [string, number, ActorTuple[], number[]];

export function recordToTuple(record: ArticleRecord): RecordTuple {
  return [record.article, record.claims, record.actors.map((a) => [a.id, a.name, a.type, a.wikidata ?? 0, a.aliases ?? 0, a.count]), Array.from(record.places)];
}

/** The record a tuple holds; undefined for anything else, so a damaged cache is read as missing. */
export function recordFromTuple(tuple: unknown, intern: (s: string) => string = (s) => s): ArticleRecord | undefined {
  if (!Array.isArray(tuple) || tuple.length !== 4) {
    return undefined;
  }
  const [article, claims, actors, places] = tuple as unknown[];
  if (typeof article !== 'string' || typeof claims !== 'number' || !Array.isArray(actors) || !Array.isArray(places) || places.length % 4) {
    return undefined;
  }
  const out: IndexedActor[] = [];
  let from = 0;
  for (const a of actors as unknown[]) {
    const actor = actorFromTuple(a, from, intern);
    if (!actor) {
      return undefined;
    }
    out.push(actor);
    from += actor.count;
  }
  if (from * 4 !== places.length || !places.every((n) => Number.isInteger(n))) {
    return undefined;
  }
  return { article, actors: out, places: Int32Array.from(places as number[]), claims };
}

function actorFromTuple(tuple: unknown, from: number, intern: (s: string) => string): IndexedActor | undefined {
  if (!Array.isArray(tuple) || tuple.length !== 6) {
    return undefined;
  }
  const [id, name, type, wikidata, aliases, count] = tuple as unknown[];
  const aliasesOk = aliases === 0 || (Array.isArray(aliases) && aliases.every((s) => typeof s === 'string'));
  if (typeof id !== 'string' || typeof name !== 'string' || typeof type !== 'string' || !(wikidata === 0 || typeof wikidata === 'string') || !aliasesOk || !Number.isInteger(count) || (count as number) < 0) {
    return undefined;
  }
  const actor: IndexedActor = { id, name: intern(name), type: intern(type), from, count: count as number };
  if (wikidata) {
    actor.wikidata = intern(wikidata);
  }
  if (aliases) {
    actor.aliases = (aliases as string[]).map(intern);
  }
  return actor;
}
