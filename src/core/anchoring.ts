// Re-attaches anchors to an article that changed outside the editor: by position, by exact quote, then by fuzzy match.

import search from 'approx-string-match';
import { allAnchors, type Annotations, CONTEXT_LENGTH, type Anchor } from './model';
import { codePointLength } from './offsets';

/** How an anchor was found again. `orphaned`: it was not, and it keeps its quote and old position. */
export type ReattachMethod = 'position' | 'exact' | 'fuzzy' | 'orphaned';

export interface Reattachment {
  /** A new anchor: same quote, prefix and suffix; `start`/`end` where the quote is now (UTF-16). */
  anchor: Anchor;
  method: ReattachMethod;
  /**
   * 0–1: how much of the stored quote and context the text at the new place reproduces.
   * 1 is the quote with its whole prefix and suffix; absent for orphans.
   */
  score?: number;
  /** Why an anchor was orphaned: nothing matched well enough, or several places matched equally. */
  reason?: 'not-found' | 'ambiguous';
}

export interface ReattachOptions {
  /**
   * UTF-16 units searched on each side of where an anchor is expected, in reattachAll's first
   * pass, for a passage that moved as a block. Wider finds bigger jumps in that cheap pass; the
   * rest of the article is searched later anyway.
   */
  window?: number;
}

/**
 * Re-attaches one anchor to `text`. The anchor's `start`/`end` are read as a hint in UTF-16
 * units of the new text (approximate: the codec converted the stored code points with the new
 * text's index). A previously orphaned anchor is tried again: its text may have come back.
 *
 * Steps: the quote still at `start`; the quote found elsewhere, told apart by its prefix and
 * suffix and then by nearness; an approximate match of the quote (quotes of
 * {@link FUZZY_MIN_QUOTE} or more units). A place is taken only when the text there reproduces
 * enough of the quote and its context and no other place comes close; otherwise the anchor is
 * orphaned rather than guessed.
 */
export function reattach(text: string, anchor: Anchor, options: ReattachOptions = {}): Reattachment {
  const article = new Article(text, options);
  return article.locate(anchor, [{ at: hintOf(anchor), slack: HINT_SLACK }], null) ?? orphan(text, anchor, 'not-found');
}

/**
 * Re-attaches every anchor of one article, in the order given; the result has one entry per
 * anchor, none dropped. Shares one index of the text between anchors, and learns from anchors
 * found unambiguously how far their stretch of text moved, so that neighbours in a moved or
 * shifted passage are looked for where that passage is now.
 */
export function reattachAll(text: string, anchors: readonly Anchor[], options: ReattachOptions = {}): Reattachment[] {
  const article = new Article(text, options);
  const results: (Reattachment | undefined)[] = new Array(anchors.length);
  // Not clamped: past the end of a shortened text, a hint plus its neighbour's shift is still right.
  const hints = anchors.map(hintOf);
  const order = anchors.map((_, i) => i).sort((a, b) => hints[a] - hints[b] || a - b);
  const shiftAt = (k: number | undefined): number | undefined => {
    const found = k === undefined ? undefined : results[order[k]];
    return found && found.method !== 'orphaned' ? found.anchor.start - hints[order[k!]] : undefined;
  };
  /**
   * Where anchor k (in old order) should be, from the found anchors `behind` and `ahead` of it.
   * Edits between two anchors add up, so a text that survived between two found neighbours
   * moved by an amount between theirs: that bracket, with a little slack, is "near". With one
   * neighbour, its shift plus slack for the edits in the gap; with none, the stored offset.
   */
  const expectedFor = (k: number, behind: number | undefined, ahead: number | undefined): Expected[] => {
    const hint = hints[order[k]];
    const b = shiftAt(behind);
    const a = shiftAt(ahead);
    if (a !== undefined && b !== undefined && Math.abs(a - b) <= MAX_BRACKET) {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const core = Math.ceil((hi - lo) / 2);
      return [{ at: hint + Math.round((lo + hi) / 2), slack: core + BRACKET_SLACK, core }];
    }
    // Neighbours that disagree widely: one of them sits in a passage that moved on its own.
    const expected: Expected[] = [];
    for (const [shift, n] of [
      [b, behind],
      [a, ahead],
    ] as const) {
      if (shift !== undefined && n !== undefined) {
        const gap = Math.abs(hint - hints[order[n]]);
        expected.push({ at: hint + shift, slack: HINT_SLACK + Math.min(MAX_GAP_SLACK, Math.floor(gap / 8)) });
      }
    }
    return expected.length > 0 ? expected : [{ at: hint, slack: HINT_SLACK }];
  };

  // First pass: only what is certain from a look around the expected place, carrying the
  // shift of the last anchor found to the next, so most anchors cost one comparison. After a
  // jump (a passage deleted or moved before them), two consecutive anchors found whole at the
  // same new shift vouch for each other and carry the new shift on.
  let last: number | undefined;
  let pending: { k: number; found: Reattachment } | undefined;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    // With no neighbour found yet, nothing says how far the text drifted: only the old offset
    // itself counts as near (a copy of the passage can sit a few hundred units away).
    const expected = last === undefined ? [{ at: hints[i], slack: PINPOINT }] : expectedFor(k, last, undefined);
    const found = article.locate(anchors[i], expected, undefined);
    if (found) {
      results[i] = found;
      last = k;
      pending = undefined;
      continue;
    }
    const guess = article.wholeInWindow(anchors[i], expected);
    if (guess && pending && pending.k === k - 1 && apart(anchors[order[pending.k]], anchors[i])) {
      const gap = hints[i] - hints[order[pending.k]];
      const drift = guess.anchor.start - hints[i] - (pending.found.anchor.start - hints[order[pending.k]]);
      if (Math.abs(drift) <= PAIR_SLACK + Math.min(MAX_GAP_SLACK, Math.floor(gap / 8))) {
        results[order[pending.k]] = pending.found;
        results[i] = guess;
        last = k;
        pending = undefined;
        continue;
      }
    }
    pending = guess ? { k, found: guess } : undefined;
  }
  const placed: [number, number][] = [];
  for (let k = 0; k < order.length; k++) {
    const shift = shiftAt(k);
    if (shift !== undefined) {
      placed.push([hints[order[k]] + shift, hints[order[k]]]);
    }
  }
  const alignment = new Alignment(placed);
  // What share of the anchors the first pass found where expected, with all their context:
  // how much of this is the same article, edited. Where most of it is gone, a look-alike near
  // an anchor's old place is far more likely than its own text.
  // (Smoothed, so that a handful of anchors, most of them deleted on purpose, says little.)
  article.survival = (placed.length + 2) / (anchors.length + 2);

  // Then the rest, searched everywhere but expected where their nearest found neighbours say
  // their passage went: forwards, then backwards for what a later neighbour could vouch for.
  const tried = new Map<number, string>();
  for (const forwards of [true, false]) {
    const ahead: (number | undefined)[] = new Array(order.length);
    let seen: number | undefined;
    for (let n = 0; n < order.length; n++) {
      const k = forwards ? order.length - 1 - n : n;
      ahead[k] = seen;
      if (shiftAt(k) !== undefined) {
        seen = k;
      }
    }
    let behind: number | undefined;
    for (let n = 0; n < order.length; n++) {
      const k = forwards ? n : order.length - 1 - n;
      const i = order[k];
      if (results[i] === undefined || results[i]?.method === 'orphaned') {
        const expected = expectedFor(k, behind, ahead[k]);
        const key = expected.map((e) => e.at).sort((a, b) => a - b).join(',');
        if (tried.get(i) !== key) {
          tried.set(i, key);
          const witnesses: Witnesses = {
            confirm(start) {
              const shift = start - hints[i];
              for (const m of [k - 1, k + 1, k - 2, k + 2]) {
                const j = order[m];
                if (j === undefined || !apart(anchors[i], anchors[j])) {
                  // A neighbour whose stored text overlaps this one's (a name inside an annotated
                  // claim, the same anchor twice) would move with it whatever happened.
                  continue;
                }
                const moved = shiftAt(m);
                const slack = confirmSlack(hints[i], hints[j]);
                if (moved !== undefined ? Math.abs(moved - shift) <= slack : Math.abs(hints[i] - hints[j]) >= CONFIRM_GAP && article.hasWholeContextNear(anchors[j], hints[j] + shift, slack)) {
                  return slack;
                }
              }
              return undefined;
            },
            judge: (start, end) => alignment.judge(start, end - start, hints[i]),
            insertedAt: (start) => alignment.inserted(start),
          };
          results[i] = article.locate(anchors[i], expected, witnesses) ?? orphan(text, anchors[i], 'not-found');
          const found = results[i]!;
          if (found.method !== 'orphaned') {
            alignment.add(found.anchor.start, hints[i]);
          }
        }
      }
      if (shiftAt(k) !== undefined) {
        behind = k;
      }
    }
  }
  return results as Reattachment[];
}

/**
 * What the anchors already placed say about a candidate place for the one being placed, in
 * {@link reattachAll}.
 */
interface Witnesses {
  /**
   * Whether a neighbour (by old position) moved by the same amount: placed there, or (if it
   * was a couple of sentences away, so that one duplicated sentence cannot hold both) found
   * there with its whole context. Returns how far off that neighbour's shift is, or undefined.
   */
  confirm(start: number): number | undefined;
  judge(start: number, end: number): Verdict;
  /** How much text was put in around a new place (the shifts of the anchors there rise by it). */
  insertedAt(start: number): number | undefined;
}

/**
 * same: the anchors placed around it were around this anchor's old place too. other: old text
 * from elsewhere, so another occurrence. moved-in: text put in since, so possibly this passage
 * moved there. unknown: no placed anchors on both sides to tell.
 */
type Verdict = 'same' | 'other' | 'moved-in' | 'unknown';

/** Placed anchors by new start, with their old starts: the map from old text to new that re-attachment has found so far. */
class Alignment {
  /** By new start. */
  private readonly starts: number[] = [];
  private readonly hints: number[] = [];
  /** The same old starts, ascending. */
  private readonly oldOrder: number[];

  /** From [new start, old start] pairs. */
  constructor(placed: [number, number][]) {
    placed.sort((a, b) => a[0] - b[0]);
    for (const [start, hint] of placed) {
      this.starts.push(start);
      this.hints.push(hint);
    }
    this.oldOrder = placed.map((p) => p[1]).sort((a, b) => a - b);
  }

  add(start: number, hint: number): void {
    const at = upperBound(this.starts, start);
    this.starts.splice(at, 0, start);
    this.hints.splice(at, 0, hint);
    this.oldOrder.splice(upperBound(this.oldOrder, hint), 0, hint);
  }

  judge(start: number, length: number, hint: number): Verdict {
    const around = this.around(start);
    if (!around) {
      return 'unknown';
    }
    const [x, y] = around;
    // Between the same two placed anchors in the old text and the new: where it should be,
    // however the text between them was edited. (Two placed anchors far apart say little.)
    if (hint >= this.hints[x] - ALIGN_SLACK && hint <= this.hints[y] + ALIGN_SLACK) {
      return this.hints[y] - this.hints[x] <= SAME_SPAN ? 'same' : 'unknown';
    }
    // Otherwise it is old text from between them, unless text was put in there since.
    const inserted = this.starts[y] - this.hints[y] - (this.starts[x] - this.hints[x]);
    return inserted >= Math.max(1, length) ? 'moved-in' : 'other';
  }

  inserted(start: number): number | undefined {
    const around = this.around(start);
    if (!around) {
      return undefined;
    }
    const [x, y] = around;
    return this.starts[y] - this.hints[y] - (this.starts[x] - this.hints[x]);
  }

  /**
   * The placed anchors right before and after `start`, if they were neighbours in the old text
   * too (no placed anchor between them there): only then is the text between them the old
   * text between them, edited in place. A passage that moved in brings anchors from elsewhere.
   */
  private around(start: number): [number, number] | undefined {
    const y = upperBound(this.starts, start);
    const x = y - 1;
    if (x < 0 || y >= this.starts.length || this.hints[x] > this.hints[y]) {
      return undefined;
    }
    const between = upperBound(this.oldOrder, this.hints[x]);
    if (between < this.oldOrder.length && this.oldOrder[between] < this.hints[y]) {
      return undefined;
    }
    return [x, y];
  }
}

/** The index of the first value greater than `value` in ascending `values`. */
function upperBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** How far a neighbour's shift may differ from this one's and still say "moved together": edits between them move it. */
function confirmSlack(hint: number, neighbour: number): number {
  return CONFIRM_SLACK + Math.min(CONFIRM_SLACK * 3, Math.floor(Math.abs(hint - neighbour) / 32));
}

/** Whether two anchors' stored neighbourhoods (prefix, quote, suffix) were disjoint in the old text. */
function apart(a: Anchor, b: Anchor): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return first.end + first.suffix.length + second.prefix.length <= second.start;
}

// ---------------------------------------------------------------------------------------------
// Thresholds. Lengths are UTF-16 units; "agreement" counts units of quote and context that the
// text at a candidate place reproduces.

/**
 * Units of quote and context a place must reproduce to be taken. A short name ("CSTO") needs
 * about twenty units of its context beside it: its bare occurrences are everywhere.
 */
const MIN_AGREEMENT = 24;
/** A fuzzy place carries less certainty than an exact one; ask for more. */
const MIN_FUZZY_AGREEMENT = 32;
/** A rival within this much agreement of the best place makes the choice a guess. */
const MARGIN = 8;
/** An approximate match costs this much agreement per edit: each is evidence against it. */
const ERROR_COST = 2;
/** Shorter quotes are only matched exactly: at two or three letters anything is "similar". */
export const FUZZY_MIN_QUOTE = 8;
/**
 * When content cannot tell places apart, nearness may: only a place near where the anchor is
 * expected, with every rival at least {@link FAR} (and many times further) away.
 */
const FAR = 256;
const FAR_RATIO = 8;
/**
 * A place is taken on two independent pieces of evidence, never one. Near where the anchor is
 * expected (see {@link Expected}): nearness, plus context agreeing on one side (at least SIDE
 * units) or a long quote reproduced (nearly) verbatim. Far from it: a neighbouring anchor that
 * moved by the same amount, or agreeing text that the article's phrasing makes unlikely to
 * occur twice (see fewCopies). News is full of boilerplate ("… said on Tuesday that the CSTO
 * failed to respond to requests for help"); when the annotated sentence was deleted, a sentence
 * built the same way elsewhere can reproduce its whole stored neighbourhood.
 */
const SIDE = 8;
/** How far off the stored offset may be and still count as near: the drift of unseen edits before it. */
const HINT_SLACK = 256;
/**
 * An offset predicted from one neighbour's shift may be off as much, plus an eighth of the gap
 * to it (at most MAX_GAP_SLACK): a deleted sentence between them is not bounded by anything else.
 */
const MAX_GAP_SLACK = 224;
/** How far apart two consecutive anchors' shifts may be and still say "moved together". */
const PAIR_SLACK = 32;
/** The same around the bracket of two neighbours' shifts, when they differ by at most MAX_BRACKET. */
const BRACKET_SLACK = 32;
const MAX_BRACKET = 1024;
/** A quote this long found verbatim near where it is expected stands on its own, without context. */
const LONG_QUOTE = 24;
/** Units per step of the phrase chain in fewCopies (the index answers needles this long). */
const PHRASE = 24;
/** The first pass takes a place with all its context only this near (see Candidate.nearSpan) where expected. */
const FIRST_PASS_SPAN = 128;
/** Below this share of anchors found in the first pass, the text is taken to be mostly new. */
const MOSTLY_GONE = 0.25;
/** Chance of a look-alike within the near window that a near place may carry. */
const NEAR_RISK = 0.001;
/** A near window this narrow (the place within a few units of where its neighbours put it) is evidence in itself. */
const PINPOINT = 16;
/** The near window is never taken narrower than this beside the quote: offsets drift a little anyway. */
const NEAR_SPAN_MIN = 32;
/** Copies of a far place's agreeing text the article may predict before the place is doubted. */
const BOILERPLATE_RISK = 0.001;
/** The same, for a place in text put in since (a copy would have to fall in that text too). */
const MOVED_RISK = 0.01;
/** How far the placed anchors may put an old offset from a candidate's and still call it the same. */
const ALIGN_SLACK = 32;
/** Two placed anchors further apart than this in the old text do not vouch for what lies between them. */
const SAME_SPAN = 1 << 14;
/** See confirmSlack. */
const CONFIRM_SLACK = 16;
/** See Witnesses.confirm. */
const CONFIRM_GAP = 256;
/** See ReattachOptions.window. */
const DEFAULT_WINDOW = 2048;
/** Below this length the whole text is scanned directly; above, through an n-gram index. */
const INDEX_MIN_TEXT = 1 << 16;
/** Pieces of a quote found more often than this are not used to find it. */
const SEED_HITS = 64;
/** How many places one approximate search may report, rivals included. */
const MAX_FUZZY_CANDIDATES = 24;

/** Edits allowed between a quote and its fuzzy match: a quarter of it, within one 32-bit block. */
function maxErrors(quoteLength: number): number {
  return Math.min(32, Math.floor(quoteLength / 4));
}

// ---------------------------------------------------------------------------------------------

/** One way of writing the stored quote and context: as stored, or re-normalized (NFC/NFD, line endings). */
interface Form {
  quote: string;
  prefix: string;
  suffix: string;
  /** The stored context stopped at the start (end) of the article: shorter than CONTEXT_LENGTH. */
  prefixAtEdge: boolean;
  suffixAtEdge: boolean;
  /** Agreement credited for sitting at the article's edge, standing in for context that never existed. */
  edgeCreditBefore: number;
  edgeCreditAfter: number;
}

/** Where an anchor is expected to start now, and how far off that may reasonably be. */
interface Expected {
  at: number;
  slack: number;
  /** Within this of `at` is as expected as `at` itself (half the bracket of two neighbours' shifts). */
  core?: number;
}

interface Candidate {
  start: number;
  end: number;
  /** Where the text agreeing with the stored prefix begins, and with the suffix ends. */
  from: number;
  to: number;
  errors: number;
  before: number;
  after: number;
  /** The same, stopped at a line break: context from another paragraph moves on its own. */
  beforeInLine: number;
  afterInLine: number;
  /** The whole stored prefix and suffix agree (and the article's edges, where the context stopped at one). */
  full: boolean;
  agreement: number;
  /** From the nearest expected place. */
  distance: number;
  /** Within the slack of some expected place. */
  near: boolean;
  /**
   * How wide a window around the expected place this candidate's nearness stands for: twice
   * its distance from the expected place (a bracket's width counting as no distance). A
   * look-alike is as likely to fall that near as this window is wide.
   */
  nearSpan: number;
  form: Form;
}

/** Whether a place far from (near) every expected position may be taken. */
type FarCheck = (c: Candidate) => boolean;
type NearCheck = (c: Candidate) => boolean;

type Decision = { kind: 'take'; candidate: Candidate } | { kind: 'ambiguous' } | { kind: 'none' };

/** Per-text state shared by all anchors of one re-attachment run. */
class Article {
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
    const thorough = witnesses !== undefined;
    const text = this.text;
    const forms = this.formsOf(anchor, thorough);
    const stored = forms[0];
    const quote = stored.quote;
    const hint = hintOf(anchor);

    // 1. Still where it was: same offset, enough agreement, and consistent with how the text
    // around it moved.
    if (hint >= 0 && hint <= text.length && text.startsWith(quote, hint) && onBoundary(text, hint) && onBoundary(text, hint + quote.length)) {
      // Neighbours that moved say whether "the same offset" is still the same place.
      const c = this.measure(stored, hint, hint + quote.length, 0, centers);
      if (c.full && c.near) {
        return attach(anchor, c, 'position');
      }
      // Less than the whole context at the old offset can be a coincidence (other text slid
      // into place): only with a thorough look, and not where the placed anchors say the text
      // there came from elsewhere.
      const verdict = witnesses ? witnesses.judge(c.start, c.end) : 'unknown';
      if (thorough && verdict !== 'other' && (c.near || verdict === 'same') && c.agreement >= MIN_AGREEMENT && this.nearby({ ...c, nearSpan: Math.min(c.nearSpan, 2 * HINT_SLACK) })) {
        return attach(anchor, c, 'position');
      }
    }

    // 2. The quote with its whole context close to where it is expected, and nowhere else
    // near: certain without looking further.
    if (!thorough) {
      // Most anchors moved exactly as the one before them: look there first.
      for (const c of centers) {
        if (c.at !== hint && text.startsWith(quote, c.at)) {
          const at = this.measure(stored, c.at, c.at + quote.length, 0, centers);
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

    // Far from where the passage should be, a place is either where the text moved or another
    // passage built the same way. Take it when a neighbouring anchor moved by the same amount;
    // or when the article's own phrasing makes a copy of what agrees there implausible, in the
    // text put in since (where the passage would have moved) or, with nothing placed around to
    // tell, anywhere. An approximate match far away is a look-alike sentence unless a
    // neighbour vouches for it.
    const judged = new Map<string, boolean>();
    const far = (c: Candidate) => {
      // The same place comes up in several stages; its verdict does not change.
      const key = `${c.start}:${c.end}:${c.errors}`;
      let verdict = judged.get(key);
      if (verdict === undefined) {
        verdict = farOk(c);
        judged.set(key, verdict);
      }
      return verdict;
    };
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
        return inserted >= c.to - c.from && this.rareFar(c, MOVED_RISK);
      }
      return verdict === 'unknown' && this.rareFar(c, BOILERPLATE_RISK);
    };
    const nearby = (c: Candidate) => this.nearby(c);
    // What the placed anchors prove to be another occurrence is no candidate, not even a rival.
    const assess = (candidates: Candidate[]) => (witnesses ? candidates.filter((c) => witnesses.judge(c.start, c.end) !== 'other') : candidates);

    // 3. The quote told apart by context, then by nearness: first near where it is expected,
    // against every copy of its whole neighbourhood (rare, and cheap to look up); then, if
    // that settles nothing, anywhere (short quotes with part of their context are common).
    const excluded = witnesses ? (start: number, end: number) => witnesses.judge(start, end) === 'other' : undefined;
    for (const form of forms) {
      const nearAndWhole = assess(mergeByStart([...this.exactNear(form, centers), ...this.wholeEverywhere(form, centers, excluded)]));
      const decision = decide(nearAndWhole, MIN_AGREEMENT, far, nearby);
      if (decision.kind === 'take') {
        return attach(anchor, decision.candidate, 'exact');
      }
      if (decision.kind === 'ambiguous') {
        return orphan(text, anchor, 'ambiguous');
      }
    }
    let exactPool: Candidate[] = [];
    for (const form of forms) {
      const all = this.exactEverywhere(form, centers, excluded);
      if (form === stored) {
        exactPool = all;
      }
      const decision = decide(all, MIN_AGREEMENT, far, nearby);
      if (decision.kind === 'take') {
        return attach(anchor, decision.candidate, 'exact');
      }
      if (decision.kind === 'ambiguous') {
        return orphan(text, anchor, 'ambiguous');
      }
    }

    // 4. An approximate match: the wording changed.
    if (quote.length >= FUZZY_MIN_QUOTE) {
      for (const form of forms) {
        const candidates = assess(this.fuzzy(form, centers, form === stored ? exactPool : [], witnesses));
        const decision = decide(candidates, MIN_FUZZY_AGREEMENT, far, nearby);
        if (decision.kind === 'take') {
          const c = decision.candidate;
          return attach(anchor, c, c.errors === 0 && text.slice(c.start, c.end) === quote ? 'exact' : 'fuzzy');
        }
        if (decision.kind === 'ambiguous') {
          return orphan(text, anchor, 'ambiguous');
        }
      }
    }
    return undefined;
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
        const c = this.measure(form, at + needle.shift, at + needle.shift + form.quote.length, 0, [{ at: expected, slack: tolerance }]);
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
   * (at most `risk` copies predicted). A short article has no phrasing statistics to speak of:
   * there, the whole context on both sides, found once.
   */
  private rareFar(c: Candidate, risk: number): boolean {
    if (this.text.length < INDEX_MIN_TEXT) {
      return c.beforeInLine >= SIDE && c.afterInLine >= SIDE && c.to - c.from >= 2 * PHRASE && this.count(c.from, c.to) === 1;
    }
    return this.fewCopies(c, risk);
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

  // --- exact search ---------------------------------------------------------------------------

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
        out.push(this.measure(form, start, end, 0, centers));
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
    found.set(start, this.measure(form, start, end, 0, centers));
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

  // --- fuzzy search ---------------------------------------------------------------------------

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
      const c = this.refine(form, span, k, centers);
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
    starts.sort((a, b) => a - b);
    const windows: [number, number][] = [];
    for (const s of starts) {
      const lo = Math.max(0, s - k - 1);
      const hi = Math.min(this.text.length, s + quote.length + k + 1);
      const last = windows[windows.length - 1];
      if (last && lo <= last[1]) {
        last[1] = Math.max(last[1], hi);
      } else {
        windows.push([lo, hi]);
      }
    }
    return windows.slice(0, MAX_FUZZY_CANDIDATES);
  }

  /**
   * Turns a raw approximate match into a candidate: boundaries moved off the middle of a
   * character, then (if that agrees better) onto where the stored context ends and begins.
   */
  private refine(form: Form, span: Span, k: number, centers: Expected[]): Candidate | undefined {
    const text = this.text;
    let start = this.snap(span.start, 'back');
    let end = this.snap(span.end, 'forward');
    const options: Span[] = [{ start, end }];
    // An exact occurrence keeps its bounds: stretching it over inserted words to reach the
    // context would turn intact text into changed text.
    const aligned = text.slice(start, end) === form.quote ? { start, end } : alignToContext(text, form, start, end, k);
    if (aligned.start !== start || aligned.end !== end) {
      start = this.snap(aligned.start, 'back');
      end = this.snap(aligned.end, 'forward');
      options.push({ start, end });
    }
    let best: Candidate | undefined;
    for (const o of options) {
      if (o.end < o.start) {
        continue;
      }
      const errors = editDistance(form.quote, text.slice(o.start, o.end), k);
      if (errors > k) {
        continue;
      }
      const c = this.measure(form, o.start, o.end, errors, centers);
      if (!best || c.agreement > best.agreement) {
        best = c;
      }
    }
    return best;
  }

  /** The nearest character boundary at or before (after) `offset`: no half flags, no bare accents. */
  private snap(offset: number, direction: 'back' | 'forward'): number {
    const text = this.text;
    let at = Math.max(0, Math.min(offset, text.length));
    while (!isClusterBoundary(text, at)) {
      at += direction === 'back' ? -1 : 1;
    }
    return at;
  }

  // --- scoring --------------------------------------------------------------------------------

  private measure(form: Form, start: number, end: number, errors: number, centers: Expected[]): Candidate {
    const text = this.text;
    const b = agreeBefore(text, start, form.prefix);
    const a = agreeAfter(text, end, form.suffix);
    const prefixFull = b.matched === form.prefix.length && (!form.prefixAtEdge || b.atEdge);
    const suffixFull = a.matched === form.suffix.length && (!form.suffixAtEdge || a.atEdge);
    const before = b.matched + (prefixFull && form.prefixAtEdge ? form.edgeCreditBefore : 0);
    const after = a.matched + (suffixFull && form.suffixAtEdge ? form.edgeCreditAfter : 0);
    let distance = Infinity;
    let near = false;
    let offBy = Infinity;
    for (const c of centers) {
      const d = Math.abs(start - c.at);
      distance = Math.min(distance, d);
      if (d <= c.slack) {
        near = true;
        offBy = Math.min(offBy, 2 * (c.core ?? 0) + 2 * Math.max(0, d - (c.core ?? 0)));
      }
    }
    return {
      start,
      end,
      from: b.from,
      to: a.to,
      errors,
      before,
      after,
      beforeInLine: b.inLine + (prefixFull && form.prefixAtEdge ? form.edgeCreditBefore : 0),
      afterInLine: a.inLine + (suffixFull && form.suffixAtEdge ? form.edgeCreditAfter : 0),
      full: prefixFull && suffixFull && errors === 0,
      agreement: form.quote.length - ERROR_COST * errors + before + after,
      distance,
      near,
      nearSpan: near ? offBy : Infinity,
      form,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Decisions

/**
 * Ranks candidates by agreement and takes the best only when no rival comes within
 * {@link MARGIN} (unless nearness alone separates them) and it has the support described at
 * {@link SIDE}. Nearness never outweighs agreement: a near place with half its context against
 * a far one with all of it is a guess.
 */
function decide(candidates: Candidate[], minimum: number, far: FarCheck, nearby: NearCheck): Decision {
  const ranked = [...candidates].sort((a, b) => b.agreement - a.agreement || a.distance - b.distance);
  // A far place with only part of its context, and nothing to vouch for it, is a sentence
  // built the same way as the annotated one: it neither wins nor stands in the way of a near
  // place whose other side was edited. A far place with all its context may be the annotated
  // text moved away, and stays a rival.
  while (ranked.length > 0 && !ranked[0].near && !ranked[0].full && !far(ranked[0])) {
    ranked.shift();
  }
  const best = ranked[0];
  if (!best || best.agreement < minimum) {
    return { kind: 'none' };
  }
  const close = ranked.filter((c) => best.agreement - c.agreement < MARGIN);
  const chosen = close.length === 1 ? best : byNearness(close);
  if (!chosen) {
    return { kind: 'ambiguous' };
  }
  return supported(chosen, far, nearby) ? { kind: 'take', candidate: chosen } : { kind: 'none' };
}


function supported(c: Candidate, far: FarCheck, nearby: NearCheck): boolean {
  if (c.near) {
    return nearby(c);
  }
  return far(c);
}

/** The one candidate decisively nearest the expected place, if there is one. */
function byNearness(candidates: Candidate[]): Candidate | undefined {
  const sorted = [...candidates].sort((a, b) => a.distance - b.distance);
  const [first, second] = sorted;
  if (first.near && !second.near && second.distance >= Math.max(FAR, FAR_RATIO * first.distance)) {
    return first;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Results

function attach(anchor: Anchor, c: Candidate, method: ReattachMethod): Reattachment {
  const { orphaned: _orphaned, ...rest } = anchor;
  const maxAgreement = c.form.quote.length + c.form.prefix.length + c.form.edgeCreditBefore + c.form.suffix.length + c.form.edgeCreditAfter;
  const score = maxAgreement === 0 ? 1 : Math.max(0, Math.min(1, c.agreement / maxAgreement));
  return { anchor: { ...rest, start: c.start, end: c.end }, method, score };
}

/** Keeps the quote and context; the old span, clamped into the text, marks where it was. */
function orphan(text: string, anchor: Anchor, reason: 'not-found' | 'ambiguous'): Reattachment {
  const start = clampHint(anchor.start, text.length);
  const end = Math.max(start, clampHint(anchor.end, text.length));
  return { anchor: { ...anchor, start, end, orphaned: true }, method: 'orphaned', reason };
}

function hintOf(anchor: Anchor): number {
  return Number.isFinite(anchor.start) ? Math.round(anchor.start) : 0;
}

function clampHint(offset: number, length: number): number {
  if (!Number.isFinite(offset)) {
    return 0;
  }
  return Math.max(0, Math.min(Math.round(offset), length));
}

// ---------------------------------------------------------------------------------------------
// Forms and needles

function formOf(quote: string, prefix: string, suffix: string): Form {
  const before = codePointLength(prefix);
  const after = codePointLength(suffix);
  return {
    quote,
    prefix,
    suffix,
    prefixAtEdge: before < CONTEXT_LENGTH,
    suffixAtEdge: after < CONTEXT_LENGTH,
    edgeCreditBefore: Math.max(0, CONTEXT_LENGTH - before),
    edgeCreditAfter: Math.max(0, CONTEXT_LENGTH - after),
  };
}

/** Characters that NFC or NFD may write differently: accented letters, combining marks, Hangul, and the like (not ASCII or general punctuation). */
const MAY_NORMALIZE = /[\u00c0-\u1fff\u2100-\uffff]/;

/** The other ways the stored quote and context may now be written, if any differ. */
function variantsOf(anchor: Anchor): Form[] {
  const { quote, prefix, suffix } = anchor;
  const forms: Form[] = [];
  const seen = new Set<string>([`${quote}\u0000${prefix}\u0000${suffix}`]);
  const add = (q: string, p: string, s: string) => {
    const key = `${q}\u0000${p}\u0000${s}`;
    if (!seen.has(key)) {
      seen.add(key);
      forms.push(formOf(q, p, s));
    }
  };
  // Context comparison already ignores CR before LF; only a quote spanning lines needs its own.
  if (quote.includes('\n')) {
    add(quote.replace(/\r?\n/g, '\r\n'), prefix, suffix);
    add(quote.replace(/\r\n/g, '\n'), prefix, suffix);
  }
  // An editor or script may have re-normalized the article (composed or decomposed accents).
  // Plain Latin text and punctuation read the same either way; skip the cost for them.
  if (MAY_NORMALIZE.test(quote) || MAY_NORMALIZE.test(prefix) || MAY_NORMALIZE.test(suffix)) {
    for (const nf of ['NFC', 'NFD'] as const) {
      add(quote.normalize(nf), prefix.normalize(nf), suffix.normalize(nf));
    }
  }
  return forms;
}

interface Needle {
  text: string;
  /** From where the needle is found to where the quote starts. */
  shift: number;
}

/**
 * What to look for to find the places that can matter. A short quote is worth taking only with
 * enough context beside it, so it is looked for together with a piece of its prefix and,
 * separately, of its suffix: fewer, more telling hits than the bare word.
 */
function needlesOf(form: Form): Needle[] {
  const { quote, prefix, suffix } = form;
  // Long enough for the index too, so that a bare name never costs a scan of the article.
  const reach = Math.max(Math.ceil((MIN_AGREEMENT - MARGIN - quote.length) / 2), quote.length < INDEXED_NEEDLE ? INDEXED_NEEDLE - quote.length : 0);
  if (reach <= 0) {
    return [{ text: quote, shift: 0 }];
  }
  const head = prefix.slice(Math.max(0, prefix.length - reach));
  const tail = suffix.slice(0, reach);
  const needles: Needle[] = [];
  if (head.length > 0 || quote.length > 0) {
    needles.push({ text: head + quote, shift: head.length });
  }
  if (tail.length > 0 || quote.length > 0) {
    needles.push({ text: quote + tail, shift: 0 });
  }
  return needles;
}


// ---------------------------------------------------------------------------------------------
// Context agreement

/**
 * How many units of `prefix`, read backwards, the text reproduces right before `pos`. A CR
 * before LF is skipped on either side so that a change of line endings is not a change of context.
 */
function agreeBefore(text: string, pos: number, prefix: string): { matched: number; atEdge: boolean; from: number; inLine: number } {
  let i = pos - 1;
  let j = prefix.length - 1;
  let inLine = -1;
  while (i >= 0 && j >= 0) {
    const a = text.charCodeAt(i);
    const b = prefix.charCodeAt(j);
    if (a === b) {
      if (a === LF && inLine < 0) {
        inLine = prefix.length - j;
      }
      i--;
      j--;
    } else if (a === CR && text.charCodeAt(i + 1) === LF) {
      i--;
    } else if (b === CR && prefix.charCodeAt(j + 1) === LF) {
      j--;
    } else {
      break;
    }
  }
  // A byte-order mark added or removed at the top does not move the article's start.
  const atEdge = i < 0 || (i === 0 && text.charCodeAt(0) === BOM);
  const matched = prefix.length - 1 - j;
  return { matched, atEdge: atEdge && j < 0, from: i + 1, inLine: inLine < 0 ? matched : inLine };
}

function agreeAfter(text: string, pos: number, suffix: string): { matched: number; atEdge: boolean; to: number; inLine: number } {
  let i = pos;
  let j = 0;
  let inLine = -1;
  while (i < text.length && j < suffix.length) {
    const a = text.charCodeAt(i);
    const b = suffix.charCodeAt(j);
    if (a === b) {
      if (a === LF && inLine < 0) {
        inLine = j + 1;
      }
      i++;
      j++;
    } else if (a === CR && text.charCodeAt(i + 1) === LF) {
      i++;
    } else if (b === CR && suffix.charCodeAt(j + 1) === LF) {
      j++;
    } else {
      break;
    }
  }
  return { matched: j, atEdge: i >= text.length && j >= suffix.length, to: i, inLine: inLine < 0 ? j : inLine };
}

/**
 * Moves fuzzy-match boundaries (within k units) to where the stored context ends and begins,
 * when the context agrees better there: an edit at the edge of the quote shifts the raw match.
 */
function alignToContext(text: string, form: Form, start: number, end: number, k: number): Span {
  let bestStart = start;
  let bestBefore = agreeBefore(text, start, form.prefix).matched;
  for (let s = Math.max(0, start - k); s <= Math.min(text.length, start + k); s++) {
    const m = agreeBefore(text, s, form.prefix).matched;
    if (m > bestBefore || (m === bestBefore && m > 0 && Math.abs(s - start) < Math.abs(bestStart - start))) {
      bestStart = s;
      bestBefore = m;
    }
  }
  let bestEnd = end;
  let bestAfter = agreeAfter(text, end, form.suffix).matched;
  for (let e = Math.max(0, end - k); e <= Math.min(text.length, end + k); e++) {
    const m = agreeAfter(text, e, form.suffix).matched;
    if (m > bestAfter || (m === bestAfter && m > 0 && Math.abs(e - end) < Math.abs(bestEnd - end))) {
      bestEnd = e;
      bestAfter = m;
    }
  }
  // Context that agrees only a unit or two (a space) is a coincidence, not a boundary.
  return {
    start: bestBefore >= 4 ? bestStart : start,
    end: bestAfter >= 4 ? bestEnd : end,
  };
}

// ---------------------------------------------------------------------------------------------
// Approximate matching

interface Span {
  start: number;
  end: number;
}

/**
 * Collects approximate matches of `quote` in text[lo, hi). approx-string-match reports only the
 * matches with the fewest edits, so the gaps around them are searched again for the runners-up:
 * a rival with one more edit is still a rival.
 */
function approximateIn(text: string, quote: string, k: number, lo: number, hi: number, depth: number, out: Span[]): void {
  if (hi - lo < quote.length - k || out.length >= MAX_FUZZY_CANDIDATES * 2) {
    return;
  }
  const found = search(text.slice(lo, hi), quote, k);
  if (found.length === 0) {
    return;
  }
  // Matches ending at neighbouring offsets are one place seen several times.
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const places: Span[] = [];
  for (const m of found) {
    const last = places[places.length - 1];
    if (last && lo + m.start < last.end) {
      continue;
    }
    places.push({ start: lo + m.start, end: lo + m.end });
  }
  out.push(...places);
  // Several equally good places already make a crowd that only context or nearness can sort
  // out; looking for worse ones between them would only cost time.
  if (depth >= 1 || places.length > 3) {
    return;
  }
  let cursor = lo;
  for (const p of places) {
    approximateIn(text, quote, k, cursor, p.start, depth + 1, out);
    cursor = p.end;
  }
  approximateIn(text, quote, k, cursor, hi, depth + 1, out);
}

/** One candidate per start (the same place found twice). */
function mergeByStart(candidates: Candidate[]): Candidate[] {
  const seen = new Map<number, Candidate>();
  for (const c of candidates) {
    seen.set(c.start, c);
  }
  return [...seen.values()];
}

function mergeOverlapping(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => b.agreement - a.agreement || a.distance - b.distance);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) {
      kept.push(c);
    }
  }
  return kept;
}

/** Levenshtein distance of a and b, or max + 1 once it is known to exceed max. */
function editDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) {
    return max + 1;
  }
  const over = max + 1;
  let previous = new Int32Array(n + 1).fill(over);
  let current = new Int32Array(n + 1).fill(over);
  for (let j = 0; j <= Math.min(n, max); j++) {
    previous[j] = j;
  }
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    current.fill(over);
    current[0] = i <= max ? i : over;
    let rowMin = current[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1, over);
      current[j] = v;
      if (v < rowMin) {
        rowMin = v;
      }
    }
    if (rowMin > max) {
      return over;
    }
    [previous, current] = [current, previous];
  }
  return Math.min(previous[n], over);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

/**
 * Whether a user-perceived character (grapheme cluster) boundary falls at `offset`, for what
 * articles contain: surrogate pairs, combining accents (NFD text), emoji with modifiers and ZWJ
 * sequences (👩‍👩‍👧), flags (two regional indicators, 🇦🇲), CR LF.
 */
function isClusterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) {
    return true;
  }
  if (!onBoundary(text, offset)) {
    return false;
  }
  const next = text.codePointAt(offset)!;
  const previous = codePointBefore(text, offset);
  if (previous === CR && next === LF) {
    return false;
  }
  if (previous === ZWJ || next === ZWJ || isExtender(next)) {
    return false;
  }
  if (isRegionalIndicator(previous) && isRegionalIndicator(next)) {
    // Inside a flag when an odd number of indicators precede: they pair from the left.
    let count = 0;
    for (let i = offset; i > 0 && isRegionalIndicator(codePointBefore(text, i)); i -= 2) {
      count++;
    }
    return count % 2 === 0;
  }
  return true;
}

const ZWJ = 0x200d;
const COMBINING = /^\p{M}$/u;

/** Code points that attach to the one before: combining marks, variation selectors, skin tones, tags. */
function isExtender(cp: number): boolean {
  return (
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x300 && COMBINING.test(String.fromCodePoint(cp)))
  );
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

function codePointBefore(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) {
      return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
  }
  return low;
}

/** Not between the two halves of a surrogate pair. */
function onBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) {
    return true;
  }
  const low = text.charCodeAt(offset);
  const high = text.charCodeAt(offset - 1);
  return !(low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff);
}

// ---------------------------------------------------------------------------------------------
// N-gram index

/** Units per indexed gram. */
const GRAM = 16;
/** Only every STRIDE-th offset is indexed: an eighth of the work, and tables that stay in cache. */
const STRIDE = 8;
/** The shortest needle the index can answer: some GRAM of it starts at an indexed offset. */
const INDEXED_NEEDLE = GRAM + STRIDE - 1;
const HASH_BASE = 0x01000193;

/**
 * Every STRIDE-th offset of the text, bucketed by a hash of the GRAM units starting there, so
 * that finding all occurrences of a needle in a megabyte costs a few bucket walks instead of a
 * scan. Built once per text, only when some anchor needs a look beyond its neighbourhood.
 */
class GramIndex {
  private readonly bucketStarts: Int32Array;
  private readonly offsets: Int32Array;
  private readonly bits: number;

  constructor(private readonly text: string) {
    const count = text.length >= GRAM ? Math.floor((text.length - GRAM) / STRIDE) + 1 : 0;
    this.bits = Math.max(8, Math.min(16, Math.ceil(Math.log2(count + 1))));
    const bucketOf = new Int32Array(count);
    const starts = new Int32Array((1 << this.bits) + 1);
    for (let n = 0; n < count; n++) {
      const b = this.bucket(hashOf(text, n * STRIDE));
      bucketOf[n] = b;
      starts[b + 1]++;
    }
    for (let b = 1; b < starts.length; b++) {
      starts[b] += starts[b - 1];
    }
    const fill = starts.slice(0, starts.length - 1);
    const offsets = new Int32Array(count);
    for (let n = 0; n < count; n++) {
      offsets[fill[bucketOf[n]]++] = n * STRIDE;
    }
    this.bucketStarts = starts;
    this.offsets = offsets;
  }

  /**
   * Every offset where `needle` (at least INDEXED_NEEDLE units) occurs, in no particular order;
   * undefined if that would mean walking more than `limit` indexed offsets (a needle that
   * common says little anyway).
   */
  occurrences(needle: string, limit = Infinity): number[] | undefined {
    const walks = this.walks(needle);
    let total = 0;
    for (const [bucket] of walks) {
      total += this.size(bucket);
    }
    if (total > limit) {
      return undefined;
    }
    const out: number[] = [];
    for (const [bucket, offset] of walks) {
      for (let p = this.bucketStarts[bucket]; p < this.bucketStarts[bucket + 1]; p++) {
        const at = this.offsets[p] - offset;
        if (at >= 0 && this.text.startsWith(needle, at)) {
          out.push(at);
        }
      }
    }
    return out;
  }

  /**
   * The buckets to walk for a needle, with the needle offset of each one's gram. An occurrence
   * at o has indexed offsets o + g for the g ≡ -o (mod STRIDE): one walk per residue, each
   * through the bucket of that residue's rarest gram (a needle starting with a common word
   * would otherwise visit every occurrence of the word).
   */
  private walks(needle: string): [number, number][] {
    const last = needle.length - GRAM;
    const walks: [number, number][] = [];
    for (let first = 0; first < STRIDE; first++) {
      let bestOffset = first;
      let bestBucket = this.bucket(hashOf(needle, first));
      const step = STRIDE * Math.max(1, Math.floor((last - first) / STRIDE / 6));
      for (let g = first + step; g <= last; g += step) {
        const b = this.bucket(hashOf(needle, g));
        if (this.size(b) < this.size(bestBucket)) {
          bestBucket = b;
          bestOffset = g;
        }
      }
      walks.push([bestBucket, bestOffset]);
    }
    return walks;
  }

  private size(bucket: number): number {
    return this.bucketStarts[bucket + 1] - this.bucketStarts[bucket];
  }

  private bucket(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> (32 - this.bits);
  }
}

/** A hash of every fourth unit of the GRAM at `at`: a quarter of the reads, and still seldom shared by two grams (the bucket walk checks). */
function hashOf(s: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + GRAM; i += 4) {
    h = (Math.imul(h, HASH_BASE) + s.charCodeAt(i)) | 0;
  }
  return h;
}

/**
 * Re-attaches every anchor of an article to `text`, in place: claims and actors keep their
 * anchor objects, and an anchor found again loses its orphan flag. Returns one result per
 * anchor, mentions first, then claims.
 */
export function reattachAnnotations(text: string, annotations: Annotations, options: ReattachOptions = {}): Reattachment[] {
  const anchors = allAnchors(annotations);
  const results = reattachAll(text, anchors, options);
  results.forEach((result, i) => {
    delete anchors[i].orphaned;
    Object.assign(anchors[i], result.anchor);
  });
  return results;
}
