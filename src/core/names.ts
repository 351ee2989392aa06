// Names and spans as a fact-checker means them: a double-click on "Armenia’s" or "(Armenia)," marks Armenia.

/** Quotes, brackets and punctuation that are never part of a name at its edges. */
const LEADING = /^[\s"'“”‘’«»„‚‹›([{<–—\-*_]+/u;
const TRAILING = /[\s"'“”‘’«»„‚‹›)\]}>–—\-*_,;:!?…]+$/u;
/** "Armenia’s", "Armenia's": the possessive is not part of the name. */
const POSSESSIVE = /(?<=\p{L})['’]s$/u;
/** "the Allies’": a plural possessive keeps its s but loses the apostrophe. */
const PLURAL_POSSESSIVE = /(?<=\p{L}s)['’]$/u;
/** Initialisms keep their last full stop: "U.S.", "U.N.". */
const INITIALISM = /(?:^|\s)(?:\p{L}\.){2,}$/u;

/**
 * The part of text[start, end) that is the name: whitespace, quotes, brackets, trailing
 * punctuation and a possessive ’s trimmed off, repeatedly, so "“Armenia’s”," gives "Armenia".
 * Returns the span unchanged when trimming would leave nothing.
 */
export function nameSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  for (;;) {
    const piece = text.slice(s, e);
    const lead = LEADING.exec(piece)?.[0].length ?? 0;
    let trail = TRAILING.exec(piece)?.[0].length ?? 0;
    const body = piece.slice(lead, piece.length - trail);
    if (!trail && body.endsWith('.') && !INITIALISM.test(body)) {
      trail = 1;
    } else if (!trail) {
      trail = POSSESSIVE.exec(body)?.[0].length ?? PLURAL_POSSESSIVE.exec(body)?.[0].length ?? 0;
    }
    if (!lead && !trail) {
      return { start: s, end: e };
    }
    if (s + lead >= e - trail) {
      return { start, end };
    }
    s += lead;
    e -= trail;
  }
}

/** A name with its edges trimmed as nameSpan trims a span: "Armenia’s" → "Armenia". */
export function cleanName(name: string): string {
  const { start, end } = nameSpan(name, 0, name.length);
  return name.slice(start, end).trim();
}
