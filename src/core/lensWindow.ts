// Which lines of a long article get claim lenses: the editor moves every lens of a document at each keystroke, so a long one gets them only around what is shown.

/** Lines, first and last included, counted from 0. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/** Up to this many claims, an article has all its lenses: the window only matters for long articles. */
export const ALL_LENSES_UP_TO = 200;
/** Lines served beyond each edge of what is shown. */
export const LENS_MARGIN_LINES = 150;
/** Lenses are asked for again once what is shown comes this close to an edge of the served lines. */
export const LENS_SLACK_LINES = 50;

/**
 * The lines whose claims get lenses, for the parts shown (any number of editors; none: the top), in a document of
 * `lineCount` lines: from the first shown line less the margin to the last plus the margin.
 */
export function lensWindow(shown: readonly LineSpan[], lineCount: number, margin = LENS_MARGIN_LINES): LineSpan {
  const last = Math.max(0, lineCount - 1);
  if (shown.length === 0) {
    return { start: 0, end: Math.min(last, 2 * margin) };
  }
  const start = Math.min(...shown.map((s) => s.start));
  const end = Math.max(...shown.map((s) => s.end));
  return { start: Math.max(0, start - margin), end: Math.min(last, end + margin) };
}

/**
 * Whether the lenses served for `served` no longer cover what is shown with room to spare: some shown line is
 * within `slack` lines of an edge of the window that is not an edge of the document.
 */
export function windowOutgrown(served: LineSpan, shown: readonly LineSpan[], lineCount: number, slack = LENS_SLACK_LINES): boolean {
  const last = Math.max(0, lineCount - 1);
  return shown.some((s) => (served.start > 0 && s.start < served.start + slack) || (served.end < last && s.end > served.end - slack));
}
