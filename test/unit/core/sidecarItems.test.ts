// Tests of how the writer finds the old node of each item it writes again, and of the record of an item's fields it proves the item unchanged by.

import assert from 'node:assert/strict';
import { isMap, parseDocument, type Node as YamlNode } from 'yaml';
import { OldItems } from '../../../src/core/sidecarItems';
import { fieldIn, fieldsOf, sameFields } from '../../../src/core/sidecarKnown';

/** The items of a list read from YAML, and the finder over them. */
function oldItems(yaml: string): { nodes: YamlNode[]; old: OldItems } {
  const seq = parseDocument(yaml).contents as unknown as { items: YamlNode[] };
  return { nodes: seq.items, old: new OldItems(seq.items, new WeakMap()) };
}

/** Whether the node is the map with this id; like the writer's test, it reads the node, so it must be given one. */
const hasId = (id: string) => (node: YamlNode) => isMap(node) && node.get('id') === id;

describe('old items of a list written again', () => {
  it('gives the item at its own place when it fits, and nothing when it does not', () => {
    const { nodes, old } = oldItems('- { id: a }\n- { id: b }\n');
    assert.equal(old.takeAt(0, hasId('b')), undefined);
    assert.equal(old.takeAt(1, hasId('b')), nodes[1]);
    assert.equal(old.takeAt(0, hasId('a')), nodes[0]);
  });

  it('asks whether an item fits only about an item that is there', () => {
    const { old } = oldItems('- { id: a }\n');
    const asked: unknown[] = [];
    assert.equal(old.takeAt(1, (node) => (asked.push(node), true)), undefined);
    assert.deepEqual(asked, []);
  });

  it('gives each old item once, whichever way it is asked for', () => {
    const { nodes, old } = oldItems('- { id: a }\n- { id: b }\n- { id: c }\n');
    assert.equal(old.takeAt(0, hasId('a')), nodes[0]);
    assert.equal(old.takeById('a'), undefined, 'taken at its place, then by its id');
    assert.equal(old.takeById('b'), nodes[1]);
    assert.equal(old.takeAt(1, hasId('b')), undefined, 'taken by its id, then at its place');
    assert.equal(old.takeAt(2, () => true), nodes[2]);
    assert.equal(old.takeAt(2, () => true), undefined, 'taken at its place twice');
  });

  it('gives items that share an id earliest first, each once', () => {
    const { nodes, old } = oldItems('- { id: a, n: 1 }\n- { id: b }\n- { id: a, n: 2 }\n');
    assert.equal(old.takeAt(2, hasId('a')), nodes[2]);
    assert.equal(old.takeById('a'), nodes[0]);
    assert.equal(old.takeById('a'), undefined);
  });

  it('finds an item by equal data or by its quote, and an item without a quote by neither a missing quote nor no data', () => {
    const { nodes, old } = oldItems('- plain\n- { start: 1, quote: x }\n- { start: 2, quote: x }\n- { start: 3 }\n');
    assert.equal(old.takeByData({ start: 2, quote: 'x' }), nodes[2]);
    assert.equal(old.takeByQuote('x'), nodes[1]);
    assert.equal(old.takeByQuote('x'), undefined);
    assert.equal(old.takeByQuote(undefined as never), undefined);
    assert.equal(old.takeByData('plain'), nodes[0]);
    assert.equal(old.takeByData({ start: 3 }), nodes[3]);
  });
});

describe('the record of an item\'s fields', () => {
  it('holds the number of keys, then each key and its value, in order', () => {
    assert.deepEqual(fieldsOf({ id: 'c1', status: 'checked', notes: undefined }), [3, 'id', 'c1', 'status', 'checked', 'notes', undefined]);
    assert.deepEqual(fieldsOf({}), [0]);
  });

  it('reads a field by its key, and nothing for a key it does not hold', () => {
    const fields = fieldsOf({ id: 'c1', status: 'checked' });
    assert.equal(fieldIn(fields, 'status'), 'checked');
    assert.equal(fieldIn(fields, 'id'), 'c1');
    assert.equal(fieldIn(fields, 'notes'), undefined);
    // A value is never read as a key.
    assert.equal(fieldIn(fieldsOf({ a: 'status', b: 1 }), 'status'), undefined);
  });

  it('tells an item that still has its very keys and values, in order, from one that gained, lost, moved or changed any', () => {
    const sources: unknown[] = [];
    const item: Record<string, unknown> = { id: 'c1', status: 'checked', sources };
    const fields = fieldsOf(item);
    assert.equal(sameFields(item, fields), true);
    assert.equal(sameFields({ id: 'c1', status: 'checked', sources }, fields), true, 'another object with the same values');
    assert.equal(sameFields({ id: 'c1', status: 'checked', sources: [] }, fields), false, 'an equal list that is another list');
    assert.equal(sameFields({ id: 'c1', status: 'unchecked', sources }, fields), false, 'a value changed');
    assert.equal(sameFields({ id: 'c1', status: 'checked', sources, notes: 'n' }, fields), false, 'a key added at the end');
    assert.equal(sameFields({ id: 'c1', status: 'checked' }, fields), false, 'the last key taken away');
    assert.equal(sameFields({ status: 'checked', id: 'c1', sources }, fields), false, 'keys in another order');
    assert.equal(sameFields({ id: 'c1', notes: 'checked', sources }, fields), false, 'a key renamed, its value kept');
    assert.equal(sameFields({}, fieldsOf({})), true);
  });
});
