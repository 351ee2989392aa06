// Text helpers of the core, one home each: untrusted text made safe to show (every line break, bidirectional controls shown), and short messages.

/**
 * Every line break a reader of ours may honour: CRLF, a lone CR (Markdown and spreadsheets
 * both take it as a line end), LF, NEL (U+0085) and the Unicode line and paragraph separators.
 */
export const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * The bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), the marks (U+200E, U+200F) and the Arabic letter mark (U+061C). Applied,
 * they reorder what follows, so "Person\u202Etxt.exe" reads as "Personexe.txt".
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The visible stand-in for a bidirectional control: `⟨U+202E⟩`. */
const MARKER = /⟨U\+(202[A-E]|206[6-9]|200[EF]|061C)⟩/g;

/** Shows each bidirectional control as a marker such as `⟨U+202E⟩`, so text reads in the order it is stored. */
export function showControls(text: string): string {
  return text.replace(BIDI_CONTROL, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * Turns the markers `showControls` writes back into the characters. Only for text Newsmark
 * itself wrote into a file it reads again (brat notes), so that a round trip keeps the note.
 */
export function restoreControls(text: string): string {
  return text.replace(MARKER, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text on one line: every line break, of any kind, becomes one space. */
export function foldLineBreaks(text: string): string {
  return text.replace(LINE_BREAK, ' ');
}

/** The lines of a text, split at every kind of line break. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** Text for a single-line place (a hover, a table cell, a spreadsheet cell): one line, controls shown. */
export function oneLine(text: string): string {
  return showControls(foldLineBreaks(text));
}

/**
 * Text for a one-line message, cut with an ellipsis at `max` units: line breaks and tabs shown
 * as ⏎ and ⇥, so a quote from the article cannot break the message's line or hide its spaces.
 */
export function shorten(text: string, max = 60): string {
  const line = text.replace(LINE_BREAK, '⏎').replace(/\t/g, '⇥');
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/** Text on one line, cut with an ellipsis: how quotes show in hovers, views, pickers and messages. */
export function snippet(text: string, max = 60): string {
  const line = showControls(foldLineBreaks(text).replace(/\s+/g, ' ').trim());
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** "1 sidecar", "2 sidecars": a number with its noun, plural unless one. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Levenshtein distance of a and b, or max + 1 once it is known to exceed max: only a band of
 * the table is filled, so comparing long texts for a few edits stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
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
