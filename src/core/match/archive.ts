// The archive of checked claims: an inverted index ranked by BM25, and one 0–1 score that says how surely two claims are the same.

import { type ActorName, type ClaimFeatures, featureReader } from './features';

/** A claim checked before: in a sidecar of the workspace, or in a published fact-check. */
export interface ArchivedClaim {
  /** Unique in the archive: the article path and claim id, or the fact-check's address. */
  key: string;
  text: string;
  /** Workspace-relative article path, or the published review's address. */
  article: string;
  /** The claim's id in its sidecar, when it comes from the workspace. */
  claim?: string;
  verdict?: string;
  source: 'workspace' | 'fact-check';
  /** Anything the caller wants back with a match (sources, who checked it, when). */
  detail?: Record<string, unknown>;
}

export interface ClaimMatch {
  claim: ArchivedClaim;
  /** 0–1: how surely the two claims are the same. */
  score: number;
}

/** Below this score nothing is offered. Chosen on the development half of the labelled set (npm run eval -- --task match). */
export const MATCH_THRESHOLD = 0.5;

// BM25's usual constants: term frequency saturates around k1, and b weighs the document's length.
const K1 = 1.2;
const B = 0.75;

/**
 * A different number or an opposite polarity makes another claim, however many words are
 * shared: "2,500 personnel" is not "2,000 personnel", "will take part" is not "will not".
 * Such a pair keeps a share of its score, low enough to stay below the threshold.
 */
const CONTRADICTION_FACTOR = 0.3;
/** Two claims about different actors rarely make the same claim. */
const OTHER_ACTOR_FACTOR = 0.5;

/** How many of BM25's best candidates get the full score: the same claim is never far down BM25's list. */
const CANDIDATES = 50;

interface Entry {
  claim: ArchivedClaim;
  features: ClaimFeatures;
  terms: Map<string, number>;
  length: number;
}

/** Terms of a claim: words, and the exact features under prefixes that words cannot take. */
function termsOf(f: ClaimFeatures): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (t: string) => terms.set(t, (terms.get(t) ?? 0) + 1);
  f.words.forEach(add);
  f.numbers.forEach((n) => add(`#${n}`));
  f.dates.forEach((d) => add(`~${d}`));
  f.actors.forEach((a) => add(`@${a}`));
  return terms;
}

export class ClaimArchive {
  private readonly entries = new Map<string, Entry>();
  /** term → the entries holding it, with the term's frequency in each. */
  private readonly postings = new Map<string, Map<Entry, number>>();
  private totalLength = 0;
  /** article → keys of its claims, so an article's claims are replaced without a scan. */
  private readonly byArticle = new Map<string, Set<string>>();

  private readonly features: (text: string) => ClaimFeatures;

  constructor(actors: readonly ActorName[] = []) {
    this.features = featureReader(actors);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds a claim, replacing one with the same key. */
  add(claim: ArchivedClaim): void {
    this.remove(claim.key);
    const features = this.features(claim.text);
    const terms = termsOf(features);
    const length = [...terms.values()].reduce((n, c) => n + c, 0);
    const entry: Entry = { claim, features, terms, length };
    this.entries.set(claim.key, entry);
    const keys = this.byArticle.get(claim.article) ?? new Set<string>();
    keys.add(claim.key);
    this.byArticle.set(claim.article, keys);
    this.totalLength += length;
    for (const [term, tf] of terms) {
      let holders = this.postings.get(term);
      if (!holders) {
        holders = new Map();
        this.postings.set(term, holders);
      }
      holders.set(entry, tf);
    }
  }

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) {
      return;
    }
    this.entries.delete(key);
    this.totalLength -= entry.length;
    const keys = this.byArticle.get(entry.claim.article);
    keys?.delete(key);
    if (keys?.size === 0) {
      this.byArticle.delete(entry.claim.article);
    }
    for (const term of entry.terms.keys()) {
      const holders = this.postings.get(term);
      holders?.delete(entry);
      if (holders?.size === 0) {
        this.postings.delete(term);
      }
    }
  }

  /** Removes every claim whose `article` is the one given (a sidecar changed or was deleted). */
  removeArticle(article: string): void {
    for (const key of [...(this.byArticle.get(article) ?? [])]) {
      this.remove(key);
    }
  }

  private idf(term: string): number {
    const n = this.postings.get(term)?.size ?? 0;
    // The "+1" form never goes negative, so a very common word still counts a little.
    return Math.log(1 + (this.entries.size - n + 0.5) / (n + 0.5));
  }

  private averageLength(fallback: number): number {
    return this.entries.size ? this.totalLength / this.entries.size : fallback || 1;
  }

  /** BM25 of one term occurring `tf` times in a document of `length` terms. */
  private termScore(idf: number, tf: number, length: number, average: number): number {
    return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average));
  }

  /** BM25 of a query's terms against a document's. */
  private bm25(query: Map<string, number>, doc: Map<string, number>, length: number): number {
    const average = this.averageLength(length);
    let score = 0;
    for (const term of query.keys()) {
      const tf = doc.get(term);
      if (tf) {
        score += this.termScore(this.idf(term), tf, length, average);
      }
    }
    return score;
  }

  /**
   * The claims most likely the same as `text`, best first. BM25 over the inverted index
   * picks the candidates; each then gets one score in 0–1 — how much of what each claim says
   * the other says too, in both directions — lowered for contradicting numbers, dates,
   * polarity or actors. Below `threshold` nothing is returned unless `all` is set.
   */
  search(text: string, options: { limit?: number; all?: boolean; threshold?: number; exclude?: (c: ArchivedClaim) => boolean } = {}): ClaimMatch[] {
    const features = this.features(text);
    const query = termsOf(features);
    const queryLength = [...query.values()].reduce((n, c) => n + c, 0);
    const limit = options.limit ?? 10;
    const threshold = options.threshold ?? MATCH_THRESHOLD;
    const querySelf = this.bm25(query, query, queryLength) || 1;
    const out: ClaimMatch[] = [];
    for (const entry of this.candidates(query, Math.max(limit, CANDIDATES))) {
      if (options.exclude?.(entry.claim)) {
        continue;
      }
      const forward = this.bm25(query, entry.terms, entry.length) / querySelf;
      const backward = this.bm25(entry.terms, query, queryLength) / (this.bm25(entry.terms, entry.terms, entry.length) || 1);
      const score = Math.min(1, Math.sqrt(forward * backward)) * agreementFactor(features, entry.features);
      if (options.all || score >= threshold) {
        out.push({ claim: entry.claim, score: Math.round(score * 1000) / 1000 });
      }
    }
    out.sort((a, b) => b.score - a.score || a.claim.key.localeCompare(b.claim.key));
    return out.slice(0, limit);
  }

  /** The `count` entries with the highest BM25 for the query, accumulated term by term over the postings. */
  private candidates(query: Map<string, number>, count: number): Entry[] {
    const average = this.averageLength(1);
    const scores = new Map<Entry, number>();
    for (const term of query.keys()) {
      const holders = this.postings.get(term);
      if (!holders) {
        continue;
      }
      const idf = this.idf(term);
      for (const [entry, tf] of holders) {
        scores.set(entry, (scores.get(entry) ?? 0) + this.termScore(idf, tf, entry.length, average));
      }
    }
    return topByScore(scores, count);
  }
}

/** The `count` keys with the highest scores, best first, without sorting them all. */
function topByScore<T>(scores: Map<T, number>, count: number): T[] {
  const top: [T, number][] = [];
  let floor = -Infinity;
  for (const pair of scores) {
    if (top.length < count) {
      top.push(pair);
      if (top.length === count) {
        top.sort((a, b) => b[1] - a[1]);
        floor = top[count - 1][1];
      }
    } else if (pair[1] > floor) {
      // Insert in order; the list is short, so a linear step beats a heap here.
      let i = count - 1;
      while (i > 0 && top[i - 1][1] < pair[1]) {
        top[i] = top[i - 1];
        i--;
      }
      top[i] = pair;
      floor = top[count - 1][1];
    }
  }
  return top.sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

function agreementFactor(a: ClaimFeatures, b: ClaimFeatures): number {
  let factor = 1;
  const differ = (x: readonly string[], y: readonly string[]) => x.length > 0 && y.length > 0 && (x.length !== y.length || x.some((v) => !y.includes(v)));
  if (differ(a.numbers, b.numbers) || differ(a.dates, b.dates) || a.negated !== b.negated) {
    factor *= CONTRADICTION_FACTOR;
  }
  // Each naming an actor the other does not: "Armenia will…" against "Kazakhstan will…".
  if (a.actors.some((x) => !b.actors.includes(x)) && b.actors.some((x) => !a.actors.includes(x))) {
    factor *= OTHER_ACTOR_FACTOR;
  }
  return factor;
}
