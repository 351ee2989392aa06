// The annotation model of one article: actors with their mentions, claims with their review, and anchors.

import { contextAfter, contextBefore } from './offsets';

/** How many code points of context an anchor keeps on each side (as the W3C TextQuoteSelector). */
export const CONTEXT_LENGTH = 32;

/**
 * Where an annotation sits in the article. In memory `start`/`end` are UTF-16 offsets
 * (string indices, as VS Code documents use); the sidecar stores code points and the
 * codec converts. `quote` is the exact text the annotation was made on.
 */
export interface Anchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  /** The text could not be found again; the anchor is kept, with its quote, until the user re-attaches it. */
  orphaned?: boolean;
}

/**
 * attached: the span holds exactly the quote. changed: the span holds other text (edited
 * inside, or re-attached by fuzzy matching), so the wording moved since the annotation was
 * made. orphaned: the text was not found again. Derived, never stored apart from the anchor,
 * so it cannot go stale while the user types.
 */
export type AnchorState = 'attached' | 'changed' | 'orphaned';

export function anchorState(anchor: Anchor, text: string): AnchorState {
  if (anchor.orphaned) {
    return 'orphaned';
  }
  return text.slice(anchor.start, anchor.end) === anchor.quote ? 'attached' : 'changed';
}

export const CLAIM_STATUSES = ['unchecked', 'in-progress', 'checked'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  unchecked: 'Unchecked',
  'in-progress': 'In progress',
  checked: 'Checked',
};

/**
 * Who made an annotation and when: the annotator's name (setting newsmark.annotator, else git's
 * user.name or user.email) and an ISO 8601 UTC time. Absent in sidecars written before either
 * was recorded, and never made up for them.
 */
export interface Provenance {
  by?: string;
  at?: string;
}

/** A mention of an actor: where it stands, and who marked it when. */
export interface Mention extends Anchor, Provenance {}

export interface Actor extends Provenance {
  id: string;
  name: string;
  type: string;
  aliases?: string[];
  wikidata?: string;
  notes?: string;
  mentions: Mention[];
  /** Data imported from other tools that Newsmark does not show yet, kept losslessly. */
  extra?: Record<string, unknown>;
}

export interface Source {
  url: string;
  title?: string;
  archived?: string;
  /** ISO date (YYYY-MM-DD) the source was read. */
  accessed?: string;
}

export interface Claim extends Provenance {
  id: string;
  anchor: Anchor;
  /** An actor id; absent means the article itself makes the claim. */
  claimant?: string;
  status: ClaimStatus;
  verdict?: string;
  /** Who last changed the claim's status or verdict: its review. */
  reviewedBy?: string;
  /** When the status or verdict last changed (ISO 8601, UTC). */
  reviewedAt?: string;
  sources: Source[];
  notes?: string;
  /** The claim checked before that this one repeats: "article#claim" in the workspace, or a fact-check's address. */
  sameAs?: string;
  /** Claims offered as the same that the fact-checker turned down. */
  notSameAs?: string[];
  extra?: Record<string, unknown>;
}

export interface ArticleInfo {
  /** The article's file name, relative to the sidecar. */
  file: string;
  /** sha256 (hex) of the article text when the sidecar was last written. */
  sha256?: string;
  /** Where the article is published: the W3C target's source and ClaimReview's appearance. */
  url?: string;
  /** The article's headline. */
  title?: string;
  /** Who published the article (a newspaper, an agency). */
  publisher?: string;
  /** When the article was published: YYYY-MM-DD. */
  published?: string;
}

/** Suggestions the user turned down, normalised, so they are not offered again. */
export interface RejectedSuggestions {
  actors?: string[];
  claims?: string[];
}

/** A field two merged branches changed two ways; the annotation holds ours until someone decides. */
export interface MergeConflict {
  kind: 'actor' | 'claim' | 'article';
  /** The annotation's id; the article's file name for the article's own fields. */
  id: string;
  /** The field, or "deleted" when one side removed the annotation the other changed. */
  field: string;
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
  /** With a verdict: what each side's verdict rested on, so the two can be weighed side by side. */
  evidence?: { ours?: ConflictEvidence; theirs?: ConflictEvidence };
}

/** One side's sources and notes for its verdict, as they were on that side's branch. */
export interface ConflictEvidence {
  sources?: Source[];
  notes?: string;
}

export interface Annotations {
  article: ArticleInfo;
  actors: Actor[];
  claims: Claim[];
  suggestions?: { rejected?: RejectedSuggestions };
  extra?: Record<string, unknown>;
  /** Left by the git merge driver; each is resolved by keeping one side's value. */
  conflicts?: MergeConflict[];
}

export const FORMAT_VERSION = 1;

/** A fresh anchor on text[start, end), with its quote and context taken from the text. */
export function anchorAt(text: string, start: number, end: number): Anchor {
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: contextBefore(text, start, CONTEXT_LENGTH),
    suffix: contextAfter(text, end, CONTEXT_LENGTH),
  };
}

/**
 * A stable, readable id from a name ("Nikol Pashinyan" → "nikol-pashinyan"), made unique
 * against `taken` by a numeric suffix.
 */
export function slugId(name: string, taken: ReadonlySet<string>, fallback = 'actor'): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/g, '') || fallback;
  if (!taken.has(base)) {
    return base;
  }
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) {
      return id;
    }
  }
}

/** The next free claim id: c1, c2, … */
export function nextClaimId(claims: readonly Claim[]): string {
  // One past the highest number in use, so an id removed earlier is never handed out again.
  let highest = 0;
  for (const claim of claims) {
    const m = /^c(\d+)$/.exec(claim.id);
    if (m) {
      highest = Math.max(highest, Number(m[1]));
    }
  }
  return `c${highest + 1}`;
}

/** Every anchor of an article: its actors' mentions, then its claims'. */
export function allAnchors(annotations: Annotations): Anchor[] {
  return [...annotations.actors.flatMap((a) => a.mentions), ...annotations.claims.map((c) => c.anchor)];
}

export function emptyAnnotations(file: string): Annotations {
  return { article: { file }, actors: [], claims: [] };
}
