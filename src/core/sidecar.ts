// The sidecar codec: reads `<article>.annotations.yaml` into annotations with positioned problems, and writes it back keeping hand edits.

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { CORE_SCHEMA, load as loadYamlData } from 'js-yaml';
import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  visit,
  YAMLMap,
  YAMLSeq,
  type Node as YamlNode,
} from 'yaml';
import schema from '../../schemas/sidecar-v1.schema.json';
import { sha256 } from './hash';
import { type Actor, type Anchor, type Annotations, type Claim, FORMAT_VERSION, anchorState, CONTEXT_LENGTH } from './model';
import { CodePointIndex, contextAfter, contextBefore } from './offsets';

/** The sidecar file name for an article file name: `csto.txt` → `csto.txt.annotations.yaml`. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

export function sidecarNameFor(articleFileName: string): string {
  return articleFileName + SIDECAR_SUFFIX;
}

export type ProblemCode =
  | 'syntax'
  | 'duplicate-key'
  | 'alias'
  | 'multiple-documents'
  | 'format-version'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-claimant'
  | 'anchor-out-of-range'
  | 'anchor-mismatch'
  | 'unknown-actor-type'
  | 'unknown-verdict'
  | 'orphaned'
  | 'changed';

/** A problem found in a sidecar, positioned on the sidecar text (line and column are 1-based). */
export interface SidecarProblem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
}

export interface DecodeOptions {
  /** Actor type ids the user has configured; others are reported as warnings. */
  actorTypes?: readonly string[];
  /** Verdict ids of the configured scale; others are reported as warnings. */
  verdicts?: readonly string[];
  /**
   * Only the annotations are wanted (the workspace index): read the data with a faster
   * parser that keeps no positions and no document. A sidecar with any problem is read
   * again the full way, so its problems still come back positioned.
   */
  dataOnly?: boolean;
}

export interface DecodeResult {
  /** Present only when the sidecar has no errors (warnings allowed). */
  annotations?: Annotations;
  problems: SidecarProblem[];
  /** The parsed document, kept so that writing back preserves comments and key order. */
  document?: Document;
  /**
   * The article changed since the sidecar was written (its sha256 differs): the anchors hold
   * their old positions only as hints and must be re-attached before use.
   */
  stale: boolean;
}

let compiled: ValidateFunction | undefined;

/**
 * The schema validator, compiled on first use: compiling costs more than reading most
 * sidecars, and activation should not pay it before an article is opened.
 */
function validateSchema(data: unknown): boolean {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  const valid = compiled(data);
  validateSchema.errors = compiled.errors;
  return valid;
}
validateSchema.errors = undefined as ErrorObject[] | null | undefined;

/**
 * Reads a sidecar against the article text as stored on disk. Never throws: every problem
 * comes back positioned on the sidecar. Anchors come back in UTF-16 offsets.
 */
export function decodeSidecar(source: string, articleText: string, options: DecodeOptions = {}): DecodeResult {
  if (options.dataOnly) {
    const fast = decodeDataOnly(source, articleText, options);
    if (fast) {
      return fast;
    }
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: SidecarProblem[] = [];
  const at = (offset: number, length: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { offset, length: Math.max(length, 1), line, column: col };
  };
  const problem = (code: ProblemCode, message: string, node: { range?: [number, number, number] | null } | undefined, severity: 'error' | 'warning' = 'error') => {
    const [start, end] = node?.range ?? [0, 0];
    problems.push({ code, severity, message, ...at(start, end - start) });
  };

  for (const error of document.errors) {
    const [start, end] = error.pos;
    if (error.code === 'DUPLICATE_KEY') {
      // yaml marks only the key's first character; the whole key reads better in the editor.
      const key = /^[^\s:#,{}[\]]+/.exec(source.slice(start))?.[0] ?? '';
      problems.push({
        code: 'duplicate-key',
        severity: 'error',
        message: key
          ? `"${key}" is written twice here; keep one of them.`
          : 'This key is written twice here; keep one of them.',
        ...at(start, Math.max(key.length, end - start)),
      });
      continue;
    }
    const code: ProblemCode = error.code === 'MULTIPLE_DOCS' ? 'multiple-documents' : 'syntax';
    const message =
      code === 'multiple-documents'
        ? 'A sidecar holds one YAML document; remove the "---" line and everything after it, or merge it into the first document.'
        : `YAML syntax error: ${syntaxWords(error.code, error.message, source, start)}`;
    problems.push({ code, severity: 'error', message, ...at(start, end - start) });
  }
  if (problems.length) {
    return { problems, document, stale: false };
  }

  // Aliases can expand exponentially and make the data hard to review; a sidecar has none.
  visit(document, {
    Alias(_key, node) {
      problem('alias', `YAML aliases (*${node.source}) are not allowed in a sidecar; write the value out in full.`, node);
    },
  });
  if (problems.length) {
    return { problems, document, stale: false };
  }

  const data = document.toJS({ maxAliasCount: 0 }) as unknown;
  if (data === null || data === undefined) {
    problems.push({ code: 'schema', severity: 'error', message: 'The sidecar is empty; it needs at least "newsmark: 1" and an "article:" section.', ...at(0, 0) });
    return { problems, document, stale: false };
  }
  if (typeof data === 'object' && !Array.isArray(data) && 'newsmark' in data) {
    const version = (data as { newsmark: unknown }).newsmark;
    if (version !== FORMAT_VERSION) {
      problem(
        'format-version',
        typeof version === 'number' && version > FORMAT_VERSION
          ? `This sidecar is format version ${version}; this version of Newsmark reads version ${FORMAT_VERSION}. Update Newsmark to open it.`
          : `Unknown sidecar format version ${JSON.stringify(version)}; Newsmark reads version ${FORMAT_VERSION}.`,
        nodeAt(document, ['newsmark']),
      );
      return { problems, document, stale: false };
    }
  }

  if (!validateSchema(data)) {
    for (const error of validateSchema.errors ?? []) {
      const { node, message } = describeSchemaError(document, error);
      problem('schema', message, node);
    }
    return { problems, document, stale: false };
  }

  const { annotations, stale } = buildAnnotations(data as SidecarData, articleText, options, (code, message, paths, severity) =>
    problem(code, message, paths.map((path) => nodeAt(document, path)).find(Boolean), severity),
  );
  if (problems.some((p) => p.severity === 'error')) {
    return { problems, document, stale };
  }
  return { annotations, problems, document, stale };
}

type SidecarData = Omit<Annotations, 'actors' | 'claims'> & { actors?: Actor[]; claims?: Claim[] };
type Report = (code: ProblemCode, message: string, paths: (string | number)[][], severity?: 'error' | 'warning') => void;

/**
 * Reads the fast way: plain data, no positions. Undefined when the sidecar has anything to
 * report (or uses YAML features the full reader refuses), so the caller reads it fully.
 */
function decodeDataOnly(source: string, articleText: string, options: DecodeOptions): DecodeResult | undefined {
  // Anchors and aliases are refused by the full reader; a rare "&" or "*" in a quote only costs the slow path.
  if (/[&*]/.test(source)) {
    return undefined;
  }
  let data: unknown;
  try {
    data = loadYamlData(source, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || (data as { newsmark?: unknown }).newsmark !== FORMAT_VERSION || !validateSchema(data)) {
    return undefined;
  }
  let reported = false;
  const { annotations, stale } = buildAnnotations(data as SidecarData, articleText, options, () => {
    reported = true;
  });
  return reported ? undefined : { annotations, problems: [], stale };
}

/** The annotations in validated sidecar data, with semantic problems (ids, claimants, anchors) reported by path. */
function buildAnnotations(sidecar: SidecarData, articleText: string, options: DecodeOptions, report: Report): { annotations: Annotations; stale: boolean } {
  const actors = sidecar.actors ?? [];
  const claims = sidecar.claims ?? [];

  const seen = new Map<string, string>();
  const checkId = (id: string, path: [string, number, string], what: string) => {
    const first = seen.get(id);
    if (first) {
      report(
        'duplicate-id',
        `The id "${id}" is already used by ${first}; give every actor and claim an id of its own.`,
        [path],
      );
    } else {
      seen.set(id, what);
    }
  };
  actors.forEach((actor, i) => checkId(actor.id, ['actors', i, 'id'], `actor ${i + 1} ("${actor.name}")`));
  claims.forEach((claim, i) => checkId(claim.id, ['claims', i, 'id'], `claim ${i + 1}`));

  const actorIds = new Set(actors.map((a) => a.id));
  claims.forEach((claim, i) => {
    if (claim.claimant !== undefined && !actorIds.has(claim.claimant)) {
      report(
        'unknown-claimant',
        `Claim "${claim.id}" names the claimant "${claim.claimant}", but no actor has that id. Add the actor, or remove "claimant" to attribute the claim to the article itself.`,
        [['claims', i, 'claimant']],
      );
    }
    if (typeof claim.verdict === 'boolean') {
      // A hand-written `verdict: true` is YAML's boolean; the scale's id is the text "true".
      claim.verdict = String(claim.verdict);
    }
    if (options.verdicts && claim.verdict !== undefined && !options.verdicts.includes(claim.verdict)) {
      report(
        'unknown-verdict',
        `Claim "${claim.id}" has the verdict "${claim.verdict}", which is not on the verdict scale (${options.verdicts.join(', ')}).`,
        [['claims', i, 'verdict']],
        'warning',
      );
    }
  });
  if (options.actorTypes) {
    actors.forEach((actor, i) => {
      if (!options.actorTypes!.includes(actor.type)) {
        report(
          'unknown-actor-type',
          `Actor "${actor.id}" has the type "${actor.type}", which is not one of the configured actor types (${options.actorTypes!.join(', ')}).`,
          [['actors', i, 'type']],
          'warning',
        );
      }
    });
  }

  const stale = sidecar.article.sha256 !== undefined && sidecar.article.sha256 !== sha256(articleText);
  const index = new CodePointIndex(articleText);
  const readAnchor = (anchor: Anchor & { changed?: boolean }, path: (string | number)[], what: string): Anchor => {
    const result: Anchor = {
      start: 0,
      end: 0,
      quote: anchor.quote,
      prefix: anchor.prefix ?? '',
      suffix: anchor.suffix ?? '',
    };
    if (anchor.orphaned) {
      result.orphaned = true;
    }
    const start = index.toUtf16(anchor.start);
    const end = index.toUtf16(anchor.end);
    if (stale || anchor.orphaned) {
      // Old positions are only a hint for re-attachment; keep them inside the text.
      result.start = start ?? Math.min(anchor.start, articleText.length);
      result.end = Math.max(result.start, end ?? Math.min(anchor.end, articleText.length));
      return result;
    }
    if (start === undefined || end === undefined || anchor.end < anchor.start) {
      report(
        'anchor-out-of-range',
        anchor.end < anchor.start
          ? `The ${what} ends (${anchor.end}) before it starts (${anchor.start}); "end" must not be less than "start".`
          : `The ${what} spans ${anchor.start}–${anchor.end}, but the article is only ${index.codePointLength} characters long.`,
        [path],
      );
      return result;
    }
    result.start = start;
    result.end = end;
    const actual = articleText.slice(start, end);
    if (actual !== anchor.quote && !anchor.changed) {
      report(
        'anchor-mismatch',
        `The ${what} quotes "${shorten(anchor.quote)}", but the article has "${shorten(actual)}" at ${anchor.start}–${anchor.end}.`,
        [[...path, 'quote'], path],
      );
    }
    return result;
  };

  const decoded: Annotations = {
    article: { ...sidecar.article },
    actors: actors.map((actor, i) => ({
      ...actor,
      mentions: (actor.mentions ?? []).map((m, j) => readAnchor(m, ['actors', i, 'mentions', j], `mention of "${actor.name}"`)),
    })),
    claims: claims.map((claim, i) => ({
      ...claim,
      sources: claim.sources ?? [],
      anchor: readAnchor(claim.anchor, ['claims', i, 'anchor'], `claim "${claim.id}"`),
    })),
  };
  if (sidecar.suggestions) {
    decoded.suggestions = sidecar.suggestions;
  }
  if (sidecar.extra) {
    decoded.extra = sidecar.extra;
  }
  return { annotations: decoded, stale };
}

/** Rejected suggestions, sorted so the order they were rejected in makes no diff; nothing when empty. */
function rejectedData(annotations: Annotations): Plain | undefined {
  const rejected = annotations.suggestions?.rejected;
  const actors = [...new Set(rejected?.actors ?? [])].sort();
  const claims = [...new Set(rejected?.claims ?? [])].sort();
  if (!actors.length && !claims.length) {
    return undefined;
  }
  const out: { [key: string]: Plain } = {};
  if (actors.length) {
    out.actors = actors;
  }
  if (claims.length) {
    out.claims = claims;
  }
  return { rejected: out };
}

/** Canonical key order: new keys are written in this order; keys a user reordered stay where they are. */
const KEY_ORDER: Record<string, readonly string[]> = {
  root: ['newsmark', 'article', 'actors', 'claims', 'suggestions', 'extra'],
  article: ['file', 'title', 'url', 'publisher', 'published', 'sha256'],
  actor: ['id', 'name', 'type', 'aliases', 'wikidata', 'notes', 'mentions', 'extra'],
  claim: ['id', 'anchor', 'claimant', 'status', 'verdict', 'sources', 'notes', 'sameAs', 'notSameAs', 'extra'],
  anchor: ['start', 'end', 'quote', 'prefix', 'suffix', 'orphaned', 'changed'],
  source: ['url', 'title', 'archived', 'accessed'],
};

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/**
 * The sidecar as plain data in canonical key order, with anchors converted to code points
 * and their context refreshed from the text being saved.
 */
export function toSidecarData(annotations: Annotations, articleText: string): { [key: string]: Plain } {
  const index = new CodePointIndex(articleText);
  const anchor = (a: Anchor): Plain => {
    const state = anchorState(a, articleText);
    const start = index.toCodePoint(Math.min(a.start, articleText.length)) ?? 0;
    const end = index.toCodePoint(Math.min(a.end, articleText.length)) ?? start;
    return ordered('anchor', {
      start,
      end,
      quote: a.quote,
      prefix: state === 'orphaned' ? a.prefix : contextBefore(articleText, a.start, CONTEXT_LENGTH),
      suffix: state === 'orphaned' ? a.suffix : contextAfter(articleText, a.end, CONTEXT_LENGTH),
      orphaned: state === 'orphaned' ? true : undefined,
      changed: state === 'changed' ? true : undefined,
    });
  };
  return ordered('root', {
    newsmark: FORMAT_VERSION,
    article: ordered('article', { ...annotations.article, sha256: sha256(articleText) }),
    actors: annotations.actors.map((actor) =>
      ordered('actor', {
        ...actor,
        aliases: actor.aliases?.length ? actor.aliases : undefined,
        mentions: [...actor.mentions].sort((a, b) => a.start - b.start || a.end - b.end).map(anchor),
      } as Record<string, unknown>),
    ),
    claims: annotations.claims.map((claim) =>
      ordered('claim', {
        ...claim,
        anchor: anchor(claim.anchor),
        sources: claim.sources.length ? claim.sources.map((s) => ordered('source', { ...s })) : undefined,
      } as Record<string, unknown>),
    ),
    suggestions: rejectedData(annotations),
    extra: annotations.extra as Plain | undefined,
  }) as { [key: string]: Plain };
}

/**
 * Writes annotations as sidecar YAML. With the previously read document, edits are applied
 * to it in place, so comments, key order and untouched formatting survive the round trip.
 */
export function encodeSidecar(annotations: Annotations, articleText: string, previous?: Document): string {
  const data = toSidecarData(annotations, articleText);
  let document: Document;
  if (previous && previous.errors.length === 0 && isMap(previous.contents)) {
    document = previous.clone();
    syncMap(document, document.contents as YAMLMap, data, 'root');
  } else {
    document = new Document();
    document.contents = createNode(document, data, 'root');
  }
  // Long quotes stay on one line: folding would make diffs noisy and merges harder.
  // Line breaks inside quoted text stay escaped ("\n"), or a long quote would wrap the anchor.
  return document.toString({ lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
}

function ordered(kind: string, value: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  const order = KEY_ORDER[kind];
  for (const key of order) {
    if (value[key] !== undefined) {
      out[key] = value[key] as Plain;
    }
  }
  for (const key of Object.keys(value)) {
    if (!order.includes(key) && value[key] !== undefined) {
      out[key] = value[key] as Plain;
    }
  }
  return out;
}

/** What kind of map sits under `key` inside a map of kind `parent`. */
function childKind(parent: string, key: string): string {
  switch (`${parent}.${key}`) {
    case 'root.article':
      return 'article';
    case 'root.actors':
      return 'actor';
    case 'root.claims':
      return 'claim';
    case 'actor.mentions':
    case 'claim.anchor':
      return 'anchor';
    case 'claim.sources':
      return 'source';
    default:
      return 'other';
  }
}

function createNode(document: Document, value: Plain, kind: string): YamlNode {
  const node = document.createNode(value) as YamlNode;
  markFlow(node, kind);
  return node;
}

/** Anchors are written one per line, as flow maps, so a moved mention is a one-line diff. */
function markFlow(node: YamlNode, kind: string): void {
  if (isMap(node)) {
    if (kind === 'anchor') {
      node.flow = true;
      for (const pair of node.items) {
        // yaml would pick single quotes for text with a '"' in it, and a single-quoted
        // scalar can only hold a line break as a real one, splitting the anchor over lines.
        if (isScalar(pair.value) && typeof pair.value.value === 'string' && /[\n\r\u0085\u2028\u2029]/.test(pair.value.value)) {
          pair.value.type = Scalar.QUOTE_DOUBLE;
        }
      }
      return;
    }
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.value && typeof pair.value === 'object') {
        markFlow(pair.value as YamlNode, childKind(kind, String(pair.key.value)));
      }
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      markFlow(item as YamlNode, kind);
    }
  }
}

function syncMap(document: Document, map: YAMLMap, value: { [key: string]: Plain }, kind: string): void {
  const order = KEY_ORDER[kind] ?? [];
  // Remove keys that are no longer set (a cleared verdict, a removed note).
  map.items = map.items.filter((pair) => isScalar(pair.key) && String(pair.key.value) in value);
  for (const [key, child] of Object.entries(value)) {
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    const sub = childKind(kind, key);
    if (pair) {
      pair.value = syncValue(document, pair.value as YamlNode | null, child, sub);
      continue;
    }
    const newPair = document.createPair(key, null);
    newPair.value = createNode(document, child, sub);
    // Insert before the first existing key that comes later in the canonical order.
    const rank = order.indexOf(key);
    const before = rank < 0 ? -1 : map.items.findIndex((p) => isScalar(p.key) && order.indexOf(String(p.key.value)) > rank);
    if (before < 0) {
      map.items.push(newPair);
    } else {
      map.items.splice(before, 0, newPair);
    }
  }
}

function syncValue(document: Document, node: YamlNode | null, value: Plain, kind: string): YamlNode {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (isMap(node) && !(kind === 'anchor' && !sameData(node, value))) {
      syncMap(document, node, value, kind);
      return node;
    }
    if (isMap(node) && kind === 'anchor') {
      // A moved anchor is rewritten whole on its line; its comment, if any, stays.
      const fresh = createNode(document, value, kind);
      fresh.comment = node.comment;
      fresh.commentBefore = node.commentBefore;
      return fresh;
    }
    return createNode(document, value, kind);
  }
  if (Array.isArray(value)) {
    if (!isSeq(node)) {
      return createNode(document, value, kind);
    }
    if (node.flow && kind !== 'other' && value.length > 0) {
      // An empty list is written "[]"; left in flow style, the first claim or mention added
      // to it would be written inline, and every later one on the same line.
      node.flow = false;
    }
    syncSeq(document, node, value, kind);
    return node;
  }
  if (isScalar(node)) {
    if (node.value !== value) {
      node.value = value;
    }
    return node;
  }
  return document.createNode(value) as YamlNode;
}

function syncSeq(document: Document, seq: YAMLSeq, values: Plain[], kind: string): void {
  const remaining = [...seq.items] as YamlNode[];
  const takeWhere = (test: (node: YamlNode) => boolean): YamlNode | undefined => {
    const at = remaining.findIndex(test);
    return at < 0 ? undefined : remaining.splice(at, 1)[0];
  };
  // Exact matches first, so an unchanged item never loses its node to a changed one.
  const existing = values.map((value) => {
    const id = isPlainMap(value) ? value.id : undefined;
    return takeWhere((node) => (id !== undefined && isMap(node) ? node.get('id') === id : sameData(node, value)));
  });
  if (kind === 'anchor') {
    values.forEach((value, i) => {
      if (!existing[i] && isPlainMap(value)) {
        // A mention that moved still has its quote; finding its old line by it keeps the comment written there.
        existing[i] = takeWhere((node) => isMap(node) && node.get('quote') === value.quote);
      }
    });
  }
  seq.items = values.map((value, i) => {
    const node = existing[i];
    return node ? syncValue(document, node, value, kind) : createNode(document, value, kind);
  });
}

function isPlainMap(value: Plain): value is { [key: string]: Plain } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameData(node: unknown, value: Plain): boolean {
  if (!node || typeof node !== 'object' || !('toJSON' in node)) {
    return false;
  }
  return JSON.stringify((node as { toJSON(): unknown }).toJSON()) === JSON.stringify(value);
}

function nodeAt(document: Document, path: (string | number)[]): YamlNode | undefined {
  const node = document.getIn(path, true);
  return node && typeof node === 'object' && 'range' in (node as object) ? (node as YamlNode) : undefined;
}

/** The map key node itself, for errors about a key (an unknown one, say). */
function keyNodeAt(document: Document, path: (string | number)[], key: string): YamlNode | undefined {
  const parent = path.length ? document.getIn(path, true) : document.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) {
      return pair.key;
    }
  }
  return undefined;
}

const FIELD_WORDS: Record<string, string> = {
  newsmark: 'the format version',
  article: 'the "article" section',
  actors: 'the list of actors',
  claims: 'the list of claims',
};

/** Turns an ajv error into a sentence about the sidecar, positioned on the offending node. */
function describeSchemaError(document: Document, error: ErrorObject): { node?: YamlNode; message: string } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
  const where = describePath(path);
  const node = nodeAt(document, path);
  switch (error.keyword) {
    case 'required':
      return {
        node: node ?? nodeAt(document, path.slice(0, -1)),
        message: `${capitalise(where)} is missing "${(error.params as { missingProperty: string }).missingProperty}".`,
      };
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = KEY_ORDER[kindOf(path)] ?? [];
      const present = isMap(node) ? node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')) : [];
      // Only keys still missing from the map: "claimnt" next to an existing "claimant" is no typo of it.
      const guess = known.find((k) => !present.includes(k) && editDistance(k, key) <= 2);
      return {
        node: keyNodeAt(document, path, key) ?? node,
        message: guess
          ? `${capitalise(where)} has an unknown key "${key}"; did you mean "${guess}"?`
          : known.length
            ? `${capitalise(where)} has an unknown key "${key}"; the keys allowed here are: ${known.join(', ')}.`
            : `${capitalise(where)} has an unknown key "${key}"; check its spelling.`,
      };
    }
    case 'type':
      return { node, message: `${capitalise(where)} must be ${typeWords((error.params as { type: string | string[] }).type)}.` };
    case 'enum':
      return {
        node,
        message: `${capitalise(where)} must be one of: ${((error.params as { allowedValues: unknown[] }).allowedValues).join(', ')}.`,
      };
    case 'pattern':
      return { node, message: `${capitalise(where)} ${patternWords(path)}` };
    case 'minimum':
      return { node, message: `${capitalise(where)} must not be negative.` };
    case 'minLength':
      return { node, message: `${capitalise(where)} must not be empty.` };
    case 'const':
      return { node, message: `${capitalise(where)} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}.` };
    default:
      return { node, message: `${capitalise(where)}: ${error.message ?? 'is not valid'}.` };
  }
}

/** Which KEY_ORDER entry describes the map at a path. */
function kindOf(path: (string | number)[]): string {
  let kind = 'root';
  for (const part of path) {
    if (typeof part === 'string') {
      kind = childKind(kind, part);
    }
  }
  return kind;
}

/** Levenshtein distance, for suggesting the key a typo meant. Keys are short, so the plain table is fine. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function describePath(path: (string | number)[]): string {
  if (path.length === 0) {
    return 'the sidecar';
  }
  if (path.length === 1 && typeof path[0] === 'string' && FIELD_WORDS[path[0]]) {
    return FIELD_WORDS[path[0]];
  }
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const next = path[i + 1];
    if (typeof next === 'number') {
      const noun = part === 'actors' ? 'actor' : part === 'claims' ? 'claim' : part === 'mentions' ? 'mention' : part === 'sources' ? 'source' : part === 'aliases' ? 'alias' : String(part);
      parts.push(`${noun} ${next + 1}`);
      i++;
    } else {
      parts.push(`"${part}"`);
    }
  }
  return parts.reverse().join(' of ');
}

function patternWords(path: (string | number)[]): string {
  const last = path[path.length - 1];
  switch (last) {
    case 'url':
    case 'archived':
      return 'must be a web address starting with http:// or https://.';
    case 'wikidata':
      return 'must be a Wikidata id such as Q42.';
    case 'accessed':
      return 'must be a date written YYYY-MM-DD.';
    case 'sha256':
      return 'must be 64 hexadecimal digits.';
    default:
      return 'may hold only letters, digits, ".", "_" and "-", starting with a letter or digit.';
  }
}

function typeWords(type: string | string[]): string {
  const words: Record<string, string> = {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of keys and values',
  };
  return (Array.isArray(type) ? type : [type]).map((t) => words[t] ?? t).join(' or ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

/**
 * The YAML parser's message rephrased for someone editing by hand, with the fix for the
 * mistakes people actually make in notes and quotes; anything else keeps the parser's words.
 */
function syntaxWords(code: string, message: string, source: string, offset: number): string {
  const restOfLine = source.slice(offset).split(/\r?\n/)[0];
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/:\s/.test(restOfLine)) {
        return 'this value contains ": ", which YAML reads as the start of another key. Put the whole value in quotes.';
      }
      break;
    case 'TAB_AS_INDENT':
      return 'indent with spaces; YAML does not allow tabs at the start of a line.';
    case 'BAD_SCALAR_START':
      return `a value cannot start with "${restOfLine.charAt(0)}" unless it is quoted. Put the whole value in quotes.`;
    case 'MISSING_CHAR':
      if (/closing "quote/.test(message)) {
        return 'a value opened with " is never closed; add the closing " where the value ends.';
      }
      if (/closing 'quote/.test(message)) {
        return "a value opened with ' is never closed; add the closing ' where the value ends (write '' for an apostrophe inside it).";
      }
      if (/followed by map values/.test(message)) {
        return 'a key needs a colon and a space before its value, as in "status: checked".';
      }
      if (/without - indicator/.test(message)) {
        return 'this line is not indented like the lines above it; line it up with the other keys of the same item.';
      }
      break;
    case 'BAD_INDENT':
      if (/Flow map/.test(message)) {
        return 'a "{ … }" map is not closed; add the missing "}" at the end of its line.';
      }
      if (/Flow sequence/.test(message)) {
        return 'a "[ … ]" list is not closed; add the missing "]".';
      }
      break;
  }
  return firstLine(message);
}

function shorten(text: string, max = 60): string {
  const oneLine = text.replace(/\r?\n/g, '⏎');
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}
