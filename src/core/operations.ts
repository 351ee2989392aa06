// What a fact-checker does to an article's annotations: mark, review, remove. Pure functions over the model.

import {
  type Actor,
  type Anchor,
  type Annotations,
  type Claim,
  type ClaimStatus,
  type Mention,
  type Source,
  anchorAt,
  nextClaimId,
  slugId,
} from './model';
import { markReviewed, type Stamp, stamped, stampedMention } from './provenance';

/** What sits at a position of the article: the innermost annotation wins. */
export type AnnotationRef =
  | { kind: 'mention'; actor: Actor; mention: Mention }
  | { kind: 'claim'; claim: Claim }
  | { kind: 'actor'; actor: Actor };

/** Every live (not orphaned) annotation containing `offset`, innermost first. */
export function annotationsAt(annotations: Annotations, offset: number): AnnotationRef[] {
  const hits: { ref: AnnotationRef; length: number }[] = [];
  for (const actor of annotations.actors) {
    for (const mention of actor.mentions) {
      if (!mention.orphaned && mention.start <= offset && offset <= mention.end) {
        hits.push({ ref: { kind: 'mention', actor, mention }, length: mention.end - mention.start });
      }
    }
  }
  for (const claim of annotations.claims) {
    const a = claim.anchor;
    if (!a.orphaned && a.start <= offset && offset <= a.end) {
      hits.push({ ref: { kind: 'claim', claim }, length: a.end - a.start });
    }
  }
  return hits.sort((x, y) => x.length - y.length).map((h) => h.ref);
}

export function claimAt(annotations: Annotations, offset: number): Claim | undefined {
  for (const ref of annotationsAt(annotations, offset)) {
    if (ref.kind === 'claim') {
      return ref.claim;
    }
  }
  return undefined;
}

export function actorById(annotations: Annotations, id: string | undefined): Actor | undefined {
  return id === undefined ? undefined : annotations.actors.find((a) => a.id === id);
}

export interface NewActor {
  name: string;
  type: string;
}

/**
 * Marks text[start, end) as a mention of an existing actor (by id) or of a new one. Returns
 * the actor. Marking the same span twice for the same actor is a no-op. `stamp` says who
 * marks it and when; the new mention, and a new actor, carry it.
 */
export function markMention(
  annotations: Annotations,
  text: string,
  start: number,
  end: number,
  actor: string | NewActor,
  stamp?: Stamp,
): Actor {
  let target: Actor | undefined;
  if (typeof actor === 'string') {
    target = actorById(annotations, actor);
    if (!target) {
      throw new Error(`No actor has the id "${actor}".`);
    }
  } else {
    target = stamped<Actor>(
      {
        id: slugId(actor.name, allIds(annotations)),
        name: actor.name.trim(),
        type: actor.type,
        mentions: [],
      },
      stamp,
    );
    annotations.actors.push(target);
  }
  if (!target.mentions.some((m) => !m.orphaned && m.start === start && m.end === end)) {
    target.mentions.push(stampedMention(anchorAt(text, start, end), stamp));
    target.mentions.sort((a, b) => a.start - b.start);
  }
  return target;
}

/** Marks text[start, end) as a claim, unchecked, made by `claimant` (an actor id) or by the article; `stamp` says who marked it and when. */
export function markClaim(annotations: Annotations, text: string, start: number, end: number, claimant?: string, stamp?: Stamp): Claim {
  if (claimant !== undefined && !actorById(annotations, claimant)) {
    throw new Error(`No actor has the id "${claimant}".`);
  }
  const claim = stamped<Claim>({ id: nextClaimId(annotations.claims), anchor: anchorAt(text, start, end), status: 'unchecked', sources: [] }, stamp);
  if (claimant !== undefined) {
    claim.claimant = claimant;
  }
  annotations.claims.push(claim);
  return claim;
}

/** Sets a claim's status; a change is stamped as the claim's review (who and when), setting it again is not. */
export function setStatus(claim: Claim, status: ClaimStatus, stamp?: Stamp): void {
  if (claim.status !== status) {
    claim.status = status;
    markReviewed(claim, stamp);
  }
}

/**
 * Sets or clears a verdict. A verdict is the outcome of a check, so setting one marks the
 * claim checked. A change is stamped as the claim's review; giving the same verdict again is not.
 */
export function setVerdict(claim: Claim, verdict: string | undefined, stamp?: Stamp): void {
  const before = [claim.verdict, claim.status];
  if (verdict === undefined) {
    delete claim.verdict;
  } else {
    claim.verdict = verdict;
    claim.status = 'checked';
  }
  if (before[0] !== claim.verdict || before[1] !== claim.status) {
    markReviewed(claim, stamp);
  }
}

export function setClaimant(claim: Claim, claimant: string | undefined): void {
  if (claimant === undefined) {
    delete claim.claimant;
  } else {
    claim.claimant = claimant;
  }
}

/** Why a source URL is refused, in the user's words, or undefined when it is fine. */
export function checkSourceUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!trimmed) {
    return 'Enter the web address of the source.';
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return `"${trimmed}" is not a web address. Paste the full address, starting with https://.`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `Only http:// and https:// sources can be added; "${parsed.protocol}" addresses cannot be opened by readers.`;
  }
  if (/\s/.test(trimmed)) {
    return 'A web address cannot contain spaces.';
  }
  return undefined;
}

export function addSource(claim: Claim, source: Source): void {
  const problem = checkSourceUrl(source.url) ?? (source.archived ? checkSourceUrl(source.archived) : undefined);
  if (problem) {
    throw new Error(problem);
  }
  const clean: Source = { url: source.url.trim() };
  if (source.title?.trim()) {
    clean.title = source.title.trim();
  }
  if (source.archived?.trim()) {
    clean.archived = source.archived.trim();
  }
  if (source.accessed) {
    clean.accessed = source.accessed;
  }
  claim.sources.push(clean);
}

export function setNotes(target: Actor | Claim, notes: string): void {
  if (notes.trim()) {
    target.notes = notes;
  } else {
    delete target.notes;
  }
}

/**
 * Removes one annotation. Removing a mention leaves its actor (it may be a claimant, or get
 * mentions later); removing an actor removes its mentions and clears it as claimant.
 */
export function removeAnnotation(annotations: Annotations, ref: AnnotationRef): void {
  switch (ref.kind) {
    case 'mention':
      ref.actor.mentions = ref.actor.mentions.filter((m) => m !== ref.mention);
      return;
    case 'claim':
      annotations.claims = annotations.claims.filter((c) => c !== ref.claim);
      return;
    case 'actor':
      annotations.actors = annotations.actors.filter((a) => a !== ref.actor);
      for (const claim of annotations.claims) {
        if (claim.claimant === ref.actor.id) {
          delete claim.claimant;
        }
      }
      return;
  }
}

/**
 * Marks every other whole-word occurrence of the actor's name, aliases and marked texts. Occurrences that
 * overlap an existing mention (of any actor) are left alone. Returns how many were added.
 */
export function markAllMentions(annotations: Annotations, text: string, actor: Actor, stamp?: Stamp): number {
  // The texts already marked count as names too: marking "Pashinyan" once for "Nikol Pashinyan"
  // says that surname alone refers to him in this article.
  const quotes = actor.mentions.filter((m) => !m.orphaned).map((m) => m.quote);
  const names = [...new Set([actor.name, ...(actor.aliases ?? []), ...quotes])].filter((n) => n.trim().length > 0);
  // Longest first, so "Nikol Pashinyan" wins over "Pashinyan" where both match.
  names.sort((a, b) => b.length - a.length);
  const taken = annotations.actors.flatMap((a) => a.mentions.filter((m) => !m.orphaned));
  let added = 0;
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some((m) => m.start < end && start < m.end)) {
        continue;
      }
      const anchor = stampedMention(anchorAt(text, start, end), stamp);
      actor.mentions.push(anchor);
      taken.push(anchor);
      added++;
    }
  }
  actor.mentions.sort((a, b) => a.start - b.start);
  return added;
}

/**
 * The sentence around `offset`: from the previous sentence end (or line break) to the next,
 * trimmed. Used when Mark Claim runs with nothing selected.
 */
export function sentenceAround(text: string, offset: number): { start: number; end: number } | undefined {
  // Sentences never cross paragraph breaks in an article; segment just this line.
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
  const line = text.slice(lineStart, lineEnd);
  for (const { start, end } of sentences(line)) {
    const s = lineStart + start;
    const e = lineStart + end;
    if (offset >= s && (offset < e || (offset === e && e === lineEnd))) {
      const segment = line.slice(start, end);
      const trimmedStart = s + (segment.length - segment.trimStart().length);
      const trimmedEnd = e - (segment.length - segment.trimEnd().length);
      return trimmedEnd > trimmedStart ? { start: trimmedStart, end: trimmedEnd } : undefined;
    }
  }
  return undefined;
}

/** Titles and abbreviations after which a full stop does not end a sentence in news copy. */
const ABBREVIATION = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Jr|Sr|No|Nos|Vol|Inc|Ltd|Co|Corp|vs|approx|e\.g|i\.e|[A-Z])\.\s*$/;

/** Sentence spans of one line: Intl.Segmenter's, rejoined after abbreviations such as "Mr.". */
function sentences(line: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const segment of segmenter.segment(line)) {
    const last = out[out.length - 1];
    if (last && ABBREVIATION.test(line.slice(last.start, last.end))) {
      last.end = segment.index + segment.segment.length;
    } else {
      out.push({ start: segment.index, end: segment.index + segment.segment.length });
    }
  }
  return out;
}

/** Trims whitespace off a selection so a sloppy double-click does not mark a trailing space. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) {
    start++;
  }
  while (end > start && /\s/.test(text[end - 1])) {
    end--;
  }
  return { start, end };
}

export function allIds(annotations: Annotations): Set<string> {
  return new Set([...annotations.actors.map((a) => a.id), ...annotations.claims.map((c) => c.id)]);
}

/** Claims an actor makes. */
export function claimsBy(annotations: Annotations, actorId: string): Claim[] {
  return annotations.claims.filter((c) => c.claimant === actorId);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Re-attaches an anchor by hand to text[start, end): the quote becomes that text, so the
 * annotation points at exactly what the user chose.
 */
export function reattachTo(anchor: Anchor, text: string, start: number, end: number): void {
  const fresh = anchorAt(text, start, end);
  delete anchor.orphaned;
  Object.assign(anchor, fresh);
}

/** Accepts the text now at the anchor as its wording: the quote is updated and the changed mark clears. */
export function acceptWording(anchor: Anchor, text: string): void {
  if (anchor.orphaned) {
    throw new Error('An orphaned annotation has no text to accept; re-attach it to a selection instead.');
  }
  Object.assign(anchor, anchorAt(text, anchor.start, anchor.end));
}

/** Every anchor that needs the user: orphaned, or attached to changed wording. */
export function anchorsNeedingAttention(annotations: Annotations, text: string): AnnotationRef[] {
  const refs: AnnotationRef[] = [];
  for (const actor of annotations.actors) {
    for (const mention of actor.mentions) {
      if (mention.orphaned || text.slice(mention.start, mention.end) !== mention.quote) {
        refs.push({ kind: 'mention', actor, mention });
      }
    }
  }
  for (const claim of annotations.claims) {
    if (claim.anchor.orphaned || text.slice(claim.anchor.start, claim.anchor.end) !== claim.anchor.quote) {
      refs.push({ kind: 'claim', claim });
    }
  }
  return refs;
}

/**
 * Merges the actor `from` into `into` (two actors of one article that are the same person):
 * mentions, names (as aliases), Wikidata id, notes and claims move to `into`, and `from` goes.
 * Actors linked to different Wikidata items are different people, and are not merged.
 */
export function mergeActors(annotations: Annotations, fromId: string, intoId: string): Actor {
  const from = actorById(annotations, fromId);
  const into = actorById(annotations, intoId);
  if (!from || !into) {
    throw new Error(`No actor has the id "${from ? intoId : fromId}".`);
  }
  if (from === into) {
    throw new Error(`Pick two different actors to merge; both are "${fromId}".`);
  }
  if (from.wikidata && into.wikidata && from.wikidata !== into.wikidata) {
    throw new Error(`${from.name} (${from.wikidata}) and ${into.name} (${into.wikidata}) are linked to different Wikidata items, so they are not the same actor.`);
  }
  for (const mention of from.mentions) {
    if (mention.orphaned || !into.mentions.some((m) => !m.orphaned && m.start === mention.start && m.end === mention.end)) {
      into.mentions.push(mention);
    }
  }
  into.mentions.sort((a, b) => a.start - b.start);
  const aliases = [...(into.aliases ?? [])];
  for (const name of [from.name, ...(from.aliases ?? [])]) {
    const lower = name.toLowerCase();
    if (lower !== into.name.toLowerCase() && !aliases.some((a) => a.toLowerCase() === lower)) {
      aliases.push(name);
    }
  }
  if (aliases.length) {
    into.aliases = aliases;
  }
  into.wikidata ??= from.wikidata;
  if (from.notes) {
    into.notes = into.notes ? `${into.notes}\n\n${from.notes}` : from.notes;
  }
  if (from.extra) {
    into.extra = { ...from.extra, ...into.extra };
  }
  for (const claim of annotations.claims) {
    if (claim.claimant === from.id) {
      claim.claimant = into.id;
    }
  }
  annotations.actors = annotations.actors.filter((a) => a !== from);
  return into;
}

/**
 * Gives an actor a new name. The id stays, so claims keep their claimant and the sidecar
 * diff is one line; a name that was an alias stops being one.
 */
export function renameActor(actor: Actor, name: string): void {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) {
    throw new Error('An actor’s name cannot be empty.');
  }
  actor.name = clean;
  if (actor.aliases) {
    actor.aliases = actor.aliases.filter((a) => a.toLowerCase() !== clean.toLowerCase());
    if (!actor.aliases.length) {
      delete actor.aliases;
    }
  }
}

/**
 * The Wikidata id in what the user typed or pasted: "Q42", "q42", or an item's address such
 * as https://www.wikidata.org/wiki/Q42. Undefined when there is none.
 */
export function wikidataIdFrom(input: string): string | undefined {
  const trimmed = input.trim();
  const bare = /^[Qq]([1-9]\d*)$/.exec(trimmed);
  if (bare) {
    return `Q${bare[1]}`;
  }
  const linked = /^https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki|entity)\/(Q[1-9]\d*)(?:[#?].*)?$/.exec(trimmed);
  return linked?.[1];
}

/** Links an actor to a Wikidata item, or unlinks it with an empty id. */
export function setWikidata(actor: Actor, input: string): void {
  if (!input.trim()) {
    delete actor.wikidata;
    return;
  }
  const id = wikidataIdFrom(input);
  if (!id) {
    throw new Error(`"${input.trim()}" is not a Wikidata id; it looks like Q42, or https://www.wikidata.org/wiki/Q42.`);
  }
  actor.wikidata = id;
}
