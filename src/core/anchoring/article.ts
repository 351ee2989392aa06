// The article as one re-attachment run sees it: the text, its index, and the search for one anchor in four steps.

import type { Anchor } from '../model';
import type { Witnesses } from './alignment';
import { CR, LF, onBoundary } from './boundaries';
import { type Candidate, type Expected, measure, mergeByStart, mergeOverlapping } from './candidate';
import { decide, type FarCheck, settle } from './decisions';
import { type Form, formOf, needlesOf, variantsOf } from './forms';
import { approximateIn, refine, type Span, windowsAround } from './fuzzy';
import { GramIndex, INDEXED_NEEDLE } from './ngram';
import { attach, hintOf, type ReattachOptions, type Reattachment } from './results';
import {
  BOILERPLATE_RISK,
  DEFAULT_WINDOW,
  FIRST_PASS_SPAN,
  FUZZY_MIN_QUOTE,
  HINT_SLACK,
  INDEX_MIN_TEXT,
  LONG_QUOTE,
  maxErrors,
  MIN_AGREEMENT,
  MIN_FUZZY_AGREEMENT,
  MOSTLY_GONE,
  MOVED_RISK,
  NEAR_RISK,
  NEAR_SPAN_MIN,
  PHRASE,
  PINPOINT,
  SEED_HITS,
  SIDE,
} from './thresholds';

/** Per-text state shared by all anchors of one re-attachment run. */
export class Article {
  readonly window: number;
  private index: GramIndex | undefined;
  private readonly forms = new Map<Anchor, Form[]>();
  private readonly varied = new Set<Anchor>();
  private readonly counts = new Map<string, number>();
  /** The share of anchors found in reattachAll's first pass (1 when re-attaching one anchor alone). */
  survival = 1;

  constructor(
    readonly text: string,
    options: ReattachOptions,
  ) {
    this.window = Math.max(64, options.window ?? DEFAULT_WINDOW);
  }

  /**
   * Finds `anchor` near `centers` (where it is expected to start now). Without `witnesses`
   * (`null`), searches everywhere on its own; with `undefined`, answers only when the place is
   * certain from a local look.
   */
  locate(anchor: Anchor, centers: Expected[], witnesses: Witnesses | null | undefined): Reattachment | undefined {
    const forms = this.formsOf(anchor, witnesses !== undefined);
    const found = this.atOldPosition(anchor, forms[0], centers, witnesses);
    if (found) {
      return found;
    }
    return witnesses === undefined ? this.certainNear(anchor, forms, centers) : this.search(anchor, forms, centers, witnesses);
  }

  /**
   * Step 1. Still where it was: same offset, enough agreement, and consistent with how the text
   * around it moved.
   */
  private atOldPosition(anchor: Anchor, stored: Form, centers: Expected[], witnesses: Witnesses | null | undefined): Reattachment | undefined {
    const text = this.text;
    const quote = stored.quote;
    const hint = hintOf(anchor);
    if (!(hint >= 0 && hint <= text.length && text.startsWith(quote, hint) && onBoundary(text, hint) && onBoundary(text, hint + quote.length))) {
      return undefined;
    }
    // Neighbours that moved say whether "the same offset" is still the same place.
    const c = measure(text, stored, hint, hint + quote.length, 0, centers);
    if (c.full && c.near) {
      return attach(anchor, c, 'position');
    }
    // Less than the whole context at the old offset can be a coincidence (other text slid
    // into place): only with a thorough look, and not where the placed anchors say the text
    // there came from elsewhere.
    const verdict = witnesses ? witnesses.judge(c.start, c.end) : 'unknown';
    if (witnesses !== undefined && verdict !== 'other' && (c.near || verdict === 'same')) {
      if (c.agreement >= MIN_AGREEMENT && this.nearby({ ...c, nearSpan: Math.min(c.nearSpan, 2 * HINT_SLACK) })) {
        return attach(anchor, c, 'position');
      }
      // Stored without context (prefix and suffix are optional in the sidecar), an anchor has
      // nothing but its place to tell it from a copy of its quote: exactly at its old offsets,
      // where the anchors placed around it say the text did not move, it is taken. Anywhere
      // else a bare copy is no evidence; only a quote long and rare enough to stand alone is
      // taken there (in the search that follows).
      if (stored.prefix === '' && stored.suffix === '' && quote.length > 0 && anchor.start === hint && anchor.end === hint + quote.length && unmoved(hint, centers)) {
        return attach(anchor, c, 'position');
      }
    }
    return undefined;
  }

  /**
   * Step 2, the first pass's only other look. The quote with its whole context close to where
   * it is expected, and nowhere else near: certain without looking further.
   */
  private certainNear(anchor: Anchor, forms: Form[], centers: Expected[]): Reattachment | undefined {
    const text = this.text;
    const stored = forms[0];
    const quote = stored.quote;
    const hint = hintOf(anchor);
    // Most anchors moved exactly as the one before them: look there first.
    for (const c of centers) {
      if (c.at !== hint && text.startsWith(quote, c.at)) {
        const at = measure(text, stored, c.at, c.at + quote.length, 0, centers);
        if (at.full && onBoundary(text, c.at) && onBoundary(text, c.at + quote.length)) {
          return attach(anchor, at, 'exact');
        }
      }
    }
    for (const form of forms) {
      const full = this.exactNear(form, centers).filter((c) => c.full);
      // Only close to where the neighbour put it: further off, across a moved paragraph, a
      // copy of boilerplate may sit there; the second pass weighs that.
      if (full.length === 1 && full[0].near && full[0].nearSpan <= FIRST_PASS_SPAN) {
        return attach(anchor, full[0], 'exact');
      }
    }
    return undefined;
  }

  /**
   * Steps 3 and 4. The quote told apart by context, then by nearness: first near where it is
   * expected, against every copy of its whole neighbourhood (rare, and cheap to look up); then,
   * if that settles nothing, anywhere (short quotes with part of their context are common).
   * Last, an approximate match: the wording changed.
   */
  private search(anchor: Anchor, forms: Form[], centers: Expected[], witnesses: Witnesses | null): Reattachment | undefined {
    const text = this.text;
    const stored = forms[0];
    const far = this.farCheck(witnesses);
    const nearby = (c: Candidate) => this.nearby(c);
    // What the placed anchors prove to be another occurrence is no candidate, not even a rival.
    const assess = (candidates: Candidate[]) => (witnesses ? candidates.filter((c) => witnesses.judge(c.start, c.end) !== 'other') : candidates);
    const excluded = witnesses ? (start: number, end: number) => witnesses.judge(start, end) === 'other' : undefined;
    const exact = () => 'exact' as const;

    for (const form of forms) {
      const nearAndWhole = assess(mergeByStart([...this.exactNear(form, centers), ...this.wholeEverywhere(form, centers, excluded)]));
      const found = settle(text, anchor, decide(nearAndWhole, MIN_AGREEMENT, far, nearby), exact);
      if (found) {
        return found;
      }
    }
    let exactPool: Candidate[] = [];
    for (const form of forms) {
      const all = this.exactEverywhere(form, centers, excluded);
      if (form === stored) {
        exactPool = all;
      }
      const found = settle(text, anchor, decide(all, MIN_AGREEMENT, far, nearby), exact);
      if (found) {
        return found;
      }
    }

    if (stored.quote.length >= FUZZY_MIN_QUOTE) {
      const method = (c: Candidate) => (c.errors === 0 && text.slice(c.start, c.end) === stored.quote ? 'exact' : 'fuzzy');
      for (const form of forms) {
        const candidates = assess(this.fuzzy(form, centers, form === stored ? exactPool : [], witnesses));
        const found = settle(text, anchor, decide(candidates, MIN_FUZZY_AGREEMENT, far, nearby), method);
        if (found) {
          return found;
        }
      }
    }
    return undefined;
  }

  /**
   * Far from where the passage should be, a place is either where the text moved or another
   * passage built the same way. Take it when a neighbouring anchor moved by the same amount;
   * or when the article's own phrasing makes a copy of what agrees there implausible, in the
   * text put in since (where the passage would have moved) or, with nothing placed around to
   * tell, anywhere. An approximate match far away is a look-alike sentence unless a
   * neighbour vouches for it.
   */
  private farCheck(witnesses: Witnesses | null): FarCheck {
    const judged = new Map<string, boolean>();
    const farOk = (c: Candidate) => {
      // Where a neighbour that moved by the same amount puts it, it is as good as near: the near
      // rules apply, look-alikes included, over the window the neighbour allows.
      const vouched = witnesses?.confirm(c.start);
      if (vouched !== undefined) {
        return this.nearby({ ...c, near: true, nearSpan: 2 * vouched });
      }
      if (c.errors > 0) {
        return false;
      }
      const verdict = witnesses ? witnesses.judge(c.start, c.end) : 'unknown';
      if (verdict === 'same') {
        return c.full;
      }
      if (verdict === 'moved-in') {
        // All that agrees must fit in what was put in there, and a copy of it be implausible
        // anywhere: the text put in since is a small part of the article, so a copy would
        // seldom fall in it.
        const inserted = witnesses?.insertedAt(c.start) ?? 0;
        return inserted >= this.agreeingWithin(c) && this.rareFar(c, MOVED_RISK);
      }
      return verdict === 'unknown' && this.rareFar(c, BOILERPLATE_RISK);
    };
    return (c: Candidate) => {
      // The same place comes up in several stages; its verdict does not change.
      const key = `${c.start}:${c.end}:${c.errors}`;
      let verdict = judged.get(key);
      if (verdict === undefined) {
        verdict = farOk(c);
        judged.set(key, verdict);
      }
      return verdict;
    };
  }

  /**
   * How much of the text that agrees at a candidate must have been put in with it. A line moved
   * whole agrees with the line break before it too, which ends the line above wherever it goes:
   * that break says nothing of where the line came from.
   */
  private agreeingWithin(c: Candidate): number {
    const at = this.text.charCodeAt(c.from);
    const lineBreak = at === CR && this.text.charCodeAt(c.from + 1) === LF ? 2 : at === LF || at === CR ? 1 : 0;
    return c.to - c.from - (c.from < c.start ? lineBreak : 0);
  }

  /**
   * Whether `anchor` (a neighbour, by old position, of one being placed) has its quote with its
   * whole context within `tolerance` of `expected`: two passages moving together by the same
   * amount is not a coincidence, so the neighbour vouches for a far-away place.
   */
  hasWholeContextNear(anchor: Anchor, expected: number, tolerance: number): boolean {
    const form = this.formsOf(anchor)[0];
    for (const needle of needlesOf(form)) {
      for (const at of this.occurrencesIn(needle.text, Math.max(0, expected - tolerance - needle.shift), Math.min(this.text.length, expected + tolerance + needle.text.length))) {
        const c = measure(this.text, form, at + needle.shift, at + needle.shift + form.quote.length, 0, [{ at: expected, slack: tolerance }]);
        if (c.full && c.near) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a place near where the anchor is expected may be taken. The quote as it was needs
   * context on one side within its own paragraph, to be long, or to be within a few units of
   * where the neighbours put it; reworded text needs context on both sides, or a long quote a
   * few edits off with one telling side. Either way, what agrees there must not be phrasing so
   * common in this article that a sentence built the same way would likely sit that near by
   * chance (the original deleted, a look-alike beside it).
   */
  private nearby(c: Candidate): boolean {
    // A look-alike within the span around the expected place is about copies × span / length
    // likely, weighed against how much of the article survived; the one copy found is allowed
    // unless most of it is gone, or no short article would do.
    const span = c.nearSpan + (c.end - c.start) + NEAR_SPAN_MIN;
    const risk = (NEAR_RISK * this.survival * this.text.length) / span;
    const limit = this.survival >= MOSTLY_GONE ? Math.max(1, risk) : risk;
    const quote = c.form.quote.length;
    if (c.errors > 0) {
      // Reworded text is found by the context around it, across a line break too: a claim is
      // often a whole paragraph. With one side edited as well, only a long quote a few edits
      // off will do (a short one could be anything), and the side that still agrees must be
      // telling by itself: across a break it is the neighbouring paragraph, which may have
      // stayed while this one moved and a paragraph built the same way took its place.
      const before = c.before >= SIDE;
      const after = c.after >= SIDE;
      if (!before && !after) {
        return false;
      }
      if (!(before && after)) {
        if (quote < LONG_QUOTE || c.errors * 8 > quote) {
          return false;
        }
        const side = before ? { from: c.from, to: c.start } : { from: c.end, to: c.to };
        if (!this.fewCopies({ ...c, ...side }, limit)) {
          return false;
        }
      }
    } else if (!c.full && c.beforeInLine < SIDE && c.afterInLine < SIDE) {
      // Right where the neighbours put it, the place itself is a side of evidence for a quote
      // found as it was, as is a long quote found verbatim; otherwise context beside it in its
      // own paragraph is needed (across a break, another paragraph's text can slide into place).
      if (quote < LONG_QUOTE && c.nearSpan > PINPOINT) {
        return false;
      }
    }
    return this.fewCopies(c, limit);
  }

  /**
   * Whether a far place's agreeing text is rare enough to be the annotated text and not a copy
   * (at most `risk` copies predicted). Either way it takes the whole context on both sides
   * within its paragraph, found once: a short article has no phrasing statistics to speak of,
   * and in a long one that is one-off prose when no stretch of it occurs anywhere else (the
   * phrase chain cannot say so: it counts the place found, so for such text it predicts just
   * that one copy, never fewer).
   */
  private rareFar(c: Candidate, risk: number): boolean {
    const whole = c.beforeInLine >= SIDE && c.afterInLine >= SIDE && c.to - c.from >= 2 * PHRASE;
    if (this.text.length < INDEX_MIN_TEXT) {
      return whole && this.count(c.from, c.to) === 1;
    }
    return this.fewCopies(c, risk) || (whole && this.oneOff(c.from, c.to));
  }

  /** Whether every stretch of 2·PHRASE units of text[from, to) (the windows of the phrase chain) occurs once in the article. */
  private oneOff(from: number, to: number): boolean {
    for (let end = from + 2 * PHRASE; ; end = Math.min(end + PHRASE, to)) {
      if (this.count(end - 2 * PHRASE, end) > 1) {
        return false;
      }
      if (end >= to) {
        return true;
      }
    }
  }

  /**
   * Whether the article's own phrasing predicts at most `limit` copies of the text that agrees
   * at a candidate (its matched prefix, quote and suffix): a Markov chain over its windows of
   * 2·PHRASE units, count(W1) × Π count(Wi) / count(Wi ∩ Wi-1), each factor the odds that
   * what came before is followed by what comes next. Boilerplate ("According to a spokesperson
   * for the CSTO, … had not been consulted") is a chain of near-certain steps through a few
   * slots and predicts copies; one-off prose has rare steps and predicts far fewer than one, so
   * the one copy found is the one annotated. Every factor is at most 1, so the product can only
   * fall: it stops as soon as it is low enough.
   */
  private fewCopies(c: Candidate, limit: number): boolean {
    const { from, to } = c;
    if (to - from < INDEXED_NEEDLE) {
      return false;
    }
    if (to - from < 2 * PHRASE) {
      // Short enough to count outright.
      return this.count(from, to) <= limit;
    }
    let expected = this.count(from, from + 2 * PHRASE);
    let previousEnd = from + 2 * PHRASE;
    while (expected > limit && previousEnd < to) {
      const end = Math.min(previousEnd + PHRASE, to);
      const start = end - 2 * PHRASE;
      expected *= this.count(start, end) / this.count(start, previousEnd);
      previousEnd = end;
    }
    return expected <= limit;
  }

  /** Occurrences in the text of text[from, to), memoized: phrases recur across candidates. */
  private count(from: number, to: number): number {
    const needle = this.text.slice(from, to);
    let n = this.counts.get(needle);
    if (n === undefined) {
      n = Math.max(1, this.occurrences(needle)!.length);
      this.counts.set(needle, n);
    }
    return n;
  }

  /** The one place in the windows around `centers` with the quote and its whole context, if there is exactly one. */
  wholeInWindow(anchor: Anchor, centers: Expected[]): Reattachment | undefined {
    const form = this.formsOf(anchor)[0];
    const whole = this.exactNear(form, centers, this.window).filter((c) => c.full);
    return whole.length === 1 ? attach(anchor, whole[0], 'exact') : undefined;
  }

  /** The anchor as stored, then (with `variants`) as it would read re-normalized. Memoized per anchor. */
  private formsOf(anchor: Anchor, variants = false): Form[] {
    let forms = this.forms.get(anchor);
    if (!forms) {
      forms = [formOf(anchor.quote, anchor.prefix, anchor.suffix)];
      this.forms.set(anchor, forms);
    }
    if (variants && !this.varied.has(anchor)) {
      this.varied.add(anchor);
      forms.push(...variantsOf(anchor));
    }
    return forms;
  }

  /** Exact occurrences starting within `radius` of each center (by default, its slack). */
  private exactNear(form: Form, centers: Expected[], radius?: number): Candidate[] {
    const found = new Map<number, Candidate>();
    for (const needle of needlesOf(form)) {
      for (const c of centers) {
        const r = (radius ?? c.slack) + needle.shift;
        const lo = Math.max(0, c.at - r);
        const hi = Math.min(this.text.length, c.at + r + needle.text.length);
        for (const at of this.occurrencesIn(needle.text, lo, hi)) {
          this.addExact(found, form, at + needle.shift, centers);
        }
      }
    }
    return [...found.values()];
  }

  /** Exact occurrences of the quote with its whole stored context, anywhere, less those `excluded`. */
  private wholeEverywhere(form: Form, centers: Expected[], excluded?: (start: number, end: number) => boolean): Candidate[] {
    const whole = form.prefix + form.quote + form.suffix;
    const out: Candidate[] = [];
    if (whole.length < INDEXED_NEEDLE) {
      return out;
    }
    for (const at of this.occurrences(whole)!) {
      const start = at + form.prefix.length;
      const end = start + form.quote.length;
      if (!excluded?.(start, end) && onBoundary(this.text, start) && onBoundary(this.text, end)) {
        out.push(measure(this.text, form, start, end, 0, centers));
      }
    }
    return out;
  }

  /**
   * Exact occurrences in the whole text that could reach the agreement needed to matter, less
   * those `excluded` (shown by the placed anchors to be other text) before any scoring.
   */
  private exactEverywhere(form: Form, centers: Expected[], excluded?: (start: number, end: number) => boolean): Candidate[] {
    const found = new Map<number, Candidate>();
    const length = form.quote.length;
    for (const needle of needlesOf(form)) {
      for (const at of this.occurrences(needle.text)!) {
        const start = at + needle.shift;
        if (!excluded?.(start, start + length)) {
          this.addExact(found, form, start, centers);
        }
      }
    }
    return [...found.values()];
  }

  private addExact(found: Map<number, Candidate>, form: Form, start: number, centers: Expected[]): void {
    const end = start + form.quote.length;
    if (found.has(start) || start < 0 || end > this.text.length || !this.text.startsWith(form.quote, start)) {
      return;
    }
    if (!onBoundary(this.text, start) || !onBoundary(this.text, end)) {
      return;
    }
    found.set(start, measure(this.text, form, start, end, 0, centers));
  }

  private occurrencesIn(needle: string, lo: number, hi: number): number[] {
    const out: number[] = [];
    if (needle.length === 0) {
      return out;
    }
    const slice = this.text.slice(lo, hi);
    for (let at = slice.indexOf(needle); at !== -1; at = slice.indexOf(needle, at + 1)) {
      out.push(lo + at);
    }
    return out;
  }

  /** Every offset where `needle` occurs, in no particular order (see GramIndex.occurrences for `limit`). */
  private occurrences(needle: string, limit = Infinity): number[] | undefined {
    if (needle.length >= INDEXED_NEEDLE && this.text.length >= INDEX_MIN_TEXT) {
      this.index ??= new GramIndex(this.text);
      return this.index.occurrences(needle, limit);
    }
    return this.occurrencesIn(needle, 0, this.text.length);
  }

  private fuzzy(form: Form, centers: Expected[], exact: Candidate[], witnesses: Witnesses | null): Candidate[] {
    const text = this.text;
    const quote = form.quote;
    const k = maxErrors(quote.length);
    const raw: Span[] = [];
    // Approximate search costs per unit searched: around each expected place only as far as a
    // place can count as near, and a quote's length beyond for the rivals right next to it.
    const searched: [number, number][] = [];
    let covered = 0;
    for (const c of centers) {
      const reach = c.slack + quote.length + k;
      const lo = Math.max(0, c.at - reach);
      const hi = Math.min(text.length, c.at + reach + quote.length);
      if (lo < hi && !searched.some(([a, b]) => lo >= a && hi <= b)) {
        approximateIn(text, quote, k, lo, hi, 0, raw);
        searched.push([lo, hi]);
        covered += hi - lo;
      }
    }
    // Beyond them, look only where some stretch of the quote survives verbatim (any match with
    // at most k edits keeps one of k + 1 disjoint pieces intact), and not where the placed
    // anchors already show other old text: nothing there could be taken.
    if (text.length > covered) {
      for (const [lo, hi] of this.seedWindows(quote, k)) {
        const judged = witnesses?.judge(lo + k, hi - k);
        if (judged !== 'other' && !searched.some(([a, b]) => lo >= a && hi <= b)) {
          approximateIn(text, quote, k, lo, hi, 1, raw);
        }
      }
    }
    const byPlace = new Map<string, Candidate>();
    for (const span of raw) {
      const c = refine(text, form, span, k, centers);
      if (c) {
        byPlace.set(`${c.start}:${c.end}`, c);
      }
    }
    return mergeOverlapping([...exact, ...byPlace.values()]);
  }

  /** Windows around the places where pieces of the quote occur verbatim. */
  private seedWindows(quote: string, k: number): [number, number][] {
    const piece = Math.max(INDEXED_NEEDLE, Math.floor(quote.length / (k + 1)));
    const starts: number[] = [];
    for (let o = 0; o + INDEXED_NEEDLE <= quote.length; o += piece) {
      // A piece found everywhere ("the CSTO failed to respond") says nothing about where the quote is.
      const hits = this.occurrences(quote.slice(o, o + INDEXED_NEEDLE), 4 * SEED_HITS);
      if (!hits || hits.length > SEED_HITS) {
        continue;
      }
      for (const at of hits) {
        starts.push(at - o);
      }
    }
    return windowsAround(starts, quote.length, k, this.text.length);
  }
}

/** Whether the old offset is where the text is expected now: the text around it did not move, or moved by amounts on either side of nothing. */
function unmoved(hint: number, centers: Expected[]): boolean {
  return centers.some((e) => Math.abs(hint - e.at) <= (e.core ?? 0) + PINPOINT);
}
