// Suggested actors and check-worthy claims for an article: compromise's tagging plus transparent rules, with the reason for each.
//
// Heavy: loading compromise unpacks its lexicon (about a third of a second). Import this module
// with `await import()` when suggestions are first asked for, never from activation or from the
// model and sidecar modules; the extension's bundle keeps it in a file of its own (dist/suggest.js).
//
// One idea a file: the parse (analysis.ts) with the word lists (lexicon.ts), actors (actors.ts),
// who a sentence credits (attribution.ts), claims (claims.ts), and how rejections compare
// (normalise.ts).

import { actorSuggestionsFrom, filterActors } from './actors';
import { analyse } from './analysis';
import { claimSuggestionsFrom } from './claims';
import type { ActorSuggestion, ClaimSuggestion, SuggestActorsOptions, SuggestClaimsOptions } from './types';

export { type Attribution, attributionOf } from './attribution';
export { DEFAULT_MIN_CLAIM_SCORE } from './claims';
export { normaliseActorText, normaliseClaimText } from './normalise';
export * from './types';

/** Candidate actor mentions in the article, in text order. */
export function suggestActors(text: string, options: SuggestActorsOptions = {}): ActorSuggestion[] {
  return filterActors(actorSuggestionsFrom(analyse(text), options.known ?? []).all, options);
}

/** Check-worthy sentences, best first, each with its reasons and a guessed claimant. */
export function suggestClaims(text: string, options: SuggestClaimsOptions = {}): ClaimSuggestion[] {
  const analysis = analyse(text);
  const { all, actors } = actorSuggestionsFrom(analysis, options.actors ?? []);
  return claimSuggestionsFrom(analysis, all, actors, options);
}

/** Actors and claims from one parse of the article: what the editor asks for when it opens an article. */
export function suggestAll(
  text: string,
  options: { actors?: SuggestActorsOptions; claims?: SuggestClaimsOptions } = {},
): { actors: ActorSuggestion[]; claims: ClaimSuggestion[] } {
  const analysis = analyse(text);
  const known = [...(options.actors?.known ?? []), ...(options.claims?.actors ?? [])];
  const { all, actors } = actorSuggestionsFrom(analysis, known);
  return {
    actors: filterActors(all, options.actors ?? {}),
    claims: claimSuggestionsFrom(analysis, all, actors, { ...options.claims, actors: known }),
  };
}
