// What goes into the archive of checked claims: the workspace's claims that carry a verdict or sources, published fact-checks, and the workspace's actors.

import type { FactCheck } from '../factChecks';
import type { Annotations, Claim, Source } from '../model';
import { normaliseName } from '../workspace';
import type { ArchivedClaim } from './archive';
import type { ActorName } from './features';

/** What a match carries back to the user: enough to judge it and to reuse its work. */
export interface MatchDetail {
  verdict?: string;
  /** The published review's own words for the verdict, for fact-checks. */
  rating?: string;
  sources: Source[];
  /** Who checked it: a fact-check's publisher (a claim's annotator, once sidecars record one). */
  checkedBy?: string;
  /** YYYY-MM-DD: when it was checked, as well as the record tells. */
  checked?: string;
  claimant?: string;
}

/** The key a claim of the workspace has in the archive, and in `sameAs`: its article path and id. */
export function claimKey(article: string, claimId: string): string {
  return `${article}#${claimId}`;
}

/** Only claims with work to reuse are worth offering: a verdict, or sources found. */
function worthOffering(claim: Claim): boolean {
  return (claim.verdict !== undefined || claim.sources.length > 0) && !claim.anchor.orphaned;
}

/** The latest date a claim's sources were read: the best the sidecar says of when it was checked. */
function lastAccessed(claim: Claim): string | undefined {
  return claim.sources.map((s) => s.accessed).filter((d): d is string => Boolean(d)).sort().at(-1);
}

/** The checked claims of one article, keyed by its workspace-relative path. */
export function archivedClaimsOf(article: string, annotations: Annotations): ArchivedClaim[] {
  return annotations.claims.filter(worthOffering).map((claim) => {
    const claimant = claim.claimant === undefined ? undefined : annotations.actors.find((a) => a.id === claim.claimant)?.name;
    const detail: MatchDetail = { verdict: claim.verdict, sources: claim.sources, checked: lastAccessed(claim), claimant };
    return {
      key: claimKey(article, claim.id),
      text: claim.anchor.quote,
      article,
      claim: claim.id,
      verdict: claim.verdict,
      source: 'workspace',
      detail: detail as unknown as Record<string, unknown>,
    };
  });
}

/** A published fact-check as an archived claim; its key is the review's address. */
export function archivedFactCheck(f: FactCheck): ArchivedClaim {
  const detail: MatchDetail = { rating: f.rating, sources: [{ url: f.url, ...(f.reviewed ? { accessed: f.reviewed } : {}) }], checkedBy: f.publisher, checked: f.reviewed, claimant: f.claimant };
  return { key: f.url, text: f.claim, article: f.url, verdict: f.rating, source: 'fact-check', detail: detail as unknown as Record<string, unknown> };
}

export function detailOf(claim: ArchivedClaim): MatchDetail {
  return (claim.detail as unknown as MatchDetail | undefined) ?? { sources: [] };
}

/** The workspace's actors as the matcher knows them: one entry per actor, however many articles name it. */
export function actorNamesOf(articles: readonly { annotations: Annotations }[]): ActorName[] {
  const byKey = new Map<string, Set<string>>();
  for (const { annotations } of articles) {
    for (const actor of annotations.actors) {
      const key = actor.wikidata ?? normaliseName(actor.name);
      const names = byKey.get(key) ?? new Set<string>();
      [actor.name, ...(actor.aliases ?? [])].forEach((n) => names.add(n));
      byKey.set(key, names);
    }
  }
  return [...byKey].map(([key, names]) => ({ key, names: [...names] }));
}

/**
 * Reusing a match: its verdict (where it is one of this scale's), and its sources added to
 * the claim's own by address, archived copies kept; the claim records which claim it repeats.
 */
export function reuseMatch(claim: Claim, match: ArchivedClaim, scaleIds: readonly string[]): { verdictTaken: boolean; sourcesAdded: number } {
  const detail = detailOf(match);
  const verdictTaken = match.verdict !== undefined && scaleIds.includes(match.verdict);
  if (verdictTaken) {
    claim.verdict = match.verdict;
  }
  const known = new Set(claim.sources.map((s) => s.url));
  const added = detail.sources.filter((s) => !known.has(s.url));
  claim.sources.push(...added.map((s) => ({ ...s })));
  claim.sameAs = match.key;
  if (claim.notSameAs) {
    claim.notSameAs = claim.notSameAs.filter((k) => k !== match.key);
    if (!claim.notSameAs.length) delete claim.notSameAs;
  }
  return { verdictTaken, sourcesAdded: added.length };
}

/** "Not the same claim": remembered on the claim, so the match is not offered again. */
export function rejectMatch(claim: Claim, key: string): void {
  claim.notSameAs = [...new Set([...(claim.notSameAs ?? []), key])].sort();
  if (claim.sameAs === key) {
    delete claim.sameAs;
  }
}
