// Re-attaches anchors to an article that changed outside the editor: by position, by exact quote, then by fuzzy match.
//
// The steps live one idea a file: the search for one anchor (article.ts) over its forms and
// needles (forms.ts), scored by context agreement (context.ts, candidate.ts) and decided
// (decisions.ts) against thresholds (thresholds.ts); whole articles in two passes (passes.ts)
// that learn how the text moved (alignment.ts); big texts through an n-gram index (ngram.ts),
// changed wording by approximate matching (fuzzy.ts), never splitting a character (boundaries.ts).

import { allAnchors, type Annotations, type Anchor } from '../model';
import { Article } from './article';
import { Passes } from './passes';
import { hintOf, orphan, type ReattachOptions, type Reattachment } from './results';
import { HINT_SLACK } from './thresholds';

export type { ReattachMethod, ReattachOptions, Reattachment } from './results';
export { FUZZY_MIN_QUOTE } from './thresholds';

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
  const passes = new Passes(new Article(text, options), anchors);
  passes.firstPass();
  passes.secondPass(passes.alignment());
  return passes.results as Reattachment[];
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
