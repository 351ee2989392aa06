// The ways an anchor's stored quote and context may be written now, and the needles that find the places that can matter.

import { CONTEXT_LENGTH, type Anchor } from '../model';
import { codePointLength } from '../offsets';
import { INDEXED_NEEDLE } from './ngram';
import { MARGIN, MIN_AGREEMENT } from './thresholds';

/** One way of writing the stored quote and context: as stored, or re-normalized (NFC/NFD, line endings). */
export interface Form {
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

export function formOf(quote: string, prefix: string, suffix: string): Form {
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
export function variantsOf(anchor: Anchor): Form[] {
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

export interface Needle {
  text: string;
  /** From where the needle is found to where the quote starts. */
  shift: number;
}

/**
 * What to look for to find the places that can matter. A short quote is worth taking only with
 * enough context beside it, so it is looked for together with a piece of its prefix and,
 * separately, of its suffix: fewer, more telling hits than the bare word.
 */
export function needlesOf(form: Form): Needle[] {
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
