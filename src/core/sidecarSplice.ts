// Writing a sidecar after a few items changed: the text of just those items made again and put in place of their old text, when that is sure to be what writing out the whole document gives.

import { Document, isMap, isScalar, isSeq, Pair, Scalar, type ToStringOptions, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';

/**
 * Where the top-level keys' lines start in a text, as found last time: a hint, checked before
 * use, that saves looking through a long text for a key near its end.
 */
export type KeyLines = ReadonlyMap<string, number>;

/** The spliced text, and where its top-level keys now are. */
export interface Spliced {
  text: string;
  keyAt: KeyLines;
}

/** A stretch of the previous text and what goes there instead. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * A block scalar kept with all its trailing line breaks ("|+") changes how the item after it
 * is written; an item near one is written out with the whole document.
 */
const KEEP_CHOMP = /[|>][0-9]?\+/;

/** The indentation of a top-level list's items: YAML's writer indents a list under its key by two spaces. */
const STEP = '  ';

/**
 * The text of `next`, a document synced from `previous` whose unchanged nodes are the very
 * same objects, made from `previousText` (the text of `previous`, as written with `options`)
 * by writing again only the items of its top-level lists that changed, or the items of one
 * list inside such an item (the mentions of an actor). Every old item's text is checked to
 * be exactly what it writes as before it is replaced. Undefined when anything else changed,
 * or the text is not laid out as expected: the caller then writes out the whole document.
 */
export function spliceText(previousText: string, previous: Document, next: Document, options: ToStringOptions, keyAt: KeyLines): Spliced | undefined {
  const before = previous.contents;
  const after = next.contents;
  if (!isMap(before) || !isMap(after) || before.items.length !== after.items.length || previous.comment !== next.comment || previous.commentBefore !== next.commentBefore || !sameProps(before, after)) {
    return undefined;
  }
  const writer = new ItemWriter(options);
  const edits: Edit[] = [];
  const lines = new Map(keyAt);
  for (let i = 0; i < after.items.length; i++) {
    const old = before.items[i];
    const now = after.items[i];
    if (old.key !== now.key) {
      return undefined;
    }
    if (old.value === now.value) {
      continue;
    }
    const key = plainKey(now.key);
    if (key === undefined || !isBlockList(old.value) || !isBlockList(now.value) || !sameProps(old.value, now.value)) {
      return undefined;
    }
    const at = keyLine(previousText, key, keyAt.get(key));
    const edit = at < 0 ? undefined : spliceList(previousText, { at, indent: STEP, path: [key], writer, nested: true }, old.value, now.value);
    if (!edit) {
      return undefined;
    }
    edits.push(...edit);
    lines.set(key, at);
  }
  edits.sort((a, b) => a.start - b.start);
  // A key after an edit moved by what the edits before it added or took away.
  for (const [key, at] of lines) {
    lines.set(key, at + edits.reduce((sum, edit) => (edit.end <= at ? sum + edit.text.length - (edit.end - edit.start) : sum), 0));
  }
  return { text: applyEdits(previousText, edits), keyAt: lines };
}

/** Where the line of a top-level key starts (its line break, or 0 for the first line), or -1. */
function keyLine(text: string, key: string, hint: number | undefined): number {
  if (hint !== undefined && (hint === 0 ? text.startsWith(`${key}:`) : text.startsWith(`\n${key}:`, hint))) {
    return hint;
  }
  return text.startsWith(`${key}:`) ? 0 : text.indexOf(`\n${key}:`);
}

/** Where a list is and how its items are written. */
interface ListPlace {
  /** Where its key is in the text; its items are the first item lines after it. */
  at: number;
  /** The indentation of its "- " lines. */
  indent: string;
  /** The keys from the top of the document down to the list, for writing an item alone. */
  path: string[];
  writer: ItemWriter;
  /** Whether a changed item may be looked into for a list of its own that changed. */
  nested: boolean;
}

/** The edits that turn the old list's text into the new list's, which differ in the items between a common start and end. */
function spliceList(text: string, place: ListPlace, before: YAMLSeq, after: YAMLSeq): Edit[] | undefined {
  const olds = before.items as YamlNode[];
  const news = after.items as YamlNode[];
  let first = 0;
  while (first < olds.length && first < news.length && olds[first] === news[first]) {
    first++;
  }
  let tail = 0;
  while (tail < olds.length - first && tail < news.length - first && olds[olds.length - 1 - tail] === news[news.length - 1 - tail]) {
    tail++;
  }
  const oldEnd = olds.length - tail;
  const newEnd = news.length - tail;
  if (first === oldEnd && first === newEnd) {
    return [];
  }
  // The first item follows its key differently when a blank line comes before it.
  if (first === 0 && (news[0].spaceBefore || olds[0].spaceBefore)) {
    return undefined;
  }
  const lines = itemLines(text, place, Math.min(olds.length, oldEnd + 1));
  if (!lines) {
    return undefined;
  }
  if (place.nested && oldEnd - first === 1 && newEnd - first === 1) {
    const inside = spliceInsideItem(text, place, lines, first, olds[first], news[first]);
    if (inside) {
      return inside;
    }
  }
  const range = oldRange(text, place, lines, olds, first, oldEnd);
  if (!range) {
    return undefined;
  }
  let replacement = '';
  for (let i = first; i < newEnd; i++) {
    const piece = place.writer.piece(place.path, news[i]);
    if (piece === undefined || KEEP_CHOMP.test(piece)) {
      return undefined;
    }
    replacement += piece;
  }
  // The item before the changed ones may end in a block scalar that decides how they start.
  if (first > 0 && KEEP_CHOMP.test(text.slice(lines[first - 1], range.start))) {
    return undefined;
  }
  return [{ ...range, text: replacement }];
}

/**
 * Where the old items first to end stand in the text, each checked to be exactly what it
 * writes as; for an insertion (no old items), the place between the items around it.
 */
function oldRange(text: string, place: ListPlace, lines: number[], olds: YamlNode[], first: number, end: number): { start: number; end: number } | undefined {
  const pieceAt = (i: number): { start: number; length: number } | undefined => {
    const piece = place.writer.piece(place.path, olds[i]);
    if (piece === undefined || KEEP_CHOMP.test(piece)) {
      return undefined;
    }
    const start = lines[i] - piece.indexOf(`\n${place.indent}- `);
    return text.startsWith(piece, start) ? { start, length: piece.length } : undefined;
  };
  if (first === end) {
    if (first < olds.length) {
      const next = pieceAt(first);
      return next && { start: next.start, end: next.start };
    }
    const last = pieceAt(first - 1);
    return last && { start: last.start + last.length, end: last.start + last.length };
  }
  const head = pieceAt(first);
  if (!head) {
    return undefined;
  }
  let at = head.start + head.length;
  for (let i = first + 1; i < end; i++) {
    const piece = pieceAt(i);
    if (!piece || piece.start !== at) {
      return undefined;
    }
    at += piece.length;
  }
  return { start: head.start, end: at };
}

/**
 * One changed item that is a map in which only one list changed (a mention added to an actor
 * of thousands): the edits of that list alone, or undefined to write the item whole.
 */
function spliceInsideItem(text: string, place: ListPlace, lines: number[], index: number, old: YamlNode, now: YamlNode): Edit[] | undefined {
  if (!isMap(old) || !isMap(now) || old.flow || now.flow || !sameProps(old, now) || old.items.length !== now.items.length) {
    return undefined;
  }
  let changed = -1;
  for (let i = 0; i < now.items.length; i++) {
    if (old.items[i].key !== now.items[i].key) {
      return undefined;
    }
    if (old.items[i].value !== now.items[i].value) {
      if (changed >= 0) {
        return undefined;
      }
      changed = i;
    }
  }
  // The first key is written on the "- " line itself.
  const pair = now.items[changed];
  const key = changed > 0 ? plainKey(pair.key) : undefined;
  const before = old.items[changed]?.value;
  if (key === undefined || !isBlockList(before) || !isBlockList(pair.value) || !sameProps(before, pair.value)) {
    return undefined;
  }
  const keyIndent = place.indent + STEP;
  const at = text.indexOf(`\n${keyIndent}${key}:`, lines[index]);
  const nextItem = lines[index + 1] ?? text.length;
  if (at < 0 || at > nextItem || !/[\n ]/.test(text.charAt(at + keyIndent.length + key.length + 2))) {
    return undefined;
  }
  return spliceList(text, { at, indent: keyIndent + STEP, path: [...place.path, key], writer: place.writer, nested: false }, before, pair.value);
}

/**
 * Where the first `count` items of a list start: its "- " lines. No other line in the list's
 * text starts so: values inside an item are indented further, and comments start with "#".
 */
function itemLines(text: string, place: ListPlace, count: number): number[] | undefined {
  const needle = `\n${place.indent}- `;
  const lines: number[] = [];
  let at = place.at;
  while (lines.length < count) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) {
      return undefined;
    }
    lines.push(at);
  }
  return lines;
}

/**
 * Writes one item of a list alone, exactly as it is written in the whole document: second in
 * a list under the same keys, after a placeholder item whose own text is then taken away.
 */
class ItemWriter {
  private readonly document = new Document();
  private readonly bare = new Map<string, string>();

  constructor(private readonly options: ToStringOptions) {}

  /** The item's text with the line break before it, or undefined when it does not come out as expected. */
  piece(path: string[], item: YamlNode): string | undefined {
    const key = path.join('\0');
    let bare = this.bare.get(key);
    if (bare === undefined) {
      bare = this.write(path);
      this.bare.set(key, bare);
    }
    const full = this.write(path, item);
    if (!full.endsWith('\n') || !full.startsWith(bare.slice(0, -1))) {
      return undefined;
    }
    return full.slice(bare.length - 1, -1);
  }

  private write(path: string[], item?: YamlNode): string {
    let node: YamlNode = list(item);
    for (let i = path.length - 1; i > 0; i--) {
      node = list(mapOf(path[i], node));
    }
    this.document.contents = mapOf(path[0], node);
    return this.document.toString(this.options);
  }
}

function list(item?: YamlNode): YAMLSeq {
  const seq = new YAMLSeq();
  seq.items = item ? [new Scalar('x'), item] : [new Scalar('x')];
  return seq;
}

function mapOf(key: string, value: YamlNode): YAMLMap {
  const map = new YAMLMap();
  map.items = [new Pair(new Scalar(key), value)];
  return map;
}

/** A key written as the plain word it is, with nothing on its line that changes how its value follows. */
function plainKey(key: unknown): string | undefined {
  if (!isScalar(key) || typeof key.value !== 'string' || (key.type !== undefined && key.type !== Scalar.PLAIN) || key.comment || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(key.value)) {
    return undefined;
  }
  return key.value;
}

function isBlockList(node: unknown): node is YAMLSeq {
  return isSeq(node) && !node.flow && node.items.length > 0 && !node.tag && !node.anchor;
}

function sameProps(a: YamlNode, b: YamlNode): boolean {
  return a.comment === b.comment && a.commentBefore === b.commentBefore && !!a.spaceBefore === !!b.spaceBefore && a.tag === b.tag && a.anchor === b.anchor;
}

/** The text with the edits, sorted by where they start, made in it. */
function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
