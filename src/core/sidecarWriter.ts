// Writing the sidecar: annotations to YAML in a fixed key order, applied to the previously read document so comments and hand edits survive.

import { Document, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { sha256 } from './hash';
import { type Anchor, type Annotations, anchorState, CONTEXT_LENGTH, FORMAT_VERSION } from './model';
import { CodePointIndex, contextAfter, contextBefore } from './offsets';

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
export const KEY_ORDER: Record<string, readonly string[]> = {
  root: ['newsmark', 'conflicts', 'article', 'actors', 'claims', 'suggestions', 'extra'],
  conflict: ['kind', 'id', 'field', 'base', 'ours', 'theirs', 'evidence'],
  article: ['file', 'title', 'url', 'publisher', 'published', 'sha256'],
  actor: ['id', 'name', 'type', 'aliases', 'wikidata', 'notes', 'by', 'at', 'mentions', 'extra'],
  claim: ['id', 'anchor', 'by', 'at', 'claimant', 'status', 'verdict', 'reviewedBy', 'reviewedAt', 'sources', 'notes', 'sameAs', 'notSameAs', 'extra'],
  anchor: ['start', 'end', 'quote', 'prefix', 'suffix', 'orphaned', 'changed'],
  mention: ['start', 'end', 'quote', 'prefix', 'suffix', 'orphaned', 'changed', 'by', 'at'],
  source: ['url', 'title', 'archived', 'accessed'],
};

export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

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
        mentions: [...actor.mentions].sort((a, b) => a.start - b.start || a.end - b.end).map((m) => ordered('mention', { ...(anchor(m) as object), by: m.by, at: m.at })),
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
    conflicts: annotations.conflicts?.length ? annotations.conflicts.map((c) => ordered('conflict', plainCopy(c) as Record<string, unknown>)) : undefined,
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
    document = shell(previous);
    document.contents = syncMap(document, previous.contents, data, 'root');
  } else {
    document = new Document();
    document.contents = createNode(document, data, 'root');
  }
  // Long quotes stay on one line: folding would make diffs noisy and merges harder.
  // Line breaks inside quoted text stay escaped ("\n"), or a long quote would wrap the anchor.
  return document.toString({ lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
}

/**
 * The previous document without its contents: its directives, comments and options. The
 * contents are rebuilt copy-on-write, so the caller's document is never changed and a
 * moved anchor, rewritten whole anyway, is never copied first.
 */
function shell(previous: Document): Document {
  const contents = previous.contents;
  previous.contents = null;
  try {
    return previous.clone();
  } finally {
    previous.contents = contents;
  }
}

/** A shallow copy of a map or list, whose items can be replaced without touching the original. */
function copyCollection<T extends YAMLMap | YAMLSeq>(document: Document, node: T): T {
  const copy = (isMap(node) ? new YAMLMap(document.schema) : new YAMLSeq(document.schema)) as T;
  return Object.assign(copy, node);
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

/** A value as plain data: undefined fields dropped, as JSON would, so it can be written as YAML. */
function plainCopy(value: unknown): Plain {
  return JSON.parse(JSON.stringify(value ?? null)) as Plain;
}

/** What kind of map sits under `key` inside a map of kind `parent`. */
export function childKind(parent: string, key: string): string {
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
    case 'root.conflicts':
      return 'conflict';
    default:
      return 'other';
  }
}

function createNode(document: Document, value: Plain, kind: string): YamlNode {
  if (kind === 'anchor' && isPlainMap(value)) {
    return anchorNode(document, value);
  }
  // Shared objects would come out as YAML aliases, which the reader refuses.
  const node = document.createNode(value, { aliasDuplicateObjects: false }) as YamlNode;
  markFlow(node, kind);
  return node;
}

/** What markFlow makes of an anchor, built directly: a sidecar may hold tens of thousands of them. */
function anchorNode(document: Document, value: { [key: string]: Plain }): YAMLMap {
  const map = new YAMLMap(document.schema);
  map.flow = true;
  for (const [key, child] of Object.entries(value)) {
    const scalar = new Scalar(child);
    if (typeof child === 'string' && LINE_BREAK.test(child)) {
      scalar.type = Scalar.QUOTE_DOUBLE;
    }
    map.items.push(new Pair(new Scalar(key), scalar));
  }
  return map;
}

const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

/**
 * Text of line breaks and blanks only (" \n"). As a block scalar its space-only lines would
 * be read back as indentation and the spaces lost, as no line with content fixes the
 * indentation; double quotes keep every character.
 */
function onlyBlankLines(value: unknown): boolean {
  return typeof value === 'string' && LINE_BREAK.test(value) && /^\s*$/.test(value);
}

/** Quotes a text scalar whose block form would not read back as written (see onlyBlankLines). */
function keepBlanks<T extends YamlNode>(node: T): T {
  if (isScalar(node) && onlyBlankLines(node.value)) {
    node.type = Scalar.QUOTE_DOUBLE;
  }
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
        if (isScalar(pair.value) && typeof pair.value.value === 'string' && LINE_BREAK.test(pair.value.value)) {
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
  } else {
    keepBlanks(node);
  }
}

function syncMap(document: Document, old: YAMLMap, value: { [key: string]: Plain }, kind: string): YAMLMap {
  const order = KEY_ORDER[kind] ?? [];
  const map = copyCollection(document, old);
  // Remove keys that are no longer set (a cleared verdict, a removed note).
  map.items = old.items.filter((pair) => isScalar(pair.key) && String(pair.key.value) in value).map((pair) => Object.assign(new Pair(pair.key), pair));
  // Looked up once: an "extra" map may hold thousands of keys.
  const pairs = new Map<string, (typeof map.items)[number]>();
  for (const pair of map.items) {
    const key = String((pair.key as Scalar).value);
    if (!pairs.has(key)) {
      pairs.set(key, pair);
    }
  }
  for (const [key, child] of Object.entries(value)) {
    const pair = pairs.get(key);
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
  return map;
}

/** `same` tells, when the caller already knows, whether the node holds exactly `value`. */
function syncValue(document: Document, node: YamlNode | null, value: Plain, kind: string, same?: boolean): YamlNode {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (isMap(node) && kind === 'anchor') {
      if (same ?? sameData(node, value)) {
        return node;
      }
      // A moved anchor is rewritten whole on its line; its comment, if any, stays.
      const fresh = createNode(document, value, kind);
      fresh.comment = node.comment;
      fresh.commentBefore = node.commentBefore;
      return fresh;
    }
    return isMap(node) ? syncMap(document, node, value, kind) : createNode(document, value, kind);
  }
  if (Array.isArray(value)) {
    if (!isSeq(node)) {
      return createNode(document, value, kind);
    }
    const seq = copyCollection(document, node);
    if (seq.flow && kind !== 'other' && value.length > 0) {
      // An empty list is written "[]"; left in flow style, the first claim or mention added
      // to it would be written inline, and every later one on the same line.
      seq.flow = false;
    }
    syncSeq(document, seq, value, kind);
    return seq;
  }
  if (isScalar(node)) {
    return node.value === value ? node : keepBlanks(Object.assign(new Scalar(value), node, { value }));
  }
  return keepBlanks(document.createNode(value) as YamlNode);
}

function syncSeq(document: Document, seq: YAMLSeq, values: Plain[], kind: string): void {
  const old = new OldItems(seq.items as YamlNode[]);
  // Whether each found node is known to hold its value exactly: found by equal data, it does.
  const same: (boolean | undefined)[] = [];
  // Exact matches first, so an unchanged item never loses its node to a changed one.
  const existing = values.map((value, i) => {
    const id = isPlainMap(value) ? value.id : undefined;
    // A map item with an id is found by it; anything else only by equal data.
    if (id !== undefined) {
      return old.takeById(id);
    }
    same[i] = true;
    return old.takeByData(value);
  });
  if (kind === 'anchor') {
    values.forEach((value, i) => {
      if (!existing[i] && isPlainMap(value)) {
        // A mention that moved still has its quote; finding its old line by it keeps the comment written there.
        // Had a node with equal data been left, the first pass would have taken it.
        existing[i] = old.takeByQuote(value.quote);
        same[i] = false;
      }
    });
  }
  seq.items = values.map((value, i) => {
    const node = existing[i];
    return node ? syncValue(document, node, value, kind, same[i]) : createNode(document, value, kind);
  });
}

/** The positions, in list order, of the old items that share one key, and how many of them are known to be taken. */
interface Queue {
  at: number[];
  next: number;
}

/**
 * The old items of a list, indexed once so that each new item finds its old node in constant
 * time: a sidecar may hold tens of thousands of mentions, and matching each against every
 * other made writing quadratic. Each old item is taken at most once, earliest first.
 */
class OldItems {
  private readonly taken: boolean[];
  private readonly byId = new Map<unknown, Queue>();
  private byData?: Map<string, Queue>;
  private byQuote?: Map<unknown, Queue>;

  constructor(private readonly nodes: YamlNode[]) {
    this.taken = nodes.map(() => false);
    nodes.forEach((node, i) => {
      const id = isMap(node) ? node.get('id') : undefined;
      if (id !== undefined) {
        add(this.byId, id, i);
      }
    });
  }

  takeById(id: Plain): YamlNode | undefined {
    // Only a map can hold an id, and an item with an id is a map, so no other item can equal it.
    return this.take(this.byId.get(id));
  }

  takeByData(value: Plain): YamlNode | undefined {
    this.byData ??= this.index(dataKey);
    return this.take(this.byData.get(JSON.stringify(value)));
  }

  takeByQuote(quote: Plain): YamlNode | undefined {
    this.byQuote ??= this.index((node) => (isMap(node) ? node.get('quote') : undefined));
    return this.take(this.byQuote.get(quote));
  }

  private index<K>(keyOf: (node: YamlNode) => K | undefined): Map<K, Queue> {
    const map = new Map<K, Queue>();
    this.nodes.forEach((node, i) => {
      const key = keyOf(node);
      if (key !== undefined) {
        add(map, key, i);
      }
    });
    return map;
  }

  private take(queue: Queue | undefined): YamlNode | undefined {
    if (!queue) {
      return undefined;
    }
    while (queue.next < queue.at.length && this.taken[queue.at[queue.next]]) {
      queue.next++;
    }
    if (queue.next === queue.at.length) {
      return undefined;
    }
    const i = queue.at[queue.next++];
    this.taken[i] = true;
    return this.nodes[i];
  }
}

function add<K>(map: Map<K, Queue>, key: K, position: number): void {
  const queue = map.get(key);
  if (queue) {
    queue.at.push(position);
  } else {
    map.set(key, { at: [position], next: 0 });
  }
}

/**
 * The node's data as JSON, to compare with a value's; undefined for a node that has none.
 * An anchor (a map of plain values) is serialised directly: going through toJSON() for
 * each of tens of thousands of them cost more than writing the file.
 */
function dataKey(node: YamlNode): string | undefined {
  if (isMap(node) && node.items.every((p) => isScalar(p.key) && typeof p.key.value === 'string' && p.key.value !== '__proto__' && isScalar(p.value))) {
    const data: Record<string, unknown> = {};
    for (const pair of node.items) {
      data[(pair.key as Scalar).value as string] = (pair.value as Scalar).value;
    }
    return JSON.stringify(data);
  }
  return hasJson(node) ? JSON.stringify(node.toJSON()) : undefined;
}

function hasJson(node: unknown): node is { toJSON(): unknown } {
  return !!node && typeof node === 'object' && 'toJSON' in node;
}

function isPlainMap(value: Plain): value is { [key: string]: Plain } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameData(node: YamlNode, value: Plain): boolean {
  const key = dataKey(node);
  return key !== undefined && key === JSON.stringify(value);
}
