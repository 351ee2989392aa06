// Keeping an actor's or claim's written data while nothing it was made from has changed, so that an unchanged item is known by identity.

import type { Plain } from './sidecarWriter';

/**
 * What an item's data was made from: its own keys and values, in order, and the parts that
 * lie inside it (its anchor's data, its lists' items) as the caller laid them out.
 */
export interface KnownItem {
  readonly fields: readonly unknown[];
  readonly parts: readonly unknown[];
  readonly data: Plain;
}

/**
 * An object's own keys and values as one list: its number of keys, then each key and its value.
 * The count first keeps several objects' lists, one after another, from reading alike.
 */
export function fieldsOf(item: object): unknown[] {
  // Values read with Object.values, in the same order as the keys: read one key at a time, by
  // name, from items of many shapes, they cost four times as much.
  const keys = Object.keys(item);
  const values = Object.values(item);
  const out: unknown[] = new Array(1 + 2 * keys.length);
  out[0] = keys.length;
  for (let i = 0; i < keys.length; i++) {
    out[1 + 2 * i] = keys[i];
    out[2 + 2 * i] = values[i];
  }
  return out;
}

/**
 * A field's value read from the item's fieldsOf(). Reading the items' fields by name, most of
 * them absent, cost more than making their data again: the objects come in many shapes.
 */
export function fieldIn(fields: readonly unknown[], key: string): unknown {
  for (let i = 1; i < fields.length; i += 2) {
    if (fields[i] === key) {
      return fields[i + 1];
    }
  }
  return undefined;
}

/** Whether two lists hold the very same values, in order. */
function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/**
 * Whether the item's keys and values are, in order, the very ones of `fields` (a fieldsOf()
 * record): read in place, without making the item's record again, as most items have not changed.
 * for-in also reads inherited keys, which fieldsOf() leaves out; an item that had any would only
 * read as changed, and be made again.
 */
export function sameFields(item: object, fields: readonly unknown[]): boolean {
  let i = 1;
  for (const key in item) {
    if (fields[i] !== key || fields[i + 1] !== (item as Record<string, unknown>)[key]) {
      return false;
    }
    i += 2;
  }
  return i === fields.length;
}

/**
 * The item's data: the very object made last time when the item's fields and its `parts` are
 * all the same values as then, otherwise made again. Items are changed in place by the store,
 * so the same object proves nothing; every field is compared, and an object held in a field
 * (one not laid out in `parts`, such as extra) by identity, as the data holds it. `parts` lays
 * out what lies inside the item from its fieldsOf() record.
 */
export function knownData(known: WeakMap<object, KnownItem>, item: object, parts: (fields: readonly unknown[]) => unknown[], make: () => Plain): Plain {
  const last = known.get(item);
  const fields = last && sameFields(item, last.fields) ? last.fields : fieldsOf(item);
  const laidOut = parts(fields);
  if (last && fields === last.fields && sameItems(last.parts, laidOut)) {
    return last.data;
  }
  const data = make();
  known.set(item, { fields, parts: laidOut, data });
  return data;
}
