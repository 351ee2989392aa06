// Choosing among candidate places: the best by agreement, taken only when no rival comes close and the evidence for it is twofold.

import type { Anchor } from '../model';
import type { Candidate } from './candidate';
import { attach, orphan, type ReattachMethod, type Reattachment } from './results';
import { FAR, FAR_RATIO, MARGIN } from './thresholds';

/** Whether a place far from (near) every expected position may be taken. */
export type FarCheck = (c: Candidate) => boolean;
export type NearCheck = (c: Candidate) => boolean;

export type Decision = { kind: 'take'; candidate: Candidate } | { kind: 'ambiguous' } | { kind: 'none' };

/**
 * Ranks candidates by agreement and takes the best only when no rival comes within
 * {@link MARGIN} (unless nearness alone separates them) and it has the support described at
 * {@link SIDE}. Nearness never outweighs agreement: a near place with half its context against
 * a far one with all of it is a guess.
 */
export function decide(candidates: Candidate[], minimum: number, far: FarCheck, nearby: NearCheck): Decision {
  const ranked = [...candidates].sort((a, b) => b.agreement - a.agreement || a.distance - b.distance);
  // A far place with only part of its context, and nothing to vouch for it, is a sentence
  // built the same way as the annotated one: it neither wins nor stands in the way of a near
  // place whose other side was edited. A far place with all its context may be the annotated
  // text moved away, and stays a rival.
  while (ranked.length > 0 && !ranked[0].near && !ranked[0].full && !far(ranked[0])) {
    ranked.shift();
  }
  const best = ranked[0];
  if (!best || best.agreement < minimum) {
    return { kind: 'none' };
  }
  const close = ranked.filter((c) => best.agreement - c.agreement < MARGIN);
  const chosen = close.length === 1 ? best : byNearness(close);
  if (!chosen) {
    return { kind: 'ambiguous' };
  }
  return supported(chosen, far, nearby) ? { kind: 'take', candidate: chosen } : { kind: 'none' };
}

function supported(c: Candidate, far: FarCheck, nearby: NearCheck): boolean {
  if (c.near) {
    return nearby(c);
  }
  return far(c);
}

/** The one candidate decisively nearest the expected place, if there is one. */
function byNearness(candidates: Candidate[]): Candidate | undefined {
  const sorted = [...candidates].sort((a, b) => a.distance - b.distance);
  const [first, second] = sorted;
  if (first.near && !second.near && second.distance >= Math.max(FAR, FAR_RATIO * first.distance)) {
    return first;
  }
  return undefined;
}

/**
 * What a decision means for the anchor: attached at the place taken (by `method`), orphaned
 * when several places tie, or undefined when nothing was good enough and the search goes on.
 */
export function settle(text: string, anchor: Anchor, decision: Decision, method: (c: Candidate) => ReattachMethod): Reattachment | undefined {
  if (decision.kind === 'take') {
    return attach(anchor, decision.candidate, method(decision.candidate));
  }
  return decision.kind === 'ambiguous' ? orphan(text, anchor, 'ambiguous') : undefined;
}
