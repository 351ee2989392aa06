// A news article rewritten from kept stretches of its old text and typed text, with the map that says where each kept word went.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reattachAll, type ReattachOptions, type Reattachment } from '../../../../src/core/anchoring';
import { anchorAt, type Anchor } from '../../../../src/core/model';

export const CSTO = readFileSync(join(__dirname, '../../../../../test/fixtures/anchoring/csto-exercise.txt'), 'utf8');

/** A stretch [from, to) of the old text kept, or text typed in. */
export type Stretch = readonly [number, number] | string;

export interface Rewrite {
  text: string;
  /** Where old text[start, end) is now, if one kept stretch holds all of it. */
  whereIs(start: number, end: number): number | undefined;
}

export function rewrite(old: string, stretches: readonly Stretch[]): Rewrite {
  const parts: string[] = [];
  const kept: { from: number; to: number; now: number }[] = [];
  let length = 0;
  for (const s of stretches) {
    const part = typeof s === 'string' ? s : old.slice(s[0], s[1]);
    if (typeof s !== 'string') {
      kept.push({ from: s[0], to: s[1], now: length });
    }
    parts.push(part);
    length += part.length;
  }
  return {
    text: parts.join(''),
    whereIs: (start, end) => {
      const k = kept.find((s) => start >= s.from && end <= s.to);
      return k === undefined ? undefined : k.now + (start - k.from);
    },
  };
}

/** The article's lines, each [from, to) with its line break. */
export function linesOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (from < text.length) {
    const br = text.indexOf('\n', from);
    const to = br === -1 ? text.length : br + 1;
    out.push([from, to]);
    from = to;
  }
  return out;
}

/** An anchor on every occurrence of each quote, by old offset. */
export function markAll(text: string, quotes: readonly string[]): Anchor[] {
  const out: Anchor[] = [];
  for (const q of quotes) {
    for (let at = text.indexOf(q); at !== -1; at = text.indexOf(q, at + 1)) {
      out.push(anchorAt(text, at, at + q.length));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Offset of `needle` in `text`, which must hold it. */
export function offsetOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `no ${JSON.stringify(needle)} in the text`);
  return at;
}

/**
 * Re-attaches `anchors` to the rewritten text and checks every one against `expected`: a start
 * (the quote's length on from there, or `[start, end]` for changed wording), or undefined for
 * an orphan. Returns the results.
 */
export function expectPlaces(
  rewritten: Rewrite,
  anchors: readonly Anchor[],
  expected: (a: Anchor) => number | readonly [number, number] | undefined,
  options: ReattachOptions = {},
): Reattachment[] {
  const results = reattachAll(rewritten.text, anchors, options);
  assert.equal(results.length, anchors.length);
  const wrong: string[] = [];
  results.forEach((r, i) => {
    const a = anchors[i];
    const want = expected(a);
    const span = want === undefined ? undefined : typeof want === 'number' ? [want, want + a.quote.length] : [...want];
    const got = r.anchor.orphaned ? undefined : [r.anchor.start, r.anchor.end];
    if (JSON.stringify(got) !== JSON.stringify(span)) {
      wrong.push(`${JSON.stringify(a.quote)} at ${a.start}: expected ${JSON.stringify(span)}, got ${JSON.stringify(got)} (${r.method}${r.reason ? `, ${r.reason}` : ''})`);
    }
  });
  assert.deepEqual(wrong, []);
  return results;
}

/**
 * A live blog of `entries` timestamped entries around a summit, each of its own wording (a
 * fixed pseudo-random choice of who did what where, with figures): long articles are mostly
 * text like this, one of a kind stretch by stretch.
 */
export function liveBlog(entries: number, seed = 11): string {
  const who = ['The foreign minister', 'A border guard', 'The envoy from Astana', 'Protesters in Osh', 'The delegation', 'An analyst in Almaty', 'The defence ministry', 'A spokeswoman', 'Monitors', 'The opposition leader', 'Farmers near Naryn', 'The central bank'];
  const did = ['announced', 'disputed', 'welcomed', 'postponed', 'questioned', 'confirmed', 'rejected', 'reported', 'praised', 'criticised', 'estimated', 'described'];
  const what = ['the new tariff', 'a convoy of trucks', 'the grain deal', 'a ceasefire line', 'the water quota', 'an airfield upgrade', 'the rail corridor', 'fuel prices', 'the treaty draft', 'a prisoner swap', 'the pipeline route', 'troop rotations'];
  let state = seed;
  const pick = <T>(list: readonly T[]): T => {
    state = (state * 48271) % 2147483647;
    return list[state % list.length];
  };
  const out: string[] = [];
  for (let n = 0; n < entries; n++) {
    const time = `${String(6 + Math.floor(n / 60) % 18).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
    const figure = 100 + ((n * 7919) % 9000);
    out.push(`${time} — ${pick(who)} ${pick(did)} ${pick(what)}, citing ${figure} cases; ${pick(who).toLowerCase()} ${pick(did)} ${pick(what)} by ${n % 29 + 2} percent.\n`);
  }
  return out.join('');
}
