// Conversion between code-point offsets (the sidecar, brat, W3C selectors) and JavaScript/VS Code UTF-16 offsets: the one place it happens.

import { lowerBound, partitionPoint } from './search';

/**
 * Indexes the astral characters (those stored as a UTF-16 surrogate pair) of a text, so
 * that code-point offsets and UTF-16 offsets convert in O(log n) without rescanning.
 * Everything outside the sidecar codec works in UTF-16 offsets (string indices, VS Code
 * document offsets); the sidecar, brat and W3C selectors speak code points.
 */
export class CodePointIndex {
  /** UTF-16 offsets of every astral character's high surrogate, ascending. */
  private readonly astralUtf16: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    this.utf16Length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astralUtf16.push(i);
          i++;
        }
      }
    }
    this.codePointLength = this.utf16Length - this.astralUtf16.length;
  }

  /**
   * The UTF-16 offset of a code-point offset. Returns undefined outside the text.
   */
  toUtf16(codePoint: number): number | undefined {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.codePointLength) {
      return undefined;
    }
    // The k-th astral character sits at code point astralUtf16[k] - k; count those before codePoint.
    const astral = this.astralUtf16;
    return codePoint + partitionPoint(astral.length, (k) => astral[k] - k < codePoint);
  }

  /**
   * The code-point offset of a UTF-16 offset. An offset between the two halves of a
   * surrogate pair is not a character boundary and returns undefined.
   */
  toCodePoint(utf16: number): number | undefined {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.utf16Length) {
      return undefined;
    }
    const lo = lowerBound(this.astralUtf16, utf16);
    if (lo > 0 && this.astralUtf16[lo - 1] === utf16 - 1) {
      return undefined;
    }
    return utf16 - lo;
  }
}

/** The length of a string in code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
      }
    }
    n++;
  }
  return n;
}

/**
 * Up to `count` code points of `text` ending at UTF-16 offset `end` (the W3C
 * TextQuoteSelector prefix), never splitting a surrogate pair.
 */
export function contextBefore(text: string, end: number, count: number): string {
  let i = end;
  for (let n = 0; n < count && i > 0; n++) {
    i--;
    if (i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) {
      i--;
    }
  }
  return text.slice(i, end);
}

/** Up to `count` code points of `text` starting at UTF-16 offset `start` (the suffix). */
export function contextAfter(text: string, start: number, count: number): string {
  let i = start;
  for (let n = 0; n < count && i < text.length; n++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
    }
    i++;
  }
  return text.slice(start, i);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The article text as Newsmark counts it: the file decoded as UTF-8 without a leading
 * byte-order mark. The mark is an encoding signature, not text; VS Code drops it from
 * documents, so the command-line tool must too or offsets would differ by one.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * How a standoff format's offsets count the text. brat documents offsets as code points of the
 * .txt, \r included; brat's own editor counts a Windows line break as one character
 * (nlplab/brat#853), so files it wrote over CRLF text are read that way when, and only when,
 * the plain reading does not fit.
 */
export type OffsetCounting = 'code-points' | 'crlf-as-one';

/** Offsets in one counting of a text, converted to and from UTF-16 offsets into it. */
export interface OffsetSpace {
  /** Code points in this counting → UTF-16 offset into the text. */
  toUtf16(offset: number): number | undefined;
  fromUtf16(utf16: number): number | undefined;
  length: number;
}

/** The offset space of `text` in `counting`. */
export function offsetSpace(text: string, counting: OffsetCounting): OffsetSpace {
  if (counting === 'code-points' || !text.includes('\r\n')) {
    const index = new CodePointIndex(text);
    return { toUtf16: (o) => index.toUtf16(o), fromUtf16: (u) => index.toCodePoint(u), length: index.codePointLength };
  }
  const folded = text.replace(/\r\n/g, '\n');
  const index = new CodePointIndex(folded);
  // UTF-16 positions of each CRLF's \r in the text, and of its \n in the folded text.
  const crInText: number[] = [];
  const lfInFolded: number[] = [];
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) {
    lfInFolded.push(i - crInText.length);
    crInText.push(i);
  }
  return {
    toUtf16(offset) {
      const u = index.toUtf16(offset);
      return u === undefined ? undefined : u + lowerBound(lfInFolded, u);
    },
    fromUtf16(u) {
      if (u > 0 && text.charCodeAt(u - 1) === 13 && text.charCodeAt(u) === 10) {
        return undefined;
      }
      return index.toCodePoint(u - lowerBound(crInText, u));
    },
    length: index.codePointLength,
  };
}
