// Moves anchors with the text while the user types, from VS Code's contentChanges (UTF-16 offsets).

import type { Anchor, Annotations } from './model';

/** One replacement, as VS Code reports it: `length` UTF-16 units at `offset` replaced by `text`. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

/**
 * Applies one edit to one anchor in place.
 *
 * - Text inserted or deleted before the anchor moves it; after it, leaves it.
 * - Typing exactly at a boundary does not grow the span (text typed right after a name is
 *   not part of the name).
 * - An edit inside the span resizes it; the quote keeps the text the annotation was made
 *   on, so the anchor then reads as changed until the wording is accepted.
 * - An edit that removes the whole span orphans the anchor; it keeps its quote and is
 *   collapsed at the edit, never dropped.
 */
export function shiftAnchor(anchor: Anchor, edit: TextEdit): void {
  if (anchor.orphaned) {
    // An orphan has no live text; keep its last known position roughly in place.
    anchor.start = anchor.end = shiftPoint(anchor.start, edit);
    return;
  }
  const editEnd = edit.offset + edit.length;
  const delta = edit.text.length - edit.length;
  const { start, end } = anchor;
  if (editEnd <= start) {
    // Wholly before (an insertion exactly at start counts as before).
    anchor.start += delta;
    anchor.end += delta;
    return;
  }
  if (edit.offset >= end) {
    return;
  }
  if (edit.offset <= start && editEnd >= end) {
    // The whole span was replaced or deleted.
    anchor.orphaned = true;
    anchor.start = edit.offset;
    anchor.end = edit.offset;
    return;
  }
  if (edit.offset < start) {
    // Overlaps the beginning: the span now starts after the inserted text.
    anchor.start = edit.offset + edit.text.length;
    anchor.end += delta;
  } else if (editEnd > end) {
    // Overlaps the end: the span ends where the edit began.
    anchor.end = edit.offset;
  } else {
    anchor.end += delta;
  }
  if (anchor.end <= anchor.start) {
    anchor.orphaned = true;
    anchor.end = anchor.start;
  }
}

function shiftPoint(point: number, edit: TextEdit): number {
  const editEnd = edit.offset + edit.length;
  if (point <= edit.offset) {
    return point;
  }
  if (point >= editEnd) {
    return point + edit.text.length - edit.length;
  }
  return edit.offset;
}

/**
 * Applies a batch of edits, as one `onDidChangeTextDocument` event delivers them. VS Code
 * reports each change against the document before the event, so apply them from the last
 * offset to the first.
 */
export function shiftAnchors(anchors: Iterable<Anchor>, edits: readonly TextEdit[]): void {
  const ordered = lastFirst(edits);
  for (const anchor of anchors) {
    for (const edit of ordered) {
      shiftAnchor(anchor, edit);
    }
  }
}

/** Shifts every anchor of the annotations (see shiftAnchors), walking them in place: it runs at every keystroke. */
export function shiftAnnotations(annotations: Annotations, edits: readonly TextEdit[]): void {
  const ordered = lastFirst(edits);
  for (const actor of annotations.actors) {
    for (const mention of actor.mentions) {
      for (const edit of ordered) {
        shiftAnchor(mention, edit);
      }
    }
  }
  for (const claim of annotations.claims) {
    for (const edit of ordered) {
      shiftAnchor(claim.anchor, edit);
    }
  }
}

/** A batch of edits from the last offset to the first, the order they apply in. */
export function lastFirst(edits: readonly TextEdit[]): readonly TextEdit[] {
  return edits.length > 1 ? [...edits].sort((a, b) => b.offset - a.offset) : edits;
}
