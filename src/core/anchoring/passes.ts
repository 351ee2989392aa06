// The two passes of re-attaching every anchor of an article: the certain ones where their neighbours say they went, then the rest.

import type { Anchor } from '../model';
import { Alignment, type Witnesses } from './alignment';
import type { Article } from './article';
import type { Expected } from './candidate';
import { hintOf, orphan, type Reattachment } from './results';
import { BRACKET_SLACK, CONFIRM_GAP, CONFIRM_SLACK, HINT_SLACK, MAX_BRACKET, MAX_GAP_SLACK, PAIR_SLACK, PINPOINT } from './thresholds';

/**
 * One run of re-attachment over the anchors of an article. Anchors are visited in the order of
 * their old offsets (`k` below counts in that order; `i` is the anchor's index as given), and
 * each one found tells how far its stretch of text moved.
 */
export class Passes {
  /** One entry per anchor, as given; undefined until it is decided. */
  readonly results: (Reattachment | undefined)[];
  /** Not clamped: past the end of a shortened text, a hint plus its neighbour's shift is still right. */
  private readonly hints: number[];
  private readonly order: number[];
  /**
   * How many anchors the second pass has placed so far. An anchor's neighbours, and so what it is
   * expected and vouched for by, change only when one is placed.
   */
  private placed = 0;

  constructor(
    private readonly article: Article,
    private readonly anchors: readonly Anchor[],
  ) {
    this.results = new Array(anchors.length);
    this.hints = anchors.map(hintOf);
    this.order = anchors.map((_, i) => i).sort((a, b) => this.hints[a] - this.hints[b] || a - b);
  }

  /** How far anchor k (in old order) moved, if it was found. */
  private shiftAt(k: number | undefined): number | undefined {
    const found = k === undefined ? undefined : this.results[this.order[k]];
    return found && found.method !== 'orphaned' ? found.anchor.start - this.hints[this.order[k!]] : undefined;
  }

  /**
   * Where anchor k (in old order) should be, from the found anchors `behind` and `ahead` of it.
   * Edits between two anchors add up, so a text that survived between two found neighbours
   * moved by an amount between theirs: that bracket, with a little slack, is "near". With one
   * neighbour, its shift plus slack for the edits in the gap; with none, the stored offset.
   */
  private expectedFor(k: number, behind: number | undefined, ahead: number | undefined): Expected[] {
    const hint = this.hints[this.order[k]];
    const b = this.shiftAt(behind);
    const a = this.shiftAt(ahead);
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
        const gap = Math.abs(hint - this.hints[this.order[n]]);
        expected.push({ at: hint + shift, slack: HINT_SLACK + Math.min(MAX_GAP_SLACK, Math.floor(gap / 8)) });
      }
    }
    return expected.length > 0 ? expected : [{ at: hint, slack: HINT_SLACK }];
  }

  /**
   * First pass: only what is certain from a look around the expected place, carrying the
   * shift of the last anchor found to the next, so most anchors cost one comparison. After a
   * jump (a passage deleted or moved before them), two consecutive anchors found whole at the
   * same new shift vouch for each other and carry the new shift on.
   */
  firstPass(): void {
    const { anchors, hints, order, results } = this;
    let last: number | undefined;
    let pending: { k: number; found: Reattachment } | undefined;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      // With no neighbour found yet, nothing says how far the text drifted: only the old offset
      // itself counts as near (a copy of the passage can sit a few hundred units away).
      const expected = last === undefined ? [{ at: hints[i], slack: PINPOINT }] : this.expectedFor(k, last, undefined);
      const found = this.article.locate(anchors[i], expected, undefined);
      if (found) {
        results[i] = found;
        last = k;
        pending = undefined;
        continue;
      }
      const guess = this.article.wholeInWindow(anchors[i], expected);
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
  }

  /**
   * The map from old text to new that the first pass found, and (in `article.survival`) what
   * share of the anchors it found where expected, with all their context: how much of this is
   * the same article, edited. Where most of it is gone, a look-alike near an anchor's old place
   * is far more likely than its own text. (Smoothed, so that a handful of anchors, most of them
   * deleted on purpose, says little.)
   */
  alignment(): Alignment {
    const placed: [number, number][] = [];
    for (let k = 0; k < this.order.length; k++) {
      const shift = this.shiftAt(k);
      if (shift !== undefined) {
        placed.push([this.hints[this.order[k]] + shift, this.hints[this.order[k]]]);
      }
    }
    this.article.survival = (placed.length + 2) / (this.anchors.length + 2);
    return new Alignment(placed);
  }

  /**
   * Then the rest, searched everywhere but expected where their nearest found neighbours say
   * their passage went: forwards, then backwards for what a later neighbour could vouch for.
   */
  secondPass(alignment: Alignment): void {
    const { order, results } = this;
    const tried = new Map<number, number>();
    for (const forwards of [true, false]) {
      const ahead = this.foundAhead(forwards);
      let behind: number | undefined;
      for (let n = 0; n < order.length; n++) {
        const k = forwards ? n : order.length - 1 - n;
        const i = order[k];
        if (results[i] === undefined || results[i]?.method === 'orphaned') {
          this.placeRest(k, this.expectedFor(k, behind, ahead[k]), alignment, tried);
        }
        if (this.shiftAt(k) !== undefined) {
          behind = k;
        }
      }
    }
  }

  /** For each k, the nearest found anchor after it in the direction of the sweep. */
  private foundAhead(forwards: boolean): (number | undefined)[] {
    const ahead: (number | undefined)[] = new Array(this.order.length);
    let seen: number | undefined;
    for (let n = 0; n < this.order.length; n++) {
      const k = forwards ? this.order.length - 1 - n : n;
      ahead[k] = seen;
      if (this.shiftAt(k) !== undefined) {
        seen = k;
      }
    }
    return ahead;
  }

  /**
   * Searches for anchor k everywhere, unless it was already searched for with nothing placed since:
   * with the same neighbours found, the same expectations and witnesses give the same answer. (The
   * same expected places are not enough: an anchor placed meanwhile redraws the alignment, and a
   * place judged old text from elsewhere may now be where a passage moved in.)
   */
  private placeRest(k: number, expected: Expected[], alignment: Alignment, tried: Map<number, number>): void {
    const i = this.order[k];
    if (tried.get(i) === this.placed) {
      return;
    }
    tried.set(i, this.placed);
    const found = this.article.locate(this.anchors[i], expected, this.witnessesFor(k, alignment)) ?? orphan(this.article.text, this.anchors[i], 'not-found');
    this.results[i] = found;
    if (found.method !== 'orphaned') {
      alignment.add(found.anchor.start, this.hints[i]);
      this.placed++;
    }
  }

  /** What the anchors placed so far say about places for anchor k. */
  private witnessesFor(k: number, alignment: Alignment): Witnesses {
    const { anchors, hints, order } = this;
    const i = order[k];
    return {
      confirm: (start) => {
        const shift = start - hints[i];
        for (const m of [k - 1, k + 1, k - 2, k + 2]) {
          const j = order[m];
          if (j === undefined || !apart(anchors[i], anchors[j])) {
            // A neighbour whose stored text overlaps this one's (a name inside an annotated
            // claim, the same anchor twice) would move with it whatever happened.
            continue;
          }
          const moved = this.shiftAt(m);
          const slack = confirmSlack(hints[i], hints[j]);
          if (moved !== undefined ? Math.abs(moved - shift) <= slack : Math.abs(hints[i] - hints[j]) >= CONFIRM_GAP && this.article.hasWholeContextNear(anchors[j], hints[j] + shift, slack)) {
            return slack;
          }
        }
        return undefined;
      },
      judge: (start, end) => alignment.judge(start, end - start, hints[i]),
      insertedAt: (start) => alignment.inserted(start),
    };
  }
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
