// Plain-data names for one annotation, to find it again inside a change after a picker or a reload replaced the model.

import type { Anchor, Annotations } from './model';
import type { AnnotationRef } from './operations';

/**
 * An annotation by id: actors and claims have ids; a mention is its actor's id and its place
 * and quote. Holds no object of the model, so it survives the model being replaced.
 */
export type AnnotationKey =
  | { kind: 'actor'; actor: string }
  | { kind: 'claim'; claim: string }
  | { kind: 'mention'; actor: string; start: number; end: number; quote: string };

export function keyOf(ref: AnnotationRef): AnnotationKey {
  switch (ref.kind) {
    case 'actor':
      return { kind: 'actor', actor: ref.actor.id };
    case 'claim':
      return { kind: 'claim', claim: ref.claim.id };
    case 'mention':
      return { kind: 'mention', actor: ref.actor.id, start: ref.mention.start, end: ref.mention.end, quote: ref.mention.quote };
  }
}

/** The annotation a key names in these annotations, or undefined when it is gone. */
export function resolveKey(annotations: Annotations, key: AnnotationKey): AnnotationRef | undefined {
  if (key.kind === 'claim') {
    const claim = annotations.claims.find((c) => c.id === key.claim);
    return claim && { kind: 'claim', claim };
  }
  const actor = annotations.actors.find((a) => a.id === key.actor);
  if (!actor) {
    return undefined;
  }
  if (key.kind === 'actor') {
    return { kind: 'actor', actor };
  }
  // The place first; then the same quote nearest that place, for a mention the store moved while a picker was open.
  const same = (m: Anchor) => m.quote === key.quote;
  const mention =
    actor.mentions.find((m) => same(m) && m.start === key.start && m.end === key.end) ??
    actor.mentions.filter(same).sort((a, b) => Math.abs(a.start - key.start) - Math.abs(b.start - key.start))[0];
  return mention && { kind: 'mention', actor, mention };
}

/** The anchor of a claim or mention; actors have none. */
export function anchorOf(ref: AnnotationRef): Anchor | undefined {
  return ref.kind === 'claim' ? ref.claim.anchor : ref.kind === 'mention' ? ref.mention : undefined;
}
