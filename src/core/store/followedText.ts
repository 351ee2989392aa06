// An article's text as the edits reported leave it, kept as pieces of the texts before and made whole only when asked for.

import { lastFirst, type TextEdit } from '../edits';

/**
 * Pieces past this are joined at the next edit: one copy of the text every few hundred
 * keystrokes, so that neither the pieces nor the join grow with a long stretch of typing.
 */
const MOST_PIECES = 512;

/**
 * The text of an article as its edits leave it. At each keystroke it takes the edit and
 * keeps the pieces of text around it, which are slices of the text before and need no copy;
 * the text is joined into one string only when it is read. Building a long article's text
 * at each keystroke (from the editor, or by slicing the text before) took longer than the
 * rest of the keystroke's work.
 */
export class FollowedText {
  private pieces: string[];
  private joined: string | undefined;
  private size: number;

  constructor(text: string) {
    this.pieces = [text];
    this.joined = text;
    this.size = text.length;
  }

  get length(): number {
    return this.size;
  }

  get text(): string {
    return this.join();
  }

  private join(): string {
    if (this.joined === undefined) {
      this.joined = this.pieces.join('');
      this.pieces = [this.joined];
    }
    return this.joined;
  }

  /**
   * Takes one event's edits, each against the text before them all (as VS Code reports
   * them). False, with the text unchanged, when one falls outside the text or two overlap,
   * which no editor reports.
   */
  follow(edits: readonly TextEdit[]): boolean {
    const ordered = lastFirst(edits);
    let end = this.size;
    for (const edit of ordered) {
      if (edit.offset < 0 || edit.length < 0 || edit.offset + edit.length > end) {
        return false;
      }
      end = edit.offset;
    }
    if (this.pieces.length > MOST_PIECES) {
      this.join();
    }
    for (const edit of ordered) {
      this.pieces = replaced(this.pieces, edit);
      this.size += edit.text.length - edit.length;
    }
    this.joined = this.pieces.length === 1 ? this.pieces[0] : undefined;
    return true;
  }
}

/** The pieces with `edit` made, the edit within them (checked by the caller). */
function replaced(pieces: readonly string[], edit: TextEdit): string[] {
  const out: string[] = [];
  const end = edit.offset + edit.length;
  let at = 0;
  let i = 0;
  for (; i < pieces.length && at + pieces[i].length <= edit.offset; i++) {
    out.push(pieces[i]);
    at += pieces[i].length;
  }
  if (i < pieces.length && edit.offset > at) {
    out.push(pieces[i].slice(0, edit.offset - at));
  }
  if (edit.text) {
    out.push(edit.text);
  }
  for (; i < pieces.length && at + pieces[i].length <= end; i++) {
    at += pieces[i].length;
  }
  if (i < pieces.length && end > at) {
    out.push(pieces[i].slice(end - at));
    i++;
  }
  for (; i < pieces.length; i++) {
    out.push(pieces[i]);
  }
  return out;
}
