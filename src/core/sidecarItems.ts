// Finding the old node of each item of a list being written, by id or by equal data, in constant time per item.

import { isMap, isScalar, type Scalar, type Node as YamlNode } from 'yaml';
import type { Plain } from './sidecarWriter';

/** The positions, in list order, of the old items that share one key, and how many of them are known to be taken. */
interface Queue {
  at: number[];
  next: number;
}

/**
 * The old items of a list, indexed when first asked so that each new item finds its old node in
 * constant time: a sidecar may hold tens of thousands of mentions, and matching each against
 * every other made writing quadratic. Each old item is taken at most once, earliest first.
 */
export class OldItems {
  private readonly taken: boolean[];
  private byId?: Map<unknown, Queue>;
  private byData?: Map<string, Queue>;
  private byQuote?: Map<unknown, Queue>;

  constructor(
    private readonly nodes: YamlNode[],
    private readonly json: WeakMap<object, string>,
  ) {
    this.taken = new Array<boolean>(nodes.length).fill(false);
  }

  /**
   * The old item at the new item's own place, when `fits` says it is that item's (most items
   * of a list written again have not moved): looking there first spares indexing the whole list.
   */
  takeAt(position: number, fits: (node: YamlNode) => boolean): YamlNode | undefined {
    const node = this.nodes[position];
    if (node === undefined || this.taken[position] || !fits(node)) {
      return undefined;
    }
    this.taken[position] = true;
    return node;
  }

  takeById(id: Plain): YamlNode | undefined {
    // Only a map can hold an id, and an item with an id is a map, so no other item can equal it.
    this.byId ??= this.index((node) => (isMap(node) ? node.get('id') : undefined));
    return this.take(this.byId.get(id));
  }

  takeByData(value: Plain): YamlNode | undefined {
    this.byData ??= this.index((node) => dataKey(node, this.json));
    return this.take(this.byData.get(valueKey(value, this.json)));
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
function dataKey(node: YamlNode, json: WeakMap<object, string>): string | undefined {
  const known = json.get(node);
  if (known !== undefined) {
    return known;
  }
  const key = nodeJson(node);
  if (key !== undefined) {
    json.set(node, key);
  }
  return key;
}

/** A value's data as JSON, kept for the next write while the value object is the same. */
function valueKey(value: Plain, json: WeakMap<object, string>): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  let key = json.get(value);
  if (key === undefined) {
    key = JSON.stringify(value);
    json.set(value, key);
  }
  return key;
}

function nodeJson(node: YamlNode): string | undefined {
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

export function sameData(node: YamlNode, value: Plain, json: WeakMap<object, string>): boolean {
  const key = dataKey(node, json);
  return key !== undefined && key === valueKey(value, json);
}
