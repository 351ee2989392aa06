// What the workspace index keeps of every sidecar: its actors, where their mentions are and how many claims it has, in a few hundred bytes rather than the decoded annotations.

import type { Annotations, Claim } from './model';

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
  /**
   * How many of its placed claims each group of the Assertions view holds (see
   * claimGroupOf), so the workspace's groups are counted without decoding any sidecar.
   */
  claimGroups: Readonly<Record<string, number>>;
  /** Mentions and claims whose text was not found in the article: the views' Orphaned rows. */
  orphanedMentions: number;
  orphanedClaims: number;
}

/** The Assertions view's group of a claim: its status, or for a checked one its verdict ("checked:" alone without one). */
export function claimGroupOf(claim: Pick<Claim, 'status' | 'verdict'>): string {
  return claim.status === 'checked' ? `checked:${claim.verdict ?? ''}` : claim.status;
}

/** The record of an article's annotations; without its text, no mention is placed. */
export function recordOf(article: string, annotations: Annotations, text: string | undefined): ArticleRecord {
  const lineStarts = text === undefined ? undefined : lineStartsOf(text);
  // Four numbers for each mention at most, written where they go rather than gathered in arrays.
  const places = new Int32Array(lineStarts ? annotations.actors.reduce((n, actor) => n + actor.mentions.length, 0) * 4 : 0);
  let placed = 0;
  let orphanedMentions = 0;
  const actors = annotations.actors.map((actor): IndexedActor => {
    const from = placed / 4;
    for (const mention of actor.mentions) {
      if (mention.orphaned) {
        orphanedMentions++;
      } else if (lineStarts) {
        placed = placeAt(places, placeAt(places, placed, lineStarts, mention.start), lineStarts, mention.end);
      }
    }
    const indexed: IndexedActor = { id: actor.id, name: actor.name, type: actor.type, from, count: placed / 4 - from };
    if (actor.wikidata) {
      indexed.wikidata = actor.wikidata;
    }
    if (actor.aliases?.length) {
      indexed.aliases = actor.aliases;
    }
    return indexed;
  });
  const claimGroups: Record<string, number> = {};
  let orphanedClaims = 0;
  for (const claim of annotations.claims) {
    if (claim.anchor.orphaned) {
      orphanedClaims++;
    } else {
      const group = claimGroupOf(claim);
      claimGroups[group] = (claimGroups[group] ?? 0) + 1;
    }
  }
  return { article, actors, places: placed === places.length ? places : places.slice(0, placed), claims: annotations.claims.length, claimGroups, orphanedMentions, orphanedClaims };
}

/**
 * Whether two records say the same: a sidecar read again because its stamp could not be
 * trusted (written moments before) gives a new record, which is no change to show.
 */
export function sameRecord(a: ArticleRecord | undefined, b: ArticleRecord | undefined): boolean {
  if (a === b) {
    return true;
  }
  if (!a || !b || a.article !== b.article || a.claims !== b.claims || a.orphanedMentions !== b.orphanedMentions || a.orphanedClaims !== b.orphanedClaims) {
    return false;
  }
  const groups = Object.keys(a.claimGroups);
  if (groups.length !== Object.keys(b.claimGroups).length || groups.some((g) => a.claimGroups[g] !== b.claimGroups[g])) {
    return false;
  }
  if (a.places.length !== b.places.length || a.places.some((p, i) => p !== b.places[i]) || a.actors.length !== b.actors.length) {
    return false;
  }
  return a.actors.every((x, i) => {
    const y = b.actors[i];
    const aliases = x.aliases ?? [];
    const other = y.aliases ?? [];
    return x.id === y.id && x.name === y.name && x.type === y.type && x.wikidata === y.wikidata && x.from === y.from && x.count === y.count && aliases.length === other.length && aliases.every((alias, k) => alias === other[k]);
  });
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

/** Writes the line and character of an offset at places[at …], returning where the next number goes. */
function placeAt(places: Int32Array, at: number, lineStarts: readonly number[], offset: number): number {
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
  places[at] = lo;
  places[at + 1] = offset - lineStarts[lo];
  return at + 2;
}

/**
 * A record as the cache stores it: the article, the claims, each actor as numbers into a
 * table of strings shared by the whole cache (id, name, type, Wikidata id or -1, the number
 * of aliases and each alias, placed mentions), the places as base64 of their bytes, the claim
 * groups as pairs of a string's number and a count, and the orphaned mentions and claims.
 * Names recur across thousands of records and places are most of a record: this reads
 * several times faster than the same record as JSON objects.
 */
export type RecordTuple = [string, number, number[], string, number[], number, number];

/** Numbers for strings, one each, while a cache is written. */
export function stringTable(): { of: (s: string) => number; strings: string[] } {
  const numbers = new Map<string, number>();
  const strings: string[] = [];
  return {
    strings,
    of: (s) => {
      let n = numbers.get(s);
      if (n === undefined) {
        n = strings.push(s) - 1;
        numbers.set(s, n);
      }
      return n;
    },
  };
}

export function recordToTuple(record: ArticleRecord, of: (s: string) => number): RecordTuple {
  const actors: number[] = [];
  for (const a of record.actors) {
    actors.push(of(a.id), of(a.name), of(a.type), a.wikidata ? of(a.wikidata) : -1, a.aliases?.length ?? 0, ...(a.aliases ?? []).map(of), a.count);
  }
  const places = Buffer.from(record.places.buffer, record.places.byteOffset, record.places.byteLength).toString('base64');
  const groups = Object.entries(record.claimGroups).flatMap(([group, count]) => [of(group), count]);
  return [record.article, record.claims, actors, places, groups, record.orphanedMentions, record.orphanedClaims];
}

/** The record a tuple holds; undefined for anything else, so a damaged cache is read as missing. */
export function recordFromTuple(tuple: unknown, strings: readonly string[]): ArticleRecord | undefined {
  if (!Array.isArray(tuple) || tuple.length !== 7) {
    return undefined;
  }
  const [article, claims, flat, packed, groups, orphanedMentions, orphanedClaims] = tuple as unknown[];
  if (typeof article !== 'string' || !isCount(claims) || !Array.isArray(flat) || typeof packed !== 'string' || !isCount(orphanedMentions) || !isCount(orphanedClaims)) {
    return undefined;
  }
  const actors = actorsFrom(flat as unknown[], strings);
  const claimGroups = groupsFrom(groups, strings);
  const bytes = Buffer.from(packed, 'base64');
  if (!actors || !claimGroups || bytes.length % 16) {
    return undefined;
  }
  const places = new Int32Array(bytes.length / 4);
  Buffer.from(places.buffer).set(bytes);
  return places.length / 4 === actors.reduce((n, a) => n + a.count, 0) ? { article, actors, places, claims, claimGroups, orphanedMentions, orphanedClaims } : undefined;
}

function isCount(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 0;
}

function groupsFrom(flat: unknown, strings: readonly string[]): Record<string, number> | undefined {
  if (!Array.isArray(flat) || flat.length % 2) {
    return undefined;
  }
  const groups: Record<string, number> = {};
  for (let i = 0; i < flat.length; i += 2) {
    const [key, count] = [flat[i] as unknown, flat[i + 1] as unknown];
    if (!isCount(key) || key >= strings.length || !isCount(count)) {
      return undefined;
    }
    groups[strings[key]] = count;
  }
  return groups;
}

function actorsFrom(flat: readonly unknown[], strings: readonly string[]): IndexedActor[] | undefined {
  const str = (n: unknown) => (Number.isInteger(n) && (n as number) >= 0 && (n as number) < strings.length ? strings[n as number] : undefined);
  const actors: IndexedActor[] = [];
  let from = 0;
  for (let i = 0; i < flat.length; ) {
    const [id, name, type] = [str(flat[i]), str(flat[i + 1]), str(flat[i + 2])];
    const wikidata = flat[i + 3] === -1 ? undefined : str(flat[i + 3]);
    const aliasCount = flat[i + 4];
    if (id === undefined || name === undefined || type === undefined || (flat[i + 3] !== -1 && wikidata === undefined) || !Number.isInteger(aliasCount) || (aliasCount as number) < 0) {
      return undefined;
    }
    const aliases = flat.slice(i + 5, i + 5 + (aliasCount as number)).map(str);
    const count = flat[i + 5 + (aliasCount as number)];
    if (aliases.includes(undefined) || aliases.length !== aliasCount || !Number.isInteger(count) || (count as number) < 0) {
      return undefined;
    }
    const actor: IndexedActor = { id, name, type, from, count: count as number };
    if (wikidata !== undefined) {
      actor.wikidata = wikidata;
    }
    if (aliases.length) {
      actor.aliases = aliases as string[];
    }
    actors.push(actor);
    from += count as number;
    i += 6 + (aliasCount as number);
  }
  return actors;
}
