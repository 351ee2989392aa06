// The text-bound records kept in the sidecar, paired with today's anchors and placed where those anchors are now.

import type { Actor, Anchor, Annotations } from '../model';
import { type OffsetCounting, type OffsetSpace, offsetSpace } from '../offsets';
import { actorTypeOf, bratTypeName } from './names';
import { type BratMapping, DEFAULT_BRAT_MAPPING, type Fragment } from './types';

/** A text-bound line as kept in `extra.brat.lines`: "T8 Claim 383 397;416 458". */
export interface SpanRecord {
  id: string;
  type: string;
  fragments: Fragment[];
  /** The covering span, where the anchor was made. */
  at: Fragment;
}

/**
 * Where each anchor's brat fragments are now, in UTF-16 offsets: several for a discontinuous
 * mention whose text is unchanged, else the anchor's own span. W3C export uses it too, so
 * both formats agree on what a mention covers.
 */
export function bratFragments(annotations: Annotations, text: string, mapping: Partial<BratMapping> = {}): Map<Anchor, [number, number][]> {
  const space = offsetSpace(text, countingOf(annotations));
  const matched = matchRecords(annotations, space, { ...DEFAULT_BRAT_MAPPING, ...mapping });
  const result = new Map<Anchor, [number, number][]>();
  for (const anchor of [...annotations.actors.flatMap((a) => a.mentions), ...annotations.claims.map((c) => c.anchor)]) {
    const record = matched.get(anchor);
    result.set(anchor, (record && placeFragments(anchor, record, text, space)) ?? [[anchor.start, anchor.end]]);
  }
  return result;
}

export function bratOf(owner: { extra?: Record<string, unknown> }): Record<string, unknown> | undefined {
  const brat = owner.extra?.brat;
  return brat && typeof brat === 'object' && !Array.isArray(brat) ? (brat as Record<string, unknown>) : undefined;
}

export function countingOf(annotations: Annotations): OffsetCounting {
  const brat = (annotations.extra?.brat ?? {}) as { offsets?: unknown };
  return brat.offsets === 'crlf-as-one' ? 'crlf-as-one' : 'code-points';
}

/** The text-bound records kept in the sidecar, by id. */
function readRecords(annotations: Annotations): Map<string, SpanRecord> {
  const lines = (annotations.extra?.brat as { lines?: unknown } | undefined)?.lines;
  const records = new Map<string, SpanRecord>();
  for (const line of Array.isArray(lines) ? lines : []) {
    const m = typeof line === 'string' ? /^(\S+) (\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(line) : null;
    if (m) {
      const fragments = m[3].split(';').map((f) => f.split(' ').map(Number) as Fragment);
      records.set(m[1], { id: m[1], type: m[2], fragments, at: cover(fragments) });
    }
  }
  return records;
}

/**
 * Pairs the kept text-bound records with today's anchors. A claim names its record. A mention
 * still where the .ann put it keeps its record, whichever actor holds it now (actors may have
 * been merged or split since). After edits elsewhere, records pair in reading order with
 * mentions of the same length and a matching type (an edit before a mention moves it but keeps
 * its length); then with mentions edited inside, when exactly as many of each are left.
 * Anchors left over are new and get new ids.
 */
export function matchRecords(annotations: Annotations, space: OffsetSpace, mapping: BratMapping): Map<Anchor, SpanRecord> {
  const records = readRecords(annotations);
  const result = new Map<Anchor, SpanRecord>();
  for (const claim of annotations.claims) {
    const record = records.get(String(bratOf(claim)?.span));
    if (record && !claim.anchor.orphaned) {
      result.set(claim.anchor, record);
      records.delete(record.id);
    }
  }
  const mentions = annotations.actors
    .flatMap((actor) => actor.mentions.filter((m) => !m.orphaned).map((m) => ({ m, actor, at: [space.fromUtf16(m.start), space.fromUtf16(m.end)] as const })))
    .sort((x, y) => x.m.start - y.m.start);
  const byPlace = new Map<string, typeof mentions>();
  for (const x of mentions) {
    const key = x.at.join(' ');
    byPlace.set(key, [...(byPlace.get(key) ?? []), x]);
  }
  const left: SpanRecord[] = [];
  const fits = (record: SpanRecord, x: (typeof mentions)[number]) => !result.has(x.m) && actorTypeOf(record.type, mapping) === x.actor.type;
  for (const record of [...records.values()].sort((x, y) => x.at[0] - y.at[0])) {
    // Two annotations on one span (a trigger both Catalysis and Ubiquitination) each keep their own type.
    const here = byPlace.get(record.at.join(' ')) ?? [];
    const [x] = here.splice(Math.max(0, here.findIndex((m) => fits(record, m))), 1);
    if (x) {
      result.set(x.m, record);
    } else {
      left.push(record);
    }
  }
  let from = 0;
  const unpaired: SpanRecord[] = [];
  for (const record of left) {
    const k = mentions.findIndex((x, j) => j >= from && fits(record, x) && x.at[1]! - x.at[0]! === record.at[1] - record.at[0]);
    if (k >= 0) {
      result.set(mentions[k].m, record);
      // Mentions that start at the same place may pair in either order.
      from = mentions.findIndex((x) => x.m.start === mentions[k].m.start);
    } else {
      unpaired.push(record);
    }
  }
  const rest = mentions.filter((x) => !result.has(x.m));
  if (unpaired.length === rest.length && unpaired.every((r, j) => fits(r, rest[j]))) {
    rest.forEach((x, j) => result.set(x.m, unpaired[j]));
  }
  return result;
}

/** The brat type for an actor's new mentions: the type its other mentions had, else the mapping's. */
export function bratTypeFor(actor: Actor, matched: Map<Anchor, SpanRecord>, mapping: BratMapping): string {
  for (const m of actor.mentions) {
    const type = matched.get(m)?.type;
    if (type !== undefined && actorTypeOf(type, mapping) === actor.type) {
      return type;
    }
  }
  return Object.entries(mapping.actorTypes).find(([, v]) => v === actor.type)?.[0] ?? bratTypeName(actor.type);
}

/**
 * The record's fragments moved to where the anchor is now, in UTF-16 offsets; undefined when
 * the text inside the anchor changed (the fragments no longer fit).
 */
export function placeFragments(anchor: Anchor, record: SpanRecord, text: string, space: OffsetSpace): [number, number][] | undefined {
  if (anchor.orphaned || text.slice(anchor.start, anchor.end) !== anchor.quote) {
    return undefined;
  }
  const [start, end] = record.at;
  const at = space.fromUtf16(anchor.start);
  const until = space.fromUtf16(anchor.end);
  if (at === undefined || until === undefined || until - at !== end - start) {
    return undefined;
  }
  const placed: [number, number][] = [];
  for (const [s, e] of record.fragments) {
    const x = space.toUtf16(s - start + at);
    const y = space.toUtf16(e - start + at);
    if (x === undefined || y === undefined) {
      return undefined;
    }
    placed.push([x, y]);
  }
  return placed;
}

export function cover(fragments: readonly Fragment[]): Fragment {
  return [Math.min(...fragments.map((f) => f[0])), Math.max(...fragments.map((f) => f[1]))];
}
