// Published fact-checks: reading schema.org ClaimReview JSON-LD and Fact Check Tools search results, and the workspace's file of them.

import { LineCounter, parseDocument, parse as parseYaml, stringify } from 'yaml';

/** One published review of one claim. */
export interface FactCheck {
  /** The review's address: what identifies it. */
  url: string;
  /** The claim as the review words it. */
  claim: string;
  claimant?: string;
  /** YYYY-MM-DD, when the claim was made. */
  claimDate?: string;
  publisher?: string;
  /** The review's own words for its verdict ("Mostly false"). */
  rating?: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  /** YYYY-MM-DD, when the review was published. */
  reviewed?: string;
}

export interface FactCheckProblem {
  message: string;
  line: number;
  column: number;
}

export interface FactCheckRead {
  factChecks: FactCheck[];
  /** Any problem refuses the whole file: nothing is imported from it. */
  problems: FactCheckProblem[];
}

/** The workspace file the imported fact-checks are kept in, and its format version. */
export const FACT_CHECKS_FILE = '.newsmark/fact-checks.yaml';
const FORMAT_KEY = 'newsmark-fact-checks';
const FORMAT_VERSION = 1;

/** Files larger than this are refused before parsing. */
export const MAX_FACT_CHECK_BYTES = 50 * 1024 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Reads fact-checks from a JSON text: ClaimReview JSON-LD (one object, an array, a `@graph`,
 * or a DataFeed's `dataFeedElement`, whose items may hold the review under `item`), or the
 * answer of Fact Check Tools' `claims:search` (`claims[].claimReview[]`).
 */
export function readFactChecks(text: string): FactCheckRead {
  let data: Json;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (err) {
    return { factChecks: [], problems: [jsonProblem(text, err)] };
  }
  const problems: FactCheckProblem[] = [];
  const factChecks: FactCheck[] = [];
  const at = (path: string) => positionOf(text, path);
  if (isObject(data) && Array.isArray(data.claims)) {
    data.claims.forEach((claim, i) => fromSearchResult(claim, `claims[${i}]`, factChecks, problems, at));
  } else {
    let n = 0;
    for (const [node, path] of reviewNodes(data, '')) {
      const read = fromClaimReview(node, path, ++n, problems, at);
      if (read) {
        factChecks.push(read);
      }
    }
    if (!factChecks.length && !problems.length) {
      problems.push({ message: 'No ClaimReview was found: the file must hold ClaimReview objects (JSON-LD) or a claims search result.', line: 1, column: 1 });
    }
  }
  return problems.length ? { factChecks: [], problems } : { factChecks, problems };
}

function isObject(x: Json | undefined): x is { [key: string]: Json } {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function types(node: { [key: string]: Json }): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(https?:\/\/)?schema\.org\//, ''));
}

/** Every ClaimReview object in a JSON-LD document, with a readable path to it. */
function* reviewNodes(data: Json, path: string): Generator<[{ [key: string]: Json }, string]> {
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      yield* reviewNodes(data[i], `${path}[${i}]`);
    }
    return;
  }
  if (!isObject(data)) {
    return;
  }
  if (types(data).includes('ClaimReview')) {
    yield [data, path || '(top)'];
    return;
  }
  for (const key of ['@graph', 'dataFeedElement', 'item']) {
    if (data[key] !== undefined) {
      yield* reviewNodes(data[key], `${path}${path ? '.' : ''}${key}`);
    }
  }
}

function text(x: Json | undefined): string | undefined {
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}

function nameOf(x: Json | undefined): string | undefined {
  if (Array.isArray(x)) {
    return nameOf(x[0]);
  }
  return isObject(x) ? text(x.name) : text(x);
}

function date(x: Json | undefined): string | undefined {
  const t = text(x);
  return t && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : undefined;
}

function number(x: Json | undefined): number | undefined {
  const n = typeof x === 'string' ? Number(x) : x;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function webAddress(x: Json | undefined): string | undefined {
  const t = text(x);
  return t && /^https?:\/\/[^\s]+$/i.test(t) ? t : undefined;
}

type At = (path: string) => { line: number; column: number };

function fromClaimReview(node: { [key: string]: Json }, path: string, n: number, problems: FactCheckProblem[], at: At): FactCheck | undefined {
  const item = Array.isArray(node.itemReviewed) ? node.itemReviewed[0] : node.itemReviewed;
  const claim = text(node.claimReviewed) ?? (isObject(item) ? text(item.text) ?? text(item.name) : undefined);
  const url = webAddress(node.url) ?? webAddress(node['@id']);
  const missing = !claim ? 'says which claim it reviews ("claimReviewed")' : !url ? 'gives its web address ("url", http or https)' : undefined;
  if (missing) {
    problems.push({ message: `ClaimReview ${n} of this file never ${missing}.`, ...at(path) });
    return undefined;
  }
  const rating = isObject(node.reviewRating) ? node.reviewRating : {};
  const appearance = isObject(item) ? item : {};
  return compact({
    url: url!,
    claim: claim!,
    claimant: nameOf(appearance.author),
    claimDate: date(appearance.datePublished),
    publisher: nameOf(node.author) ?? nameOf(node.publisher),
    rating: text(rating.alternateName) ?? text(rating.name),
    ratingValue: number(rating.ratingValue),
    bestRating: number(rating.bestRating),
    worstRating: number(rating.worstRating),
    reviewed: date(node.datePublished),
  });
}

function fromSearchResult(claim: Json, path: string, out: FactCheck[], problems: FactCheckProblem[], at: At): void {
  if (!isObject(claim) || !text(claim.text) || !Array.isArray(claim.claimReview)) {
    problems.push({ message: `Claim ${ordinal(path)} of this search result needs a "text" and a "claimReview" list.`, ...at(path) });
    return;
  }
  claim.claimReview.forEach((review, i) => {
    const url = isObject(review) ? webAddress(review.url) : undefined;
    if (!isObject(review) || !url) {
      problems.push({ message: `Review ${i + 1} of claim ${ordinal(path)} has no web address ("url", http or https).`, ...at(`${path}.claimReview[${i}]`) });
      return;
    }
    out.push(
      compact({
        url,
        claim: text(claim.text)!,
        claimant: text(claim.claimant),
        claimDate: date(claim.claimDate),
        publisher: nameOf(review.publisher),
        rating: text(review.textualRating),
        reviewed: date(review.reviewDate),
      }),
    );
  });
}

/** "claims[3]" → 4: people count from one. */
function ordinal(path: string): number {
  return Number(/\[(\d+)\]$/.exec(path)?.[1] ?? 0) + 1;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Where a JSON.parse error points, as line and column, in words that name no parser. */
function jsonProblem(source: string, err: unknown): FactCheckProblem {
  const message = err instanceof Error ? err.message : String(err);
  const offset = Number(/position (\d+)/.exec(message)?.[1] ?? (source.trim() ? NaN : 0));
  const { line, column } = lineColumn(source, Number.isFinite(offset) ? offset : source.length);
  return { message: source.trim() ? 'This is not valid JSON here; check for a missing comma, quote or bracket.' : 'The file is empty.', line, column };
}

function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The position of a path such as `claims[3].claimReview[0]` in the JSON text. JSON.parse
 * keeps no positions; JSON is also YAML, whose parser keeps them.
 */
function positionOf(source: string, path: string): { line: number; column: number } {
  const keys = [...path.matchAll(/([^.[\]()]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines });
  for (let n = keys.length; n >= 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}

/** The workspace's fact-checks merged with new ones: one per address, the newer read replacing the older. */
export function mergeFactChecks(existing: readonly FactCheck[], incoming: readonly FactCheck[]): { factChecks: FactCheck[]; added: number; updated: number } {
  const byUrl = new Map(existing.map((f) => [f.url, f]));
  let added = 0;
  let updated = 0;
  for (const f of incoming) {
    const old = byUrl.get(f.url);
    if (!old) added++;
    else if (JSON.stringify(old) !== JSON.stringify(f)) updated++;
    byUrl.set(f.url, f);
  }
  return { factChecks: [...byUrl.values()], added, updated };
}

const FIELD_ORDER: (keyof FactCheck)[] = ['url', 'claim', 'claimant', 'claimDate', 'publisher', 'rating', 'ratingValue', 'bestRating', 'worstRating', 'reviewed'];

/** The fact-checks file: plain YAML, sorted by address with fields in one order, so the same checks always give the same bytes. */
export function encodeFactChecks(factChecks: readonly FactCheck[]): string {
  const sorted = [...factChecks].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const items = sorted.map((f) => Object.fromEntries(FIELD_ORDER.filter((k) => f[k] !== undefined).map((k) => [k, f[k]])));
  return stringify({ [FORMAT_KEY]: FORMAT_VERSION, factChecks: items }, { lineWidth: 0 });
}

/** Reads the fact-checks file back; a damaged one reads as problems, never as an empty list that a write would keep. */
export function decodeFactChecks(source: string): FactCheckRead {
  let data: unknown;
  try {
    data = parseYaml(source, { maxAliasCount: 0 });
  } catch (err) {
    const pos = (err as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return { factChecks: [], problems: [{ message: 'This file of fact-checks cannot be read as YAML.', line: pos?.line ?? 1, column: pos?.col ?? 1 }] };
  }
  const d = data as { [FORMAT_KEY]?: unknown; factChecks?: unknown } | null;
  if (!d || d[FORMAT_KEY] !== FORMAT_VERSION || !Array.isArray(d.factChecks)) {
    return { factChecks: [], problems: [{ message: `This is not a Newsmark file of fact-checks ("${FORMAT_KEY}: ${FORMAT_VERSION}" and a "factChecks" list).`, line: 1, column: 1 }] };
  }
  const ok = d.factChecks.every((f) => f && typeof f === 'object' && typeof (f as FactCheck).url === 'string' && typeof (f as FactCheck).claim === 'string');
  return ok ? { factChecks: d.factChecks as FactCheck[], problems: [] } : { factChecks: [], problems: [{ message: 'Every fact-check needs a "url" and a "claim".', line: 1, column: 1 }] };
}
