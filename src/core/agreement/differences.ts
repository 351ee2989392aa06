// Where two annotators of one article differ — marks only one made, other actor types, other verdicts — and taking the other's version.

import { type Actor, type Anchor, type Annotations, type Claim, nextClaimId, slugId } from '../model';
import { matchSpans } from './spans';

export type Difference =
  | { kind: 'only-mine'; what: 'mention'; actor: Actor; mention: Anchor }
  | { kind: 'only-theirs'; what: 'mention'; actor: Actor; mention: Anchor }
  | { kind: 'different-type'; mine: { actor: Actor; mention: Anchor }; theirs: { actor: Actor; mention: Anchor } }
  | { kind: 'only-mine'; what: 'claim'; claim: Claim }
  | { kind: 'only-theirs'; what: 'claim'; claim: Claim; claimant?: Actor }
  | { kind: 'different-verdict'; mine: Claim; theirs: Claim };

export type DifferenceKind = Difference['kind'];

interface PlacedMention {
  actor: Actor;
  mention: Anchor;
}

function placedMentions(a: Annotations): PlacedMention[] {
  return a.actors.flatMap((actor) => actor.mentions.filter((m) => !m.orphaned).map((mention) => ({ actor, mention })));
}

/**
 * The differences between my annotations and theirs on the same text, in reading order.
 * Marks are paired by overlapping spans, one to one, as agreement pairs them; orphans are
 * left out, as they point at no text.
 */
export function compareAnnotations(mine: Annotations, theirs: Annotations): Difference[] {
  const out: Difference[] = [];
  const m = placedMentions(mine);
  const t = placedMentions(theirs);
  const span = (x: { mention: Anchor }) => x.mention;
  const mentionPairs = matchSpans(m.map(span), t.map(span), 'overlap');
  const pairedMine = new Set(mentionPairs.map(([i]) => i));
  const pairedTheirs = new Set(mentionPairs.map(([, j]) => j));
  m.forEach((x, i) => pairedMine.has(i) || out.push({ kind: 'only-mine', what: 'mention', ...x }));
  t.forEach((x, j) => pairedTheirs.has(j) || out.push({ kind: 'only-theirs', what: 'mention', ...x }));
  for (const [i, j] of mentionPairs) {
    if (m[i].actor.type !== t[j].actor.type) {
      out.push({ kind: 'different-type', mine: m[i], theirs: t[j] });
    }
  }

  const mc = mine.claims.filter((c) => !c.anchor.orphaned);
  const tc = theirs.claims.filter((c) => !c.anchor.orphaned);
  const claimPairs = matchSpans(mc.map((c) => c.anchor), tc.map((c) => c.anchor), 'overlap');
  const claimedMine = new Set(claimPairs.map(([i]) => i));
  const claimedTheirs = new Set(claimPairs.map(([, j]) => j));
  mc.forEach((claim, i) => claimedMine.has(i) || out.push({ kind: 'only-mine', what: 'claim', claim }));
  tc.forEach((claim, j) => {
    if (!claimedTheirs.has(j)) {
      const claimant = claim.claimant === undefined ? undefined : theirs.actors.find((a) => a.id === claim.claimant);
      out.push({ kind: 'only-theirs', what: 'claim', claim, ...(claimant ? { claimant } : {}) });
    }
  });
  for (const [i, j] of claimPairs) {
    if ((mc[i].verdict ?? '') !== (tc[j].verdict ?? '')) {
      out.push({ kind: 'different-verdict', mine: mc[i], theirs: tc[j] });
    }
  }
  return out.sort((a, b) => startOf(a) - startOf(b));
}

/** A key that finds the same difference again in annotations read anew: kind and span. */
export function differenceKey(d: Difference): string {
  const span = (a: Anchor) => `${a.start}-${a.end}`;
  switch (d.kind) {
    case 'different-type':
      return `${d.kind}:${span(d.mine.mention)}:${span(d.theirs.mention)}`;
    case 'different-verdict':
      return `${d.kind}:${span(d.mine.anchor)}:${span(d.theirs.anchor)}`;
    default:
      return `${d.kind}:${d.what}:${span(d.what === 'mention' ? d.mention : d.claim.anchor)}`;
  }
}

/** Where a difference sits in the text: its (my) span's start. */
export function startOf(d: Difference): number {
  switch (d.kind) {
    case 'different-type':
      return d.mine.mention.start;
    case 'different-verdict':
      return d.mine.anchor.start;
    default:
      return d.what === 'mention' ? d.mention.start : d.claim.anchor.start;
  }
}

/** My actor standing for theirs: the same id, else the same name; created from theirs when I have none. */
function actorFor(mine: Annotations, theirs: Actor): Actor {
  const found = mine.actors.find((a) => a.id === theirs.id) ?? mine.actors.find((a) => a.name.toLowerCase() === theirs.name.toLowerCase());
  if (found) {
    return found;
  }
  const taken = new Set([...mine.actors.map((a) => a.id), ...mine.claims.map((c) => c.id)]);
  const actor: Actor = { ...structuredClone(theirs), id: taken.has(theirs.id) ? slugId(theirs.name, taken) : theirs.id, mentions: [] };
  mine.actors.push(actor);
  return actor;
}

/**
 * Makes my annotations agree with theirs on one difference: their mention or claim added
 * (with its actor or claimant, found or created), their actor type, or their verdict and the
 * sources that came with it. Taking theirs for a mark only I made removes mine. Says what changed.
 */
export function takeTheirs(mine: Annotations, d: Difference): string {
  switch (d.kind) {
    case 'only-theirs':
      if (d.what === 'mention') {
        const actor = actorFor(mine, d.actor);
        actor.mentions.push(structuredClone(d.mention));
        return `Added their mention “${d.mention.quote}” of ${actor.name}.`;
      } else {
        const claim: Claim = structuredClone(d.claim);
        if (mine.claims.some((c) => c.id === claim.id) || mine.actors.some((a) => a.id === claim.id)) {
          claim.id = nextClaimId(mine.claims);
        }
        if (d.claimant) {
          claim.claimant = actorFor(mine, d.claimant).id;
        } else {
          delete claim.claimant;
        }
        mine.claims.push(claim);
        return `Added their claim “${d.claim.anchor.quote}” as ${claim.id}.`;
      }
    case 'only-mine':
      if (d.what === 'mention') {
        const actor = mine.actors.find((a) => a.mentions.includes(d.mention));
        if (actor) {
          actor.mentions = actor.mentions.filter((x) => x !== d.mention);
        }
        return `Removed my mention “${d.mention.quote}”, which they did not mark.`;
      }
      mine.claims = mine.claims.filter((c) => c !== d.claim);
      return `Removed my claim ${d.claim.id}, which they did not mark.`;
    case 'different-type': {
      const actor = mine.actors.find((a) => a === d.mine.actor);
      if (actor) {
        actor.type = d.theirs.actor.type;
      }
      return `${d.mine.actor.name} is now of type ${d.theirs.actor.type}, as they have it.`;
    }
    case 'different-verdict': {
      const claim = mine.claims.find((c) => c === d.mine);
      if (claim) {
        if (d.theirs.verdict === undefined) {
          delete claim.verdict;
        } else {
          claim.verdict = d.theirs.verdict;
        }
        // Their verdict is theirs: who gave it, and when, come with it.
        for (const key of ['reviewedBy', 'reviewedAt'] as const) {
          if (d.theirs[key] === undefined) {
            delete claim[key];
          } else {
            claim[key] = d.theirs[key];
          }
        }
        const known = new Set(claim.sources.map((s) => s.url));
        claim.sources.push(...structuredClone(d.theirs.sources.filter((s) => !known.has(s.url))));
      }
      return `Claim ${d.mine.id} now has their verdict${d.theirs.verdict ? ` ${d.theirs.verdict}` : ' (none)'}, with their sources.`;
    }
  }
}
