// What the suggester takes and returns: suggested actors and claims, known actors, and the options of each.

/** The actor types the suggester assigns; gazetteer hits keep the known actor's own type. */
export const SUGGESTED_ACTOR_TYPES = ['person', 'organisation', 'country', 'location', 'other'] as const;
export type SuggestedActorType = (typeof SUGGESTED_ACTOR_TYPES)[number];

export interface Span {
  start: number;
  end: number;
}

/** An actor already known in the workspace: the gazetteer. */
export interface KnownActor {
  id?: string;
  name: string;
  aliases?: readonly string[];
  type?: string;
}

export interface ActorSuggestion {
  /** UTF-16 offsets into the article text, as every in-memory anchor. */
  start: number;
  end: number;
  /** text.slice(start, end): the mention. */
  text: string;
  /** The actor the mention belongs to: a full name for a surname, the expansion of an acronym, the known actor's name. */
  name: string;
  /** One of SUGGESTED_ACTOR_TYPES, or a known actor's own type. */
  type: string;
  source: 'nlp' | 'gazetteer';
  reason: string;
  /** Set for gazetteer hits: the known actor this mention would be added to. */
  actorId?: string;
}

export interface SuggestActorsOptions {
  known?: readonly KnownActor[];
  /** Texts or names the user rejected before (as stored in the sidecar); compared normalised. */
  rejected?: readonly string[];
  /** Spans already marked as mentions: nothing overlapping them is suggested again. */
  existingMentions?: readonly Span[];
}

export interface ClaimantGuess {
  name: string;
  actorId?: string;
  /** Where the claimant is named in the article, when it is named in the sentence itself. */
  start?: number;
  end?: number;
}

export interface ClaimSuggestion {
  start: number;
  end: number;
  text: string;
  score: number;
  /** Why the sentence was suggested, one feature per line, in the user's words. */
  reasons: string[];
  claimant?: ClaimantGuess;
}

export interface SuggestClaimsOptions {
  /** Known actors, so that claimants resolve to actor ids. */
  actors?: readonly KnownActor[];
  /** Claim texts the user rejected before; compared normalised. */
  rejected?: readonly string[];
  /** Spans already marked as claims: sentences overlapping them are not suggested again. */
  existingClaims?: readonly Span[];
  /** A sentence needs at least this score to be suggested. */
  minScore?: number;
  /** At most this many suggestions, best first. */
  limit?: number;
}
