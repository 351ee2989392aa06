// Tests of the spliced write at the edges of what it may splice: for each layout of a sidecar's text and each kind of change, the text it gives is the text of the whole document, and it gives one where it can.

import assert from 'node:assert/strict';
import { type Document, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { type Anchor, anchorAt, type Annotations } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';
import { type KeyLines, spliceText } from '../../../src/core/sidecarSplice';
import { encodeSidecarState, STRINGIFY_OPTIONS, type Written } from '../../../src/core/sidecarWriter';
import { SIDECAR as ONE_ACTOR } from './codecFixture';

type Step = string | number;

/** A copy of `node` with the node at `path` replaced by what `change` makes of it; every node off the path is the very same object, as a write leaves it. */
function rebuilt(node: YamlNode, path: Step[], change: (node: YamlNode) => YamlNode): YamlNode {
  if (!path.length) {
    return change(node);
  }
  const [step, ...rest] = path;
  if (isMap(node)) {
    const copy = Object.assign(new YAMLMap(), node);
    copy.items = node.items.map((pair) => (isScalar(pair.key) && pair.key.value === step ? Object.assign(new Pair(pair.key), pair, { value: rebuilt(pair.value as YamlNode, rest, change) }) : pair));
    return copy;
  }
  assert.ok(isSeq(node), `no list at ${String(step)}`);
  const copy = Object.assign(new YAMLSeq(), node);
  copy.items = node.items.map((item, i) => (i === step ? rebuilt(item as YamlNode, rest, change) : item));
  return copy;
}

/** The document a write makes of `previous` by `changes`: its directives and comments cloned, its contents rebuilt copy-on-write. */
function edited(previous: Document, ...changes: [Step[], (node: YamlNode) => YamlNode][]): Document {
  const contents = previous.contents as YamlNode;
  previous.contents = null;
  const next = previous.clone();
  previous.contents = contents;
  next.contents = changes.reduce((node, [path, change]) => rebuilt(node, path, change), contents);
  return next;
}

/** A shallow copy of a list with its items made by `items` from the old ones. */
const listed = (items: (old: unknown[]) => unknown[]) => (node: YamlNode) => Object.assign(new YAMLSeq(), node, { items: items((node as YAMLSeq).items) });
/** A shallow copy of a map with the value of `key` set (a new key goes last). */
const withKey = (key: string, value: unknown) => (node: YamlNode) => {
  const map = node as YAMLMap;
  const copy = Object.assign(new YAMLMap(), map);
  const at = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
  const pair = at >= 0 ? Object.assign(new Pair(map.items[at].key), map.items[at], { value: new Scalar(value) }) : new Pair(new Scalar(key), new Scalar(value));
  copy.items = at >= 0 ? map.items.map((p, i) => (i === at ? pair : p)) : [...map.items, pair];
  return copy;
};
/** A shallow copy of a node with some of its properties (comments, blank line, tag, anchor, flow) set. */
const withProps = (props: Record<string, unknown>) => (node: YamlNode) => Object.assign(isMap(node) ? new YAMLMap() : isSeq(node) ? new YAMLSeq() : new Scalar(null), node, props) as YamlNode;
const item = (fields: Record<string, unknown>): YAMLMap => {
  const map = new YAMLMap();
  map.items = Object.entries(fields).map(([key, value]) => new Pair(new Scalar(key), new Scalar(value)));
  return map;
};
const mention = (start: number, quote: string): YAMLMap => Object.assign(item({ start, end: start + quote.length, quote }), { flow: true });

/** Where each top-level key's line starts in a text, as a write finds them. */
function keyLines(text: string, document: Document): Map<string, number> {
  const lines = new Map<string, number>();
  for (const pair of isMap(document.contents) ? document.contents.items : []) {
    const key = String((pair.key as Scalar).value);
    lines.set(key, text.startsWith(`${key}:`) ? 0 : text.indexOf(`\n${key}:`));
  }
  return lines;
}

/** Every hint a splice hands back points at its key's line in the text it gives. */
function assertKeyLines(text: string, keyAt: KeyLines, what: string): void {
  for (const [key, at] of keyAt) {
    assert.ok(at === 0 ? text.startsWith(`${key}:`) : text.startsWith(`\n${key}:`, at), `${what}: "${key}" is not at ${at}`);
  }
}

type Expect = 'spliced' | 'either';

/**
 * Splices `next` into the text of `previous`, with no hints, with the right ones and with wrong
 * ones, and checks the text against writing out the whole of `next`.
 */
function check(what: string, previous: Document, next: Document, expect: Expect): void {
  const before = previous.toString(STRINGIFY_OPTIONS);
  const whole = next.toString(STRINGIFY_OPTIONS);
  const right = keyLines(before, previous);
  const keys = [...right.keys()];
  // Hints left from another text: all at the start, each at the line of the key after it, past the end, inside the key's line, just after its colon.
  const wrong = [
    (): number => 0,
    (_key: string, i: number) => right.get(keys[(i + 1) % keys.length])!,
    () => before.length + 7,
    (key: string) => right.get(key)! + 2,
    (key: string) => right.get(key)! + key.length + 2,
  ].map((at) => new Map(keys.map((key, i) => [key, at(key, i)])));
  // The top-level keys whose values changed, which a splice looks for and hands back where they now are.
  const changed = isMap(previous.contents) && isMap(next.contents) ? next.contents.items.filter((pair, i) => (previous.contents as YAMLMap).items[i]?.value !== pair.value).map((pair) => String((pair.key as Scalar).value)) : [];
  for (const [hints, keyAt] of [['no hints', new Map<string, number>()], ['hints', right], ...wrong.map((w, i) => [`wrong hints ${i}`, w] as const)] as const) {
    const spliced = spliceText(before, previous, next, STRINGIFY_OPTIONS, keyAt);
    assert.equal(spliced?.text ?? whole, whole, `${what}, ${hints}`);
    if (expect === 'spliced') {
      assert.ok(spliced, `${what}, ${hints}: not spliced`);
    }
    if (!spliced) {
      continue;
    }
    // Hints of keys it did not look for are handed back as they came, moved by the edits before them.
    const looked = hints.startsWith('wrong') ? new Map([...spliced.keyAt].filter(([key]) => changed.includes(key))) : spliced.keyAt;
    assertKeyLines(spliced.text, looked, `${what}, ${hints}`);
    if (hints === 'hints') {
      // The keys the text still has are all handed back where they now are.
      assert.deepEqual([...spliced.keyAt.keys()].sort(), [...right.keys()].sort(), `${what}, ${hints}`);
    }
  }
}

const SIDECAR = ONE_ACTOR.replace(
  '    mentions:\n      - { start: 36, end: 43, quote: Armenia }\nclaims: []\n',
  [
    '    aliases:',
    '      - Republic of Armenia',
    '    mentions:',
    '      - { start: 36, end: 43, quote: Armenia }',
    '      - { start: 56, end: 63, quote: Armenia }',
    '  - id: kyrgyzstan',
    '    name: Kyrgyzstan',
    '    type: country',
    '    mentions:',
    '      - { start: 0, end: 10, quote: Kyrgyzstan }',
    'claims:',
    '  - id: c1',
    '    anchor: { start: 36, end: 55, quote: Armenia stays away }',
    '    status: unchecked',
    '  - id: c2',
    '    anchor: { start: 0, end: 35, quote: Kyrgyzstan hosts the CSTO exercise }',
    '    status: checked',
    'suggestions:',
    '  rejected:',
    '    actors:',
    '      - CSTO',
    '',
  ].join('\n'),
);

/** SIDECAR with a third actor, and notes that keep their last line breaks on the second. */
const THREE_ACTORS = SIDECAR.replace('    name: Kyrgyzstan\n', '    name: Kyrgyzstan\n    notes: |+\n      host\n\n').replace('claims:\n', '  - id: csto\n    name: CSTO\n    type: organisation\n    mentions:\n      - { start: 21, end: 25, quote: CSTO }\nclaims:\n');
const claim = (id: string) => item({ id, status: 'unchecked' });
const c3 = claim('c3');
const statusOf = (status: string) => withKey('status', status);

/** Each layout of a sidecar and a change to it: what a write must give, and whether it may write the whole document instead. */
const CASES: [string, string, (previous: Document) => Document, Expect][] = [
  ['a claim\'s status', SIDECAR, (d) => edited(d, [['claims', 1], statusOf('in-progress')]), 'spliced'],
  ['a claim added at the end', SIDECAR, (d) => edited(d, [['claims'], listed((items) => [...items, c3])]), 'spliced'],
  ['a claim added at the start', SIDECAR, (d) => edited(d, [['claims'], listed((items) => [c3, ...items])]), 'spliced'],
  ['a claim added between two', SIDECAR, (d) => edited(d, [['claims'], listed((items) => [items[0], c3, items[1]])]), 'spliced'],
  ['two claims added between two', SIDECAR, (d) => edited(d, [['claims'], listed((items) => [items[0], c3, claim('c4'), items[1]])]), 'spliced'],
  ['the first claim removed', SIDECAR, (d) => edited(d, [['claims'], listed((items) => items.slice(1))]), 'spliced'],
  ['the last claim removed', SIDECAR, (d) => edited(d, [['claims'], listed((items) => items.slice(0, 1))]), 'spliced'],
  ['both claims replaced', SIDECAR, (d) => edited(d, [['claims'], listed(() => [c3, claim('c4')])]), 'spliced'],
  ['both claims changed, each in place', SIDECAR, (d) => edited(d, [['claims', 0], statusOf('checked')], [['claims', 1], statusOf('unchecked')]), 'spliced'],
  ['every claim removed', SIDECAR, (d) => edited(d, [['claims'], listed(() => [])]), 'either'],
  ['an actor and a claim at once', SIDECAR, (d) => edited(d, [['actors', 1], withKey('name', 'Kirghizia')], [['claims', 0], statusOf('checked')]), 'spliced'],
  ['the last actor\'s name, which ends where the claims start', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'spliced'],
  ['a mention added to the first actor', SIDECAR, (d) => edited(d, [['actors', 0, 'mentions'], listed((items) => [...items, mention(90, 'Armenia')])]), 'spliced'],
  ['a mention added first', SIDECAR, (d) => edited(d, [['actors', 0, 'mentions'], listed((items) => [mention(1, 'yrgyz'), ...items])]), 'spliced'],
  ['a mention removed', SIDECAR, (d) => edited(d, [['actors', 0, 'mentions'], listed((items) => items.slice(1))]), 'spliced'],
  ['every mention of an actor removed', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed(() => [])]), 'either'],
  ['an alias added', SIDECAR, (d) => edited(d, [['actors', 0, 'aliases'], listed((items) => [...items, new Scalar('Hayastan')])]), 'spliced'],
  ['an alias and a mention of one actor at once', SIDECAR, (d) => edited(d, [['actors', 0, 'aliases'], listed((items) => [...items, new Scalar('Hayastan')])], [['actors', 0, 'mentions'], listed((items) => items.slice(1))]), 'spliced'],
  ['a mention added and a note given to its actor', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1], withKey('notes', 'host')]), 'spliced'],
  ['a mention added and the actor\'s id changed', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1], withKey('id', 'kg')]), 'spliced'],
  ['a mention added and its list given a comment', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1, 'mentions'], withProps({ commentBefore: ' by hand' })]), 'either'],
  ['a mention added and its list written inline', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1, 'mentions'], withProps({ flow: true })]), 'either'],
  ['a mention added to an actor written inline', SIDECAR.replace(/ {2}- id: kyrgyzstan\n.*\n.*\n.*\n.*\n/, '  - { id: kyrgyzstan, name: Kyrgyzstan, mentions: [ { start: 0, end: 10, quote: Kyrgyzstan } ] }\n'), (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'either'],
  ['the actor given a comment as a mention is added', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1], withProps({ commentBefore: ' host' })]), 'either'],
  ['a mention added to a list that is its actor\'s first key', SIDECAR.replace('  - id: kyrgyzstan\n    name: Kyrgyzstan\n    type: country\n    mentions:\n      - { start: 0, end: 10, quote: Kyrgyzstan }', '  - mentions:\n      - { start: 0, end: 10, quote: Kyrgyzstan }\n    id: kyrgyzstan'), (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'spliced'],
  ['a mention added where a key of its actor looks like "mentions:"', SIDECAR.replace('    name: Kyrgyzstan\n', '    name: Kyrgyzstan\n    mentions:old: 1\n'), (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'spliced'],
  [
    'a mention added where a key of its actor that looks like "mentions:" holds the same mention',
    SIDECAR.replace('    name: Kyrgyzstan\n', '    name: Kyrgyzstan\n    mentions:x:\n      - { start: 0, end: 10, quote: Kyrgyzstan }\n'),
    (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]),
    'spliced',
  ],
  // Notes that keep their last line breaks make an item's own text unsure; a change to a list inside another item is spliced all the same.
  ['a mention added to an actor whose notes keep their last line breaks', SIDECAR.replace('    name: Kyrgyzstan\n', '    name: Kyrgyzstan\n    notes: |+\n      host\n\n'), (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'spliced'],
  ['a mention added after an actor whose notes keep their last line breaks', SIDECAR.replace('    name: Armenia\n', '    name: Armenia\n    notes: |+\n      neighbour\n\n'), (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'spliced'],
  ['a mention added before an actor whose notes keep their last line breaks', SIDECAR.replace('    name: Kyrgyzstan\n', '    name: Kyrgyzstan\n    notes: |+\n      host\n\n'), (d) => edited(d, [['actors', 0, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'spliced'],
  ['a source added to a claim whose notes keep their last line breaks', SIDECAR.replace('    status: checked\n', '    status: checked\n    notes: |+\n      twice\n\n    sources:\n      - url: https://example.org/a\n'), (d) => edited(d, [['claims', 1, 'sources'], listed((items) => [...items, item({ url: 'https://example.org/b' })])]), 'spliced'],
  ['a mention added to the first of three actors, the second with notes that keep their last line breaks', THREE_ACTORS, (d) => edited(d, [['actors', 0, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'spliced'],
  ['a mention added to the last of three actors, the second with notes that keep their last line breaks', THREE_ACTORS, (d) => edited(d, [['actors', 2, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'spliced'],
  [
    'a mention added and a key of its actor replaced by another',
    SIDECAR,
    (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1], (node) => Object.assign(new YAMLMap(), node, { items: (node as YAMLMap).items.map((pair) => (isScalar(pair.key) && pair.key.value === 'type' ? new Pair(new Scalar('role'), pair.value) : pair)) })]),
    'either',
  ],
  ['two claims removed, the second with notes that keep their last line breaks', SIDECAR.replace('    status: checked\n', '    status: checked\n    notes: |+\n      twice\n\n').replace('suggestions:', '  - id: c3\nsuggestions:'), (d) => edited(d, [['claims'], listed((items) => items.slice(2))]), 'either'],
  ['the list of claims copied with the same claims', SIDECAR, (d) => edited(d, [['claims'], listed((items) => [...items])]), 'spliced'],
  ['a list under a quoted key after one under the key "undefined"', 'undefined:\n  - a\n"x y":\n  - a\n', (d) => edited(d, [['x y'], listed((items) => [...items, new Scalar('b')])]), 'either'],
  ['a claim added after one whose notes keep their last line breaks', SIDECAR.replace('    status: checked\n', '    status: checked\n    notes: |+\n      called twice\n\n'), (d) => edited(d, [['claims'], listed((items) => [...items, c3])]), 'either'],
  ['a claim added after one whose folded notes keep their last line breaks', SIDECAR.replace('    status: checked\n', '    status: checked\n    notes: >+\n      called twice\n\n'), (d) => edited(d, [['claims'], listed((items) => [...items, c3])]), 'either'],
  ['a claim added after one whose indented notes keep their last line breaks', SIDECAR.replace('    status: checked\n', '    status: checked\n    notes: |2+\n        called twice\n\n'), (d) => edited(d, [['claims'], listed((items) => [...items, c3])]), 'either'],
  ['the status of a claim whose notes keep their last line breaks', SIDECAR.replace('    status: checked\n', '    status: checked\n    notes: |+\n      called twice\n\n'), (d) => edited(d, [['claims', 1], statusOf('unchecked')]), 'either'],
  ['a claim given notes that keep their last line breaks', SIDECAR, (d) => edited(d, [['claims', 0], withKey('notes', 'called twice\n\n')]), 'either'],
  ['the status of a claim after one whose notes end in a plus', SIDECAR.replace('    status: unchecked\n', '    status: unchecked\n    notes: 1+1 is +\n'), (d) => edited(d, [['claims', 1], statusOf('unchecked')]), 'spliced'],
  ['a claim added before a blank line', SIDECAR.replace('  - id: c2\n', '\n  - id: c2\n'), (d) => edited(d, [['claims'], listed((items) => [items[0], c3, items[1]])]), 'spliced'],
  ['the claim before a blank line removed', SIDECAR.replace('  - id: c2\n', '\n  - id: c2\n'), (d) => edited(d, [['claims'], listed((items) => items.slice(1))]), 'either'],
  ['a claim added first, before a blank line', SIDECAR.replace('claims:\n', 'claims:\n\n'), (d) => edited(d, [['claims'], listed((items) => [c3, ...items])]), 'either'],
  ['a claim with a blank line before it added first', SIDECAR, (d) => edited(d, [['claims'], listed((items) => [Object.assign(claim('c3'), { spaceBefore: true }), ...items])]), 'either'],
  ['a claim added after an empty one', SIDECAR.replace('  - id: c2\n', '  -\n  - id: c2\n'), (d) => edited(d, [['claims'], listed((items) => [...items, c3])]), 'either'],
  ['a claim changed after an empty one', SIDECAR.replace('  - id: c2\n', '  -\n  - id: c2\n'), (d) => edited(d, [['claims', 2], statusOf('unchecked')]), 'either'],
  ['a claim added to a list that comes first', `claims:\n  - id: c1\n    status: unchecked\n${SIDECAR.replace(/claims:\n(.*\n)*?suggestions:/, 'suggestions:')}`, (d) => edited(d, [['claims'], listed((items) => [...items, c3])]), 'spliced'],
  ['a claim changed in a list whose key ends a word', SIDECAR.replace('claims:', 'noclaims: 1\nclaims:'), (d) => edited(d, [['claims', 0], statusOf('checked')]), 'spliced'],
  ['the first claim added under "[]"', SIDECAR.replace(/claims:\n(.*\n)*?suggestions:/, 'claims: []\nsuggestions:'), (d) => edited(d, [['claims'], (node) => Object.assign(new YAMLSeq(), node, { flow: false, items: [c3] })]), 'either'],
  ['claims written inline, one changed', SIDECAR.replace(/claims:\n(.*\n)*?suggestions:/, 'claims: [ c1, c2 ]\nsuggestions:'), (d) => edited(d, [['claims'], listed((items) => [items[0], new Scalar('c3')])]), 'either'],
  ['a tagged list of claims', SIDECAR.replace('claims:\n', 'claims: !!seq\n'), (d) => edited(d, [['claims'], listed((items) => [...items, c3])]), 'either'],
  ['a list of claims named by an anchor', SIDECAR.replace('claims:\n', 'claims: &all\n'), (d) => edited(d, [['claims'], listed((items) => [...items, c3])]), 'either'],
  ['a quoted key', SIDECAR.replace('claims:\n', '"claims":\n'), (d) => edited(d, [['claims', 0], statusOf('checked')]), 'either'],
  ['a key with a comment', SIDECAR.replace('claims:\n', 'claims: # by hand\n'), (d) => edited(d, [['claims', 0], statusOf('checked')]), 'either'],
  ['a key that is a number', SIDECAR.replace('claims:\n', '12:\n'), (d) => edited(d, [[12], listed((items) => [...items, c3])]), 'either'],
  ['a key with a space', SIDECAR.replace('claims:\n', 'the claims:\n'), (d) => edited(d, [['the claims', 0], statusOf('checked')]), 'either'],
  ['a key with a dot', SIDECAR.replace('claims:\n', 'claims.v2:\n'), (d) => edited(d, [['claims.v2', 0], statusOf('checked')]), 'either'],
  ['a key starting with a digit', SIDECAR.replace('claims:\n', '2claims:\n'), (d) => edited(d, [['2claims', 0], statusOf('checked')]), 'either'],
  ['a key ending in a dot', SIDECAR.replace('claims:\n', 'claims.:\n'), (d) => edited(d, [['claims.', 0], statusOf('checked')]), 'either'],
  ['a key of a thousand letters', SIDECAR.replace('claims:\n', `? ${'c'.repeat(1100)}\n:\n`), (d) => edited(d, [['c'.repeat(1100), 0], statusOf('checked')]), 'either'],
  ['a list of claims given a comment', SIDECAR, (d) => edited(d, [['claims', 0], statusOf('checked')], [['claims'], withProps({ commentBefore: ' by hand' })]), 'either'],
  ['a list of claims given a comment after it', SIDECAR, (d) => edited(d, [['claims', 0], statusOf('checked')], [['claims'], withProps({ comment: ' by hand' })]), 'either'],
  ['a list of claims given a blank line', SIDECAR, (d) => edited(d, [['claims', 0], statusOf('checked')], [['claims'], withProps({ spaceBefore: true })]), 'either'],
  ['claims where there were suggestions', SIDECAR, (d) => edited(d, [[], (node) => Object.assign(new YAMLMap(), node, { items: (node as YAMLMap).items.map((p, i, all) => (i === all.length - 1 ? new Pair(new Scalar('suggestions'), (all[i - 1].value as YAMLSeq).clone()) : p)) })], [['claims', 0], statusOf('checked')]), 'either'],
  ['the list of claims under another key', SIDECAR, (d) => edited(d, [[], (node) => Object.assign(new YAMLMap(), node, { items: (node as YAMLMap).items.map((p) => (isScalar(p.key) && p.key.value === 'claims' ? Object.assign(new Pair(new Scalar('checks')), { value: p.value }) : p)) })]), 'either'],
  ['the lists of actors and claims swapped', SIDECAR, (d) => edited(d, [[], (node) => Object.assign(new YAMLMap(), node, { items: [0, 1, 3, 2, 4].map((i) => (node as YAMLMap).items[i]) })]), 'either'],
  ['the suggestions removed', SIDECAR, (d) => edited(d, [[], (node) => Object.assign(new YAMLMap(), node, { items: (node as YAMLMap).items.slice(0, -1) })]), 'either'],
  ['a key added at the end', SIDECAR, (d) => edited(d, [[], withKey('extra', 'x')]), 'either'],
  ['a key changed that holds no list', SIDECAR, (d) => edited(d, [['article'], withKey('title', 'CSTO')]), 'either'],
  ['a comment given to the document', SIDECAR, (d) => Object.assign(edited(d, [['claims', 0], statusOf('checked')]), { comment: ' by hand' }), 'either'],
  ['a comment given to the top of the document', SIDECAR, (d) => Object.assign(edited(d, [['claims', 0], statusOf('checked')]), { commentBefore: ' by hand' }), 'either'],
  ['a comment given to the top of the document alone', SIDECAR, (d) => Object.assign(edited(d), { commentBefore: ' by hand' }), 'either'],
  ['a comment given to the top-level map', SIDECAR, (d) => edited(d, [['claims', 0], statusOf('checked')], [[], withProps({ commentBefore: ' by hand' })]), 'either'],
  ['a comment given after the top-level map', SIDECAR, (d) => edited(d, [['claims', 0], statusOf('checked')], [[], withProps({ comment: ' by hand' })]), 'either'],
  ['a tag given to the top-level map', SIDECAR, (d) => edited(d, [['claims', 0], statusOf('checked')], [[], withProps({ tag: 'tag:yaml.org,2002:map' })]), 'either'],
  ['an anchor given to the top-level map', SIDECAR, (d) => edited(d, [['claims', 0], statusOf('checked')], [[], withProps({ anchor: 'all' })]), 'either'],
  ['an actor given an anchor as a mention is added', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1], withProps({ anchor: 'kg' })]), 'either'],
  ['an actor given a tag as a mention is added', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1], withProps({ tag: 'tag:yaml.org,2002:map' })]), 'either'],
  ['an actor given a blank line as a mention is added', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1], withProps({ spaceBefore: true })]), 'either'],
  ['an actor given a comment after it as a mention is added', SIDECAR, (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors', 1], withProps({ comment: ' host' })]), 'either'],
  ['a list of maps, one changed', '- id: c1\n  status: unchecked\n- id: c2\n  status: checked\n', (d) => edited(d, [[1], statusOf('unchecked')]), 'either'],
  ['a map become a list of its pairs', SIDECAR, (d) => edited(d, [[], (node) => Object.assign(new YAMLSeq(), { items: (node as YAMLMap).items })]), 'either'],
  ['an actor copied with the same keys and values', SIDECAR, (d) => edited(d, [['actors', 1], (node) => Object.assign(new YAMLMap(), node, { items: [...(node as YAMLMap).items] })]), 'spliced'],
  ['a claim that is plain text changed', SIDECAR.replace(/claims:\n(.*\n)*?suggestions:/, 'claims:\n  - first\n  - second\nsuggestions:'), (d) => edited(d, [['claims'], listed((items) => [items[0], new Scalar('third')])]), 'spliced'],
  ['a claim that was plain text written out as a claim', SIDECAR.replace(/claims:\n(.*\n)*?suggestions:/, 'claims:\n  - first\n  - second\nsuggestions:'), (d) => edited(d, [['claims'], listed((items) => [items[0], c3])]), 'spliced'],
  ['a claim written as plain text', SIDECAR, (d) => edited(d, [['claims'], listed((items) => [items[0], new Scalar('c2')])]), 'spliced'],
  ['the mentions of two actors next to each other changed', SIDECAR, (d) => edited(d, [['actors', 0, 'mentions'], listed((items) => items.slice(1))], [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]), 'spliced'],
  ['a mention added to the first actor as the second is removed', SIDECAR, (d) => edited(d, [['actors', 0, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])], [['actors'], listed((items) => items.slice(0, 1))]), 'spliced'],
  [
    'a mention added to a list that is its actor\'s first key, before a key "undefined" that holds the same mention',
    SIDECAR.replace('  - id: kyrgyzstan\n    name: Kyrgyzstan\n    type: country\n    mentions:\n      - { start: 0, end: 10, quote: Kyrgyzstan }', '  - mentions:\n      - { start: 0, end: 10, quote: Kyrgyzstan }\n    undefined:\n      - { start: 0, end: 10, quote: Kyrgyzstan }\n    id: kyrgyzstan'),
    (d) => edited(d, [['actors', 1, 'mentions'], listed((items) => [...items, mention(86, 'Armenia')])]),
    'either',
  ],
  ['nothing changed', SIDECAR, (d) => edited(d), 'spliced'],
];

describe('sidecar splice, at the edges of what it may splice', () => {
  for (const [what, yaml, change, expect] of CASES) {
    it(`${expect === 'spliced' ? 'splices' : 'writes right'} ${what}`, () => {
      const previous = parseDocument(yaml);
      assert.deepEqual(previous.errors, []);
      check(what, previous, change(previous), expect);
    });
  }
});

describe('sidecar splice, through a write of annotations', () => {
  const TEXT = 'Kyrgyzstan hosts the CSTO exercise.\nArmenia stays away.\nArmenia said so.\n';
  const on = (quote: string, from = 0): Anchor => {
    const at = TEXT.indexOf(quote, from);
    return anchorAt(TEXT, at, at + quote.length);
  };
  const fresh = (): Annotations => ({
    article: { file: 'csto.txt' },
    actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [] }],
    claims: [],
  });
  /** Opens the sidecar and writes it once, as the editor does. */
  const opened = (yaml: string): { annotations: Annotations; written: Written } => {
    const read = decodeSidecar(yaml, TEXT, { lazyDocument: true });
    assert.deepEqual(read.problems, []);
    return { annotations: read.annotations!, written: encodeSidecarState(read.annotations!, TEXT, read.document) };
  };
  /** Writes after `change`, checks the text against the whole document's, and gives the write and whether it was spliced. */
  const write = (start: { annotations: Annotations; written: Written }, change: (a: Annotations) => void): Written => {
    change(start.annotations);
    const next = encodeSidecarState(start.annotations, TEXT, start.written);
    assert.equal(next.text, encodeSidecar(start.annotations, TEXT, start.written.document));
    start.written = next;
    return next;
  };

  it('writes the first claim and mention under empty lists, then splices the next ones, and takes the last ones away again', () => {
    const start = opened(encodeSidecar(fresh(), TEXT));
    assert.match(start.written.text, /mentions: \[\]\nclaims: \[\]\n$/);
    write(start, (a) => a.claims.push({ id: 'c1', anchor: on('Armenia stays away'), status: 'unchecked', sources: [] }));
    write(start, (a) => a.actors[0].mentions.push(on('Armenia')));
    assert.equal(write(start, (a) => a.claims.push({ id: 'c2', anchor: on('Kyrgyzstan'), status: 'unchecked', sources: [] })).spliced, true);
    assert.equal(write(start, (a) => a.actors[0].mentions.push(on('Armenia', 40))).spliced, true);
    write(start, (a) => a.actors[0].mentions.splice(0, 2));
    write(start, (a) => a.claims.splice(0, 2));
    assert.deepEqual(decodeSidecar(start.written.text, TEXT).annotations, start.annotations);
    assert.equal(write(start, (a) => (a.actors[0].name = 'Republic of Armenia')).spliced, true);
    // Emptied, the lists are block lists with no items; the first item put back goes under the key again.
    write(start, (a) => a.actors[0].mentions.push(on('Armenia')));
    write(start, (a) => a.claims.push({ id: 'c3', anchor: on('Kyrgyzstan'), status: 'checked', sources: [] }));
    assert.match(start.written.text, /mentions:\n {6}- \{ start: 36.*\}\nclaims:\n {2}- id: c3\n/);
  });

  it('writes the rejected suggestions when the first is turned down and when the last is taken back', () => {
    const annotations = fresh();
    annotations.claims.push({ id: 'c1', anchor: on('Armenia stays away'), status: 'unchecked', sources: [] });
    const start = opened(encodeSidecar(annotations, TEXT));
    write(start, (a) => (a.suggestions = { rejected: { actors: ['CSTO'] } }));
    assert.match(start.written.text, /suggestions:\n {2}rejected:\n {4}actors:\n {6}- CSTO\n$/);
    write(start, (a) => (a.claims[0].status = 'checked'));
    write(start, (a) => (a.suggestions = undefined));
    assert.doesNotMatch(start.written.text, /suggestions/);
    assert.match(start.written.text, /status: checked\n$/);
  });

  it('keeps a mention\'s comment on its own line only, when the same words are marked again', () => {
    const annotations = fresh();
    annotations.actors[0].mentions.push(on('Armenia'));
    const hand = encodeSidecar(annotations, TEXT).replace(/(- \{ start: 36.*\})/, '$1 # the first time');
    const start = opened(hand);
    write(start, (a) => a.actors[0].mentions.push(on('Armenia', 40)));
    assert.equal(start.written.text.match(/# the first time/g)?.length, 1);
    assert.match(start.written.text, /start: 36.*# the first time\n.*start: 56[^#]*\n/);
  });

  it('gives a mention whose maker was set the comment of its own line, not of the line before it', () => {
    const annotations = fresh();
    annotations.actors[0].mentions.push(on('Armenia'), on('Armenia', 40));
    const hand = encodeSidecar(annotations, TEXT).replace(/(- \{ start: 36.*\})/, '$1 # one').replace(/(- \{ start: 56.*\})/, '$1 # two');
    const start = opened(hand);
    write(start, (a) => (a.actors[0].mentions[1].by = 'desk'));
    assert.match(start.written.text, /start: 36.*\} # one\n.*start: 56.*by: desk \} # two\n/);
  });

  it('keeps the comments on aliases, on the items of extra data and on a claim\'s anchor as written by hand, when a status changes', () => {
    const annotations = fresh();
    annotations.actors[0].aliases = ['Hayastan', 'Republic of Armenia'];
    annotations.claims.push({ id: 'c1', anchor: on('Armenia stays away'), status: 'unchecked', sources: [] });
    const extra = [
      'extra:',
      '  reviews:',
      '    - who: desk # first review',
      '      tags: [ economy ]',
      '    - who: desk # second review',
      '      tags: [ politics ]',
      '  odd:',
      '    - { __proto__: 1, note: kept } # proto',
      '    - { __proto__: 2 } # proto alone',
      '    - null',
      '    - 12',
      '',
    ].join('\n');
    const hand = `${encodeSidecar(annotations, TEXT)
      .replace('- Hayastan', '- Hayastan # in Armenian')
      .replace(/anchor: \{ start: 36, end: 54, quote: Armenia stays away(.*)\}/, 'anchor: { start: 36, end: 54, quote: "Armenia stays away"$1}')}${extra}`;
    const start = opened(hand);
    assert.equal(start.written.text, hand);
    write(start, (a) => (a.claims[0].status = 'checked'));
    assert.equal(start.written.text, hand.replace('status: unchecked', 'status: checked'));
    // Extra data is only ever replaced, never changed in place.
    write(start, (a) => ((a.extra = { ...a.extra, reviews: (a.extra as { reviews: unknown[] }).reviews.slice(1) } as Annotations['extra']), (a.claims[0].status = 'unchecked')));
    assert.equal(start.written.text, hand.replace(/ {4}- who: desk # first review\n.*\n/, ''));
  });
});
