// Untrusted text made safe to show: every kind of line break, and bidirectional controls shown instead of applied.

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
