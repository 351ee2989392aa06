// Who made an annotation and when, and who last reviewed a claim: the stamps, their format, and how they read.

import type { Anchor, Claim, Mention, Provenance } from './model';

/** The time now; injected so that the core stays pure and tests run on a fake clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** What one change is stamped with: the annotator, when known, and the time. */
export interface Stamp {
  by?: string;
  at: string;
}

/**
 * An ISO 8601 time in UTC ending in "Z", to the second or finer, as the sidecar stores `at`
 * and `reviewedAt` and as W3C's `created` and schema.org's dates take them.
 */
export const UTC_TIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

/** A time as the sidecar writes it: UTC, to the second (milliseconds would only make diffs noisier). */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A time as milliseconds, to order two of them (text order fails on fractions of a second); unknown counts as earliest. */
export function timeOf(at: string | undefined): number {
  const ms = at === undefined ? NaN : Date.parse(at);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** The stamp for a change made now by `by`; a blank name is no name. */
export function stampOf(by: string | undefined, clock: Clock = systemClock): Stamp {
  const name = cleanAnnotator(by);
  return name ? { by: name, at: timestamp(clock()) } : { at: timestamp(clock()) };
}

/** An annotator's name on one line, without surrounding blanks; undefined when nothing is left. */
export function cleanAnnotator(name: string | undefined): string | undefined {
  const clean = name?.replace(/\s+/g, ' ').trim();
  return clean || undefined;
}

/** Puts a stamp on a new actor or claim; without one, nothing is recorded rather than something made up. */
export function stamped<T extends Provenance>(target: T, stamp: Stamp | undefined): T {
  if (stamp) {
    setOrDelete(target, 'by', stamp.by);
    target.at = stamp.at;
  }
  return target;
}

/** A new mention: its anchor with who marked it, `by` and `at` after the anchor's own keys. */
export function stampedMention(anchor: Anchor, stamp: Stamp | undefined): Mention {
  return stamped({ ...anchor } as Mention, stamp);
}

/**
 * Records who changed a claim's status or verdict, and when. Without a name the previous
 * reviewer is dropped, since they no longer made the review as it stands.
 */
export function markReviewed(claim: Claim, stamp: Stamp | undefined): void {
  if (!stamp) {
    return;
  }
  setOrDelete(claim, 'reviewedBy', stamp.by);
  claim.reviewedAt = stamp.at;
}

/** The provenance `source` carries, copied onto `target` (a mention read back from the sidecar). */
export function carryProvenance<T extends object>(target: T, source: Provenance): T & Provenance {
  const out = target as T & Provenance;
  if (source.by !== undefined) {
    out.by = source.by;
  }
  if (source.at !== undefined) {
    out.at = source.at;
  }
  return out;
}

/** Every key that says who or when, on an actor, a claim or a mention. */
export const PROVENANCE_KEYS = ['by', 'at', 'reviewedBy', 'reviewedAt'] as const;

/** A copy without who and when, at any depth: what the annotation says, to compare two annotators' versions of it. */
export function withoutProvenance<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(withoutProvenance) as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (!(PROVENANCE_KEYS as readonly string[]).includes(key)) {
        out[key] = withoutProvenance(child);
      }
    }
    return out as T;
  }
  return value;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A time as a day a reader recognises ("3 Dec 2026"), in UTC or in the local time zone (the
 * editor's, where the fact-checker works); undefined for a time that cannot be read.
 */
export function shortDate(at: string | undefined, zone: 'utc' | 'local' = 'utc'): string | undefined {
  if (at === undefined || !UTC_TIME.test(at)) {
    return undefined;
  }
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) {
    return undefined;
  }
  return zone === 'utc'
    ? `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
    : `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** "marked by Ana Petrosyan, 3 Dec 2026", "marked 3 Dec 2026", or undefined when nothing is known. Plain text: escape it for Markdown. */
export function madeBy(verb: string, by: string | undefined, at: string | undefined, zone: 'utc' | 'local' = 'utc'): string | undefined {
  const day = shortDate(at, zone);
  const name = cleanAnnotator(by);
  if (!name && !day) {
    return undefined;
  }
  return [verb, name ? `by ${name}` : undefined].filter(Boolean).join(' ') + (day ? `${name ? ',' : ''} ${day}` : '');
}

/** Who marked a claim and who last reviewed it, as one line: "marked by Ana, 1 Dec 2026 · verdict by Ben, 3 Dec 2026". */
export function claimProvenance(claim: Claim, zone: 'utc' | 'local' = 'utc'): string | undefined {
  const parts = [madeBy('marked', claim.by, claim.at, zone), madeBy(claim.verdict !== undefined ? 'verdict' : 'status set', claim.reviewedBy, claim.reviewedAt, zone)].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

function setOrDelete<T extends object>(target: T, key: string, value: string | undefined): void {
  const record = target as Record<string, unknown>;
  if (value === undefined) {
    delete record[key];
  } else {
    record[key] = value;
  }
}
