// What the pickers offer, in order, as plain data: which actor a selection is, who makes a claim, which orphan a selection re-attaches, which verdict.

import { snippet } from './text';
import type { Actor, Annotations, Claim } from './model';
import { type AnnotationRef } from './operations';
import { anchorOf } from './refs';
import { normaliseName } from './workspace';

/** One row of a picker. `actorType` asks the editor for that type's icon; `separator` rows are headings. */
export interface Choice<T> {
  label: string;
  description?: string;
  detail?: string;
  actorType?: string;
  icon?: string;
  separator?: boolean;
  value?: T;
}

export type ActorPick = { actor: string } | { newActor: string };

interface Span {
  start: number;
  end: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * How surely a selection is this actor: 4 it is already one of its mentions, 3 it is its name
 * or an alias, 2 it is whole words of one ("Pashinyan" of "Nikol Pashinyan"), 1 it shares
 * letters with one, 0 not at all.
 */
export function actorMatch(actor: Actor, selected: string, span?: Span): number {
  if (span && actor.mentions.some((m) => !m.orphaned && m.start === span.start && m.end === span.end)) {
    return 4;
  }
  const sel = normaliseName(selected);
  if (!sel) {
    return 0;
  }
  const names = [actor.name, ...(actor.aliases ?? [])].map(normaliseName);
  if (names.includes(sel)) {
    return 3;
  }
  const words = (s: string) => ` ${s.replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim()} `;
  if (names.some((n) => words(n).includes(words(sel)) || words(sel).includes(words(n)))) {
    return 2;
  }
  return names.some((n) => n.includes(sel) || sel.includes(n)) ? 1 : 0;
}

/**
 * Mark Actor's picker: a new actor named after the selection, then this article's actors, the
 * likeliest first. `active` is the row Enter takes: the actor the selection surely is, else "new".
 */
export function actorChoices(annotations: Annotations, selected: string, span?: Span): { items: Choice<ActorPick>[]; active: number } {
  const ranked = annotations.actors
    .map((actor) => ({ actor, rank: actorMatch(actor, selected, span) }))
    .sort((a, b) => b.rank - a.rank || a.actor.name.localeCompare(b.actor.name));
  const items: Choice<ActorPick>[] = [{ label: `New actor “${snippet(selected, 40)}”…`, icon: 'add', value: { newActor: selected } }];
  if (ranked.length) {
    items.push({ label: 'Actors in this article', separator: true });
  }
  for (const { actor, rank } of ranked) {
    const live = actor.mentions.filter((m) => !m.orphaned).length;
    items.push({
      label: actor.name,
      description: [rank === 4 ? 'already marked here' : '', plural(live, 'mention')].filter(Boolean).join(' · '),
      detail: actor.aliases?.length ? `Also called: ${actor.aliases.join(', ')}` : undefined,
      actorType: actor.type,
      value: { actor: actor.id },
    });
  }
  const active = ranked.length && ranked[0].rank >= 2 ? 2 : 0;
  return { items, active };
}

export type ClaimantPick = { claimant: null } | { actor: string } | { newActor: string };

/**
 * Mark Claim's claimant picker: the article itself, then actors mentioned nearest the claim;
 * with a name typed that is no actor's, a new actor of that name.
 */
export function claimantChoices(annotations: Annotations, span: Span, typed = ''): Choice<ClaimantPick>[] {
  const distance = (a: Actor) =>
    Math.min(Infinity, ...a.mentions.filter((m) => !m.orphaned).map((m) => (m.end < span.start ? span.start - m.end : m.start > span.end ? m.start - span.end : 0)));
  const actors = [...annotations.actors].sort((a, b) => distance(a) - distance(b) || a.name.localeCompare(b.name));
  const items: Choice<ClaimantPick>[] = [
    { label: 'The article itself', description: 'no named claimant', icon: 'file-text', value: { claimant: null } },
    ...actors.map((a): Choice<ClaimantPick> => ({ label: a.name, description: a.aliases?.join(', '), actorType: a.type, value: { actor: a.id } })),
  ];
  const name = typed.trim();
  const known = annotations.actors.some((a) => [a.name, ...(a.aliases ?? [])].some((n) => normaliseName(n) === normaliseName(name)));
  if (name && !known) {
    items.push({ label: `New actor “${snippet(name, 40)}”`, description: 'makes this claim', icon: 'add', value: { newActor: name } });
  }
  return items;
}

function refLabel(ref: AnnotationRef): string {
  return ref.kind === 'claim' ? `Claim ${ref.claim.id}` : ref.kind === 'mention' ? `Mention of ${ref.actor.name}` : ref.actor.name;
}

/** What re-attaching `ref` to the selected text changes, in a sentence; undefined when the text is its quote. */
export function reattachChange(ref: AnnotationRef, selected: string): string | undefined {
  const anchor = anchorOf(ref);
  if (!anchor || anchor.quote === selected) {
    return undefined;
  }
  const what = ref.kind === 'claim' ? `claim ${ref.claim.id}` : `the mention of ${ref.kind === 'mention' ? ref.actor.name : ''}`;
  return `The text of ${what} changes from “${snippet(anchor.quote, 50)}” to “${snippet(selected, 50)}”.`;
}

/** How closely an anchor's quote is the selected text: 2 the same, 1 the same but for case and spacing, 0 not. */
function quoteMatch(ref: AnnotationRef, selected: string): number {
  const quote = anchorOf(ref)?.quote ?? '';
  return quote === selected ? 2 : normaliseName(quote) === normaliseName(selected) ? 1 : 0;
}

/** Re-attach's picker: the annotations whose quote is the selected text first, each saying what would change. */
export function reattachChoices(refs: readonly AnnotationRef[], selected: string): Choice<AnnotationRef>[] {
  return refs
    .map((ref, i) => ({ ref, i, match: quoteMatch(ref, selected) }))
    .sort((a, b) => b.match - a.match || a.i - b.i)
    .map(({ ref, match }) => ({
      label: refLabel(ref),
      description: `“${snippet(anchorOf(ref)?.quote ?? '', 50)}”${match === 2 ? ' · same text' : ''}`,
      detail: reattachChange(ref, selected),
      value: ref,
    }));
}

/** Annotations at a cursor, for "which one?" pickers. */
export function refChoices(refs: readonly AnnotationRef[]): Choice<AnnotationRef>[] {
  return refs.map((ref) => ({
    label: refLabel(ref),
    description: ref.kind === 'claim' ? snippet(ref.claim.anchor.quote) : ref.kind === 'mention' ? `“${snippet(ref.mention.quote)}”` : undefined,
    value: ref,
  }));
}

export interface ScaleVerdict {
  id: string;
  label: string;
  ratingValue: number;
  color?: string;
}

/**
 * Set Verdict's picker: the scale, best first, the current verdict and how often each is given
 * in this article; a verdict off the numeric scale (Unproven) says it has no rating rather than "0".
 */
export function verdictChoices(
  scale: readonly ScaleVerdict[],
  claim: Claim,
  claims: readonly Claim[],
  range: { best: number; worst: number },
): Choice<string | null>[] {
  const low = Math.min(range.best, range.worst);
  const high = Math.max(range.best, range.worst);
  const items = scale.map((v): Choice<string | null> => {
    const given = claims.filter((c) => c.verdict === v.id).length;
    const onScale = v.ratingValue >= low && v.ratingValue <= high;
    return {
      label: v.label,
      description: [v.id === claim.verdict ? 'current' : '', given ? `${given} in this article` : ''].filter(Boolean).join(' · ') || undefined,
      detail: onScale ? `Rated ${v.ratingValue} of ${range.best}` : `Not rated on the ${range.worst}–${range.best} scale`,
      value: v.id,
    };
  });
  if (claim.verdict) {
    items.push({ label: 'Clear verdict', icon: 'clear-all', value: null });
  }
  return items;
}

/** The actors other than `actorId` that already have a mention overlapping the span. */
export function otherActorsAt(annotations: Annotations, span: Span, actorId?: string): Actor[] {
  return annotations.actors.filter((a) => a.id !== actorId && a.mentions.some((m) => !m.orphaned && m.start < span.end && span.start < m.end));
}

/** Whether the actor already has a mention exactly on the span, so marking it again changes nothing. */
export function alreadyMarked(actor: Actor | undefined, span: Span): boolean {
  return !!actor?.mentions.some((m) => !m.orphaned && m.start === span.start && m.end === span.end);
}
