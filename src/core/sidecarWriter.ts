// Writing the sidecar: annotations to YAML in a fixed key order, applied to the previously read document so comments and hand edits survive.

import { Document, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { sha256 } from './hash';
import { type Actor, type Anchor, type Annotations, anchorState, type Claim, CONTEXT_LENGTH, FORMAT_VERSION, type Mention, type Provenance, type Source } from './model';
import { CodePointIndex, contextAfter, contextBefore } from './offsets';
import { OldItems, sameData } from './sidecarItems';
import { fieldIn, fieldsOf, type KnownItem, knownData } from './sidecarKnown';
import { type KeyLines, spliceText } from './sidecarSplice';

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
 * What one write keeps for the next: each anchor's data for the article text it was made from,
 * so that an unchanged anchor is neither converted again nor compared field by field.
 */
export interface DataCache {
  readonly text: string;
  readonly sha256: string;
  readonly anchors: WeakMap<Anchor, KnownAnchor>;
  /** Each actor's and claim's data, with what it was made from. */
  readonly items: WeakMap<Actor | Claim, KnownItem>;
  /** The last list of actors' and of claims' data: kept while every item in it is the same object. */
  readonly lists: Map<'actors' | 'claims', readonly Plain[]>;
  /** Each actor's mentions as last written, in order, with what each was made from. */
  readonly mentions: WeakMap<Actor, KnownMentions>;
}

/**
 * An actor's mentions as last written: each one's fields laid out flat (MENTION_FIELDS apiece)
 * and the list of their data, which is never changed once written. An actor may have thousands
 * of mentions; proving them unchanged by reading each mention once and two arrays in order costs
 * less than looking each up on its own.
 */
interface KnownMentions {
  readonly fields: unknown[];
  data: readonly Plain[];
}

const MENTION_FIELDS = 8;

/** An anchor's fields (and a mention's provenance) when its data was made, and that data. */
interface KnownAnchor extends Pick<Anchor, 'start' | 'end' | 'quote' | 'prefix' | 'suffix' | 'orphaned'>, Provenance {
  readonly data: Plain;
}

function cacheFor(articleText: string, cache: DataCache | undefined): DataCache {
  return cache?.text === articleText
    ? cache
    : { text: articleText, sha256: sha256(articleText), anchors: new WeakMap(), items: new WeakMap(), lists: new Map(), mentions: new WeakMap() };
}

/**
 * The sidecar as plain data in canonical key order, with anchors converted to code points
 * and their context refreshed from the text being saved.
 */
export function toSidecarData(annotations: Annotations, articleText: string, cache?: DataCache): { [key: string]: Plain } {
  return sidecarData(annotations, cacheFor(articleText, cache));
}

function sidecarData(annotations: Annotations, cache: DataCache): { [key: string]: Plain } {
  const anchor = anchorData(cache);
  return ordered('root', {
    newsmark: FORMAT_VERSION,
    article: ordered('article', { ...annotations.article, sha256: cache.sha256 }),
    actors: sameList(cache, 'actors', annotations.actors.map((actor) => actorData(cache, actor, anchor))),
    claims: sameList(cache, 'claims', annotations.claims.map((claim) => claimData(cache, claim, anchor))),
    suggestions: rejectedData(annotations),
    extra: annotations.extra as Plain | undefined,
    conflicts: annotations.conflicts?.length ? annotations.conflicts.map((c) => ordered('conflict', plainCopy(c) as Record<string, unknown>)) : undefined,
  }) as { [key: string]: Plain };
}

/**
 * An actor as written. Its lists are copied, so that data once written never changes with the
 * actor: an alias added in place must not also be added to the data it is compared with.
 */
function actorData(cache: DataCache, actor: Actor, anchor: (a: Anchor, made?: Provenance) => Plain): Plain {
  let mentions: readonly Plain[] = [];
  let aliases: string[] = [];
  return knownData(
    cache.items,
    actor,
    (fields) => {
      mentions = mentionsData(cache, actor, inTextOrder((fieldIn(fields, 'mentions') as Mention[] | undefined) ?? []), anchor);
      aliases = (fieldIn(fields, 'aliases') as string[] | undefined) ?? [];
      return [aliases.length, ...aliases, mentions];
    },
    () => ordered('actor', { ...actor, aliases: aliases.length ? [...aliases] : undefined, mentions } as Record<string, unknown>),
  );
}

/** A claim as written; like an actor's, its lists are copied. */
function claimData(cache: DataCache, claim: Claim, anchor: (a: Anchor) => Plain): Plain {
  let a: Anchor;
  return knownData(
    cache.items,
    claim,
    (fields) => {
      a = fieldIn(fields, 'anchor') as Anchor;
      const sameAs = (fieldIn(fields, 'notSameAs') as string[] | undefined) ?? [];
      // The anchor's fields, not its data: its data is made from them and the text alone, and
      // only looked up when something of the claim changed.
      const parts: unknown[] = [a.start, a.end, a.quote, a.prefix, a.suffix, a.orphaned, sameAs.length, ...sameAs];
      for (const source of (fieldIn(fields, 'sources') as Source[] | undefined) ?? []) {
        parts.push(...fieldsOf(source));
      }
      return parts;
    },
    () =>
      ordered('claim', {
        ...claim,
        anchor: anchor(a),
        sources: claim.sources.length ? claim.sources.map((s) => ordered('source', { ...s })) : undefined,
        notSameAs: claim.notSameAs ? [...claim.notSameAs] : undefined,
      } as Record<string, unknown>),
  );
}

/**
 * The data of an actor's mentions, in text order: a mention whose fields are those of the
 * mention written at its place last time has that one's data (data depends on nothing else
 * while the text is the same); any other is made through `anchor`, as it would be alone.
 */
function mentionsData(cache: DataCache, actor: Actor, list: readonly Mention[], anchor: (a: Anchor, made?: Provenance) => Plain): readonly Plain[] {
  let known = cache.mentions.get(actor);
  if (!known) {
    known = { fields: [], data: [] };
    cache.mentions.set(actor, known);
  }
  const { fields, data } = known;
  // The list last returned, while every mention's data is the same: the actor is then proved
  // unchanged by one object, not by each of its mentions again. Copied when one changes.
  let out: Plain[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    const f = i * MENTION_FIELDS;
    if (
      i < data.length &&
      fields[f] === m.start &&
      fields[f + 1] === m.end &&
      fields[f + 2] === m.quote &&
      fields[f + 3] === m.prefix &&
      fields[f + 4] === m.suffix &&
      fields[f + 5] === m.orphaned &&
      fields[f + 6] === m.by &&
      fields[f + 7] === m.at
    ) {
      if (out) {
        out[i] = data[i];
      }
      continue;
    }
    out ??= data.slice(0, i);
    out[i] = anchor(m, m);
    fields[f] = m.start;
    fields[f + 1] = m.end;
    fields[f + 2] = m.quote;
    fields[f + 3] = m.prefix;
    fields[f + 4] = m.suffix;
    fields[f + 5] = m.orphaned;
    fields[f + 6] = m.by;
    fields[f + 7] = m.at;
  }
  if (!out && list.length === data.length) {
    return data;
  }
  out ??= data.slice(0, list.length);
  known.data = out;
  fields.length = list.length * MENTION_FIELDS;
  return out;
}

/** The list of items' data, or the previous list when it holds the very same items. */
function sameList(cache: DataCache, name: 'actors' | 'claims', items: Plain[]): readonly Plain[] {
  const previous = cache.lists.get(name);
  if (previous?.length === items.length && previous.every((item, i) => item === items[i])) {
    return previous;
  }
  cache.lists.set(name, items);
  return items;
}

/** Mentions sorted by position; most lists already are, and are not sorted again. */
function inTextOrder<T extends Anchor>(mentions: readonly T[]): readonly T[] {
  const before = (a: T, b: T) => a.start - b.start || a.end - b.end;
  for (let i = 1; i < mentions.length; i++) {
    if (before(mentions[i - 1], mentions[i]) > 0) {
      return [...mentions].sort(before);
    }
  }
  return mentions;
}

/**
 * An anchor as written, with a mention's provenance when given: the same object as last time
 * while the anchor, its provenance and the text are unchanged.
 */
function anchorData(cache: DataCache): (a: Anchor, made?: Provenance) => Plain {
  const { text: articleText } = cache;
  const index = new LazyIndex(articleText);
  return (a: Anchor, made?: Provenance) => {
    const known = cache.anchors.get(a);
    const by = made?.by;
    const at = made?.at;
    if (known && known.start === a.start && known.end === a.end && known.quote === a.quote && known.prefix === a.prefix && known.suffix === a.suffix && known.orphaned === a.orphaned && known.by === by && known.at === at) {
      return known.data;
    }
    const state = anchorState(a, articleText);
    const start = index.get().toCodePoint(Math.min(a.start, articleText.length)) ?? 0;
    const end = index.get().toCodePoint(Math.min(a.end, articleText.length)) ?? start;
    const data = ordered(made ? 'mention' : 'anchor', {
      start,
      end,
      quote: a.quote,
      prefix: state === 'orphaned' ? a.prefix : contextBefore(articleText, a.start, CONTEXT_LENGTH),
      suffix: state === 'orphaned' ? a.suffix : contextAfter(articleText, a.end, CONTEXT_LENGTH),
      orphaned: state === 'orphaned' ? true : undefined,
      changed: state === 'changed' ? true : undefined,
      by,
      at,
    });
    cache.anchors.set(a, { start: a.start, end: a.end, quote: a.quote, prefix: a.prefix, suffix: a.suffix, orphaned: a.orphaned, by, at, data });
    return data;
  };
}

/** The code-point index of the text, built only when an anchor has to be converted. */
class LazyIndex {
  private index?: CodePointIndex;
  constructor(private readonly text: string) {}
  get(): CodePointIndex {
    return (this.index ??= new CodePointIndex(this.text));
  }
}

/** How Newsmark writes YAML. Long quotes stay on one line: folding would make diffs noisy and merges harder. Line breaks inside quoted text stay escaped ("\\n"), or a long quote would wrap the anchor. */
export const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER } as const;

/**
 * Writes annotations as sidecar YAML. With the previously read document, edits are applied
 * to it in place, so comments, key order and untouched formatting survive the round trip.
 */
export function encodeSidecar(annotations: Annotations, articleText: string, previous?: Document): string {
  return encodeSidecarState(annotations, articleText, previous).text;
}

/**
 * A sidecar as Newsmark wrote it: its text, the document that text is the output of, the
 * data it holds, and what the next write can reuse of them.
 */
export interface Written {
  readonly text: string;
  readonly document: Document;
  readonly data: { [key: string]: Plain };
  readonly cache: DataCache;
  readonly memo: Memo;
  /** Where the text's top-level keys were found, for the next splice to look first. */
  readonly keyAt: KeyLines;
  /** Whether the text was spliced into the previous output rather than written out whole. */
  readonly spliced: boolean;
}

/**
 * Writes annotations as sidecar YAML, and keeps what the next write needs. Given the previous
 * write, only the items that changed are made again and their text is spliced into the
 * previous text, which gives exactly what writing out the whole document would; where that
 * cannot be made sure of, the whole document is written out.
 */
export function encodeSidecarState(annotations: Annotations, articleText: string, previous?: Document | Written): Written {
  const written = previous && 'memo' in previous ? previous : undefined;
  const cache = cacheFor(articleText, written?.cache);
  const data = written ? (share(sidecarData(annotations, cache), written.data) as { [key: string]: Plain }) : sidecarData(annotations, cache);
  const base = written ? written.document : (previous as Document | undefined);
  const memo = written?.memo ?? { made: new WeakMap<object, Plain>(), json: new WeakMap<object, string>() };
  let document: Document;
  if (base && base.errors.length === 0 && isMap(base.contents)) {
    document = shell(base);
    document.contents = syncMap({ document, ...memo }, base.contents, data, 'root');
  } else {
    document = new Document();
    document.contents = createNode({ document, ...memo }, data, 'root');
  }
  const spliced = written ? spliceText(written.text, written.document, document, STRINGIFY_OPTIONS, written.keyAt) : undefined;
  return { text: spliced?.text ?? document.toString(STRINGIFY_OPTIONS), document, data, cache, memo, keyAt: spliced?.keyAt ?? new Map(), spliced: spliced !== undefined };
}

/**
 * The new data with every part equal to the previous data replaced by the previous object, so
 * that what did not change is known by identity. Items with an id are matched by it, others
 * by position. Nothing is copied where nothing changed.
 */
function share(value: Plain, previous: Plain | undefined): Plain {
  if (value === previous || previous === undefined || value === null || typeof value !== 'object' || previous === null || typeof previous !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return Array.isArray(previous) ? shareList(value, previous) : value;
  }
  if (Array.isArray(previous)) {
    return value;
  }
  const keys = Object.keys(value);
  const previousKeys = Object.keys(previous);
  let same = keys.length === previousKeys.length;
  let out: { [key: string]: Plain } | undefined = same ? undefined : {};
  keys.forEach((key, i) => {
    const shared = share(value[key], previous[key]);
    if (same && (shared !== previous[key] || previousKeys[i] !== key)) {
      same = false;
      // The keys before this one were the previous ones; from here on the new data differs.
      out = {};
      keys.slice(0, i).forEach((k) => (out![k] = previous[k]));
    }
    if (out) {
      out[key] = shared;
    }
  });
  return same ? previous : (out ?? value);
}

function shareList(value: Plain[], previous: Plain[]): Plain[] {
  let byId: Map<Plain, Plain> | undefined;
  const counterpart = (item: Plain, i: number): Plain | undefined => {
    const id = isPlainMap(item) ? item.id : undefined;
    if (id === undefined) {
      return previous[i];
    }
    const there = previous[i];
    if (isPlainMap(there) && there.id === id) {
      return there;
    }
    if (!byId) {
      byId = new Map();
      for (const p of previous) {
        if (isPlainMap(p) && p.id !== undefined && !byId.has(p.id)) {
          byId.set(p.id, p);
        }
      }
    }
    return byId.get(id);
  };
  let same = value.length === previous.length;
  const out = value.map((item, i) => {
    const shared = share(item, counterpart(item, i));
    same &&= shared === previous[i];
    return shared;
  });
  return same ? previous : out;
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

/**
 * The document being written, and which data each node was made from: a node made from the
 * very data object asked for again is that data already, and is kept without a look inside.
 */
interface Sync extends Memo {
  readonly document: Document;
}

/** What one write remembers for the next, by object identity (nodes and data are never changed once made). */
export interface Memo {
  /** Which data each node was last made or checked from. */
  readonly made: WeakMap<object, Plain>;
  /** Each node's and each value's data as JSON, for finding an item by equal data. */
  readonly json: WeakMap<object, string>;
}

/** A shallow copy of a map or list, whose items can be replaced without touching the original. */
function copyCollection<T extends YAMLMap | YAMLSeq>({ document }: Sync, node: T): T {
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
    // Keys already written are known ones; only the rest are looked for in the order.
    if (value[key] !== undefined && !Object.hasOwn(out, key) && !order.includes(key)) {
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

function createNode(sync: Sync, value: Plain, kind: string): YamlNode {
  if (kind === 'anchor' && isPlainMap(value)) {
    return remember(sync, anchorNode(sync.document, value), value);
  }
  // Shared objects would come out as YAML aliases, which the reader refuses.
  const node = sync.document.createNode(value, { aliasDuplicateObjects: false }) as YamlNode;
  markFlow(node, kind);
  return remember(sync, node, value);
}

function remember<T extends YamlNode>(sync: Sync, node: T, value: Plain): T {
  if (value !== null && typeof value === 'object') {
    sync.made.set(node, value);
  }
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

function syncMap(sync: Sync, old: YAMLMap, value: { [key: string]: Plain }, kind: string): YAMLMap {
  const { document } = sync;
  const order = KEY_ORDER[kind] ?? [];
  const map = copyCollection(sync, old);
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
      pair.value = syncValue(sync, pair.value as YamlNode | null, child, sub);
      continue;
    }
    const newPair = document.createPair(key, null);
    newPair.value = createNode(sync, child, sub);
    // Insert before the first existing key that comes later in the canonical order.
    const rank = order.indexOf(key);
    const before = rank < 0 ? -1 : map.items.findIndex((p) => isScalar(p.key) && order.indexOf(String(p.key.value)) > rank);
    if (before < 0) {
      map.items.push(newPair);
    } else {
      map.items.splice(before, 0, newPair);
    }
  }
  return remember(sync, map, value);
}

/** `same` tells, when the caller already knows, whether the node holds exactly `value`. */
function syncValue(sync: Sync, node: YamlNode | null, value: Plain, kind: string, same?: boolean): YamlNode {
  if (node && value !== null && typeof value === 'object' && sync.made.get(node) === value) {
    return node;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (isMap(node) && kind === 'anchor') {
      if (same ?? sameData(node, value, sync.json)) {
        return remember(sync, node, value);
      }
      // A moved anchor is rewritten whole on its line; its comment, if any, stays.
      const fresh = createNode(sync, value, kind);
      fresh.comment = node.comment;
      fresh.commentBefore = node.commentBefore;
      return fresh;
    }
    return isMap(node) ? syncMap(sync, node, value, kind) : createNode(sync, value, kind);
  }
  if (Array.isArray(value)) {
    if (!isSeq(node)) {
      return createNode(sync, value, kind);
    }
    const seq = copyCollection(sync, node);
    if (seq.flow && kind !== 'other' && value.length > 0) {
      // An empty list is written "[]"; left in flow style, the first claim or mention added
      // to it would be written inline, and every later one on the same line. Unset rather than
      // false, as a list read from block lines is: emptied again, it is written "[]" after its
      // key, not alone on the next line.
      delete seq.flow;
    }
    syncSeq(sync, seq, value, kind);
    return remember(sync, seq, value);
  }
  if (isScalar(node)) {
    return node.value === value ? node : keepBlanks(Object.assign(new Scalar(value), node, { value }));
  }
  return keepBlanks(sync.document.createNode(value) as YamlNode);
}

function syncSeq(sync: Sync, seq: YAMLSeq, values: Plain[], kind: string): void {
  const old = new OldItems(seq.items as YamlNode[], sync.json);
  // Whether each found node is known to hold its value exactly: found by equal data, it does.
  const same: (boolean | undefined)[] = [];
  // Exact matches first, so an unchanged item never loses its node to a changed one.
  const existing = values.map((value, i) => {
    const id = isPlainMap(value) ? value.id : undefined;
    // A map item with an id is found by it; anything else only by equal data.
    if (id !== undefined) {
      // At its own place first: by the data it was made from, or by its id.
      return old.takeAt(i, (node) => sync.made.get(node) === value || (isMap(node) && node.get('id') === id)) ?? old.takeById(id);
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
    return node ? syncValue(sync, node, value, kind, same[i]) : createNode(sync, value, kind);
  });
}

function isPlainMap(value: Plain): value is { [key: string]: Plain } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
