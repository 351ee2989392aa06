// The highlights of an article in groups drawn one at a time, and what the editor shows of each group as the text is edited.

import type { TextEdit } from './edits';
import type { Anchor, Annotations, Claim } from './model';

/** One highlight: an anchor drawn with the decoration `key` (an actor type, a claim's status or verdict). */
export interface Highlight {
  readonly anchor: Anchor;
  readonly key: string;
  /** A claim's highlight also says when its wording changed. */
  readonly claim: boolean;
}

/** How many highlights one group holds: an edit redraws the groups it touched, each at most this many. */
export const GROUP_SIZE = 256;

/**
 * Past this many mentions, the overview ruler marks claims only: thousands of marks fill it from top to bottom and
 * say nothing, and the editor draws every mark of the ruler again at each keystroke.
 */
export const RULER_MENTIONS_UP_TO = 2000;

/** Whether the overview ruler marks an article's mentions as well as its claims. */
export function rulerMarksMentions(annotations: Annotations): boolean {
  let mentions = 0;
  for (const actor of annotations.actors) {
    mentions += actor.mentions.length;
    if (mentions > RULER_MENTIONS_UP_TO) {
      return false;
    }
  }
  return true;
}

/** Keys of the highlights, from the settings the editor knows. */
export interface HighlightKeys {
  actor(type: string): string;
  claim(claim: Claim): string;
}

/** Every anchor of the annotations, orphans included (they are drawn as nothing), in the order of the text. */
export function highlightsOf(annotations: Annotations, keys: HighlightKeys): Highlight[] {
  const out: Highlight[] = [];
  for (const actor of annotations.actors) {
    const key = keys.actor(actor.type);
    for (const anchor of actor.mentions) {
      out.push({ anchor, key, claim: false });
    }
  }
  for (const claim of annotations.claims) {
    out.push({ anchor: claim.anchor, key: keys.claim(claim), claim: true });
  }
  return out.sort((a, b) => a.anchor.start - b.anchor.start);
}

/** Splits highlights (in the order of the text) into groups of GROUP_SIZE, carrying over what the editor shows of each. */
export function groupHighlights(highlights: readonly Highlight[], before: readonly HighlightGroup[] = [], size = GROUP_SIZE): HighlightGroup[] {
  const groups: HighlightGroup[] = [];
  for (let at = 0, index = 0; at < highlights.length || index < before.length; at += size, index++) {
    groups.push(new HighlightGroup(highlights.slice(at, at + size), before[index]));
  }
  return groups;
}

/** A highlight as drawn: its span and whether it is marked as changed; undefined when nothing is drawn. */
interface Shown {
  start: number;
  end: number;
  key: string;
  changed: boolean;
}

/** What to draw for a group: the spans of each decoration key, keys that draw nothing now included. */
export type GroupDrawing = Map<string, [number, number][]>;

/**
 * A run of highlights drawn with decoration types of their own, and what the editor shows of
 * them. The editor moves a decoration with the text around it just as an anchor is shifted,
 * as long as no edit touches it; only a group whose highlights an edit touched (or that
 * changed otherwise) needs drawing again.
 */
export class HighlightGroup {
  /** Per highlight, what the editor shows, with `offset` still to add; undefined: nothing, or not known. */
  private readonly shown: (Shown | undefined)[];
  /** Added to every shown span: an edit before the whole group moves it without a walk. */
  private offset = 0;
  /** The smallest start and the largest end shown, without `offset`; undefined when nothing is. */
  private first?: number;
  private last?: number;
  /** Whether what the editor shows is not known (never drawn, or touched by an edit). */
  private unknown: boolean;
  /** Keys the editor shows something of in this group. */
  private keys: ReadonlySet<string>;

  constructor(
    readonly highlights: readonly Highlight[],
    before?: HighlightGroup,
  ) {
    this.keys = before?.keys ?? new Set();
    const same = before !== undefined && !before.unknown && before.highlights.length === highlights.length && before.highlights.every((h, i) => h.anchor === highlights[i].anchor);
    this.unknown = !same;
    this.shown = same ? before.shown.map((s) => s && { ...s, start: s.start + before.offset, end: s.end + before.offset }) : [];
    this.measure();
  }

  private measure(): void {
    this.first = this.last = undefined;
    for (const s of this.shown) {
      if (s) {
        this.first = this.first === undefined ? s.start : Math.min(this.first, s.start);
        this.last = this.last === undefined ? s.end : Math.max(this.last, s.end);
      }
    }
  }

  /** Whether the editor must be told anything for this group. */
  get needsDrawing(): boolean {
    return this.unknown;
  }

  /**
   * Follows edits (as one change event reports them, against the text before) the way the
   * editor moves its decorations. Returns true, and forgets what is shown, when an edit
   * touches a drawn highlight: the editor cuts or collapses such a decoration its own way, and
   * its wording may have changed. A group not drawn yet is left to the drawing under way.
   */
  follow(edits: readonly TextEdit[]): boolean {
    if (this.unknown) {
      return false;
    }
    for (const edit of edits.length > 1 ? [...edits].sort((a, b) => b.offset - a.offset) : edits) {
      if (!this.followOne(edit)) {
        this.unknown = true;
        return true;
      }
    }
    return false;
  }

  private followOne(edit: TextEdit): boolean {
    const end = edit.offset + edit.length;
    const delta = edit.text.length - edit.length;
    const { first, last } = this;
    if (last === undefined || first === undefined || last + this.offset < edit.offset) {
      return true; // Nothing drawn, or all of it before the edit.
    }
    if (first + this.offset > end) {
      this.offset += delta;
      return true;
    }
    // The edit falls between drawn highlights: those after it move, and so does the last end.
    for (const s of this.shown) {
      if (!s) {
        continue;
      }
      const start = s.start + this.offset;
      if (s.end + this.offset >= edit.offset && start <= end) {
        return false;
      }
      if (start > end) {
        s.start += delta;
        s.end += delta;
      }
    }
    this.last = last + delta;
    return true;
  }

  /**
   * What the editor should show of this group now, or undefined when it already does.
   * `changed(anchor)`: whether a claim's span holds other words than its quote.
   */
  drawing(changed: (anchor: Anchor) => boolean, changedKey: string, force = false): GroupDrawing | undefined {
    const wanted = this.highlights.map((h): Shown | undefined =>
      h.anchor.orphaned ? undefined : { start: h.anchor.start, end: h.anchor.end, key: h.key, changed: h.claim && changed(h.anchor) },
    );
    if (!force && !this.unknown && wanted.every((w, i) => sameShown(w, this.shown[i], this.offset))) {
      return undefined;
    }
    const drawing: GroupDrawing = new Map([...this.keys].map((key) => [key, []]));
    const add = (key: string, start: number, end: number) => {
      const list = drawing.get(key);
      if (list) {
        list.push([start, end]);
      } else {
        drawing.set(key, [[start, end]]);
      }
    };
    for (const w of wanted) {
      if (w) {
        add(w.key, w.start, w.end);
        if (w.changed) {
          add(changedKey, w.start, w.end);
        }
      }
    }
    this.shown.length = 0;
    this.shown.push(...wanted);
    this.offset = 0;
    this.unknown = false;
    this.measure();
    this.keys = new Set([...drawing].filter(([, spans]) => spans.length > 0).map(([key]) => key));
    return drawing;
  }

  /** Whether any highlight of the group lies in [start, end] (offsets of the current text). */
  overlaps(start: number, end: number): boolean {
    return this.highlights.some((h) => !h.anchor.orphaned && h.anchor.end >= start && h.anchor.start <= end);
  }
}

function sameShown(wanted: Shown | undefined, shown: Shown | undefined, offset: number): boolean {
  if (!wanted || !shown) {
    return wanted === shown;
  }
  return wanted.start === shown.start + offset && wanted.end === shown.end + offset && wanted.key === shown.key && wanted.changed === shown.changed;
}
