// Thresholds of re-attachment, each with the reason for its value.
//
// Lengths are UTF-16 units; "agreement" counts units of quote and context that the text at a
// candidate place reproduces.

/**
 * Units of quote and context a place must reproduce to be taken. A short name ("CSTO") needs
 * about twenty units of its context beside it: its bare occurrences are everywhere.
 */
export const MIN_AGREEMENT = 24;
/** A fuzzy place carries less certainty than an exact one; ask for more. */
export const MIN_FUZZY_AGREEMENT = 32;
/** A rival within this much agreement of the best place makes the choice a guess. */
export const MARGIN = 8;
/** An approximate match costs this much agreement per edit: each is evidence against it. */
export const ERROR_COST = 2;
/** Shorter quotes are only matched exactly: at two or three letters anything is "similar". */
export const FUZZY_MIN_QUOTE = 8;
/**
 * When content cannot tell places apart, nearness may: only a place near where the anchor is
 * expected, with every rival at least {@link FAR} (and many times further) away.
 */
export const FAR = 256;
export const FAR_RATIO = 8;
/**
 * A place is taken on two independent pieces of evidence, never one. Near where the anchor is
 * expected (see {@link Expected}): nearness, plus context agreeing on one side (at least SIDE
 * units) or a long quote reproduced (nearly) verbatim. Far from it: a neighbouring anchor that
 * moved by the same amount, or agreeing text that the article's phrasing makes unlikely to
 * occur twice (see fewCopies). News is full of boilerplate ("… said on Tuesday that the CSTO
 * failed to respond to requests for help"); when the annotated sentence was deleted, a sentence
 * built the same way elsewhere can reproduce its whole stored neighbourhood.
 */
export const SIDE = 8;
/** How far off the stored offset may be and still count as near: the drift of unseen edits before it. */
export const HINT_SLACK = 256;
/**
 * An offset predicted from one neighbour's shift may be off as much, plus an eighth of the gap
 * to it (at most MAX_GAP_SLACK): a deleted sentence between them is not bounded by anything else.
 */
export const MAX_GAP_SLACK = 224;
/** How far apart two consecutive anchors' shifts may be and still say "moved together". */
export const PAIR_SLACK = 32;
/** The same around the bracket of two neighbours' shifts, when they differ by at most MAX_BRACKET. */
export const BRACKET_SLACK = 32;
export const MAX_BRACKET = 1024;
/** A quote this long found verbatim near where it is expected stands on its own, without context. */
export const LONG_QUOTE = 24;
/** Units per step of the phrase chain in fewCopies (the index answers needles this long). */
export const PHRASE = 24;
/** The first pass takes a place with all its context only this near (see Candidate.nearSpan) where expected. */
export const FIRST_PASS_SPAN = 128;
/** Below this share of anchors found in the first pass, the text is taken to be mostly new. */
export const MOSTLY_GONE = 0.25;
/** Chance of a look-alike within the near window that a near place may carry. */
export const NEAR_RISK = 0.001;
/** A near window this narrow (the place within a few units of where its neighbours put it) is evidence in itself. */
export const PINPOINT = 16;
/** The near window is never taken narrower than this beside the quote: offsets drift a little anyway. */
export const NEAR_SPAN_MIN = 32;
/** Copies of a far place's agreeing text the article may predict before the place is doubted. */
export const BOILERPLATE_RISK = 0.001;
/** The same, for a place in text put in since (a copy would have to fall in that text too). */
export const MOVED_RISK = 0.01;
/** How far the placed anchors may put an old offset from a candidate's and still call it the same. */
export const ALIGN_SLACK = 32;
/** Two placed anchors further apart than this in the old text do not vouch for what lies between them. */
export const SAME_SPAN = 1 << 14;
/** See confirmSlack. */
export const CONFIRM_SLACK = 16;
/** See Witnesses.confirm. */
export const CONFIRM_GAP = 256;
/** See ReattachOptions.window. */
export const DEFAULT_WINDOW = 2048;
/** Below this length the whole text is scanned directly; above, through an n-gram index. */
export const INDEX_MIN_TEXT = 1 << 16;
/** Pieces of a quote found more often than this are not used to find it. */
export const SEED_HITS = 64;
/** How many places one approximate search may report, rivals included. */
export const MAX_FUZZY_CANDIDATES = 24;

/** Edits allowed between a quote and its fuzzy match: a quarter of it, within one 32-bit block. */
export function maxErrors(quoteLength: number): number {
  return Math.min(32, Math.floor(quoteLength / 4));
}
