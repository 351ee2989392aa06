// Notes carried as brat # lines, and the note lines that show a conflicting verdict, status or claimant.

import type { Actor, Claim } from '../model';
import { showControls, restoreControls } from '../text';
import { bratOf } from './records';
import type { BratLine } from './types';

/** The note line that shows a conflicting brat line; export recognises it by the id at its end. */
export function conflictNote(type: string, value: string, id: string): string {
  return `Also in brat: ${type} ${restoreControls(value)} (${id}).`;
}

export function isConflictNote(line: string, ids: readonly string[]): boolean {
  const m = /^Also in brat: .* \((\S+)\)\.$/.exec(line);
  return m !== null && ids.includes(m[1]);
}

export function exportNotes(
  owner: Actor | Claim,
  target: string | undefined,
  lines: Extract<BratLine, { kind: '#' }>[],
  setLines: (old: BratLine[], wanted: string[], build: (id: string, content: string) => string, prefix: string) => void,
): void {
  const before = lines.map((l) => restoreControls(l.text)).join('\n');
  // One note line per # line, blank ones included, so notes come back as they were. Lines that
  // show a conflicting brat line are not notes of their own: that line is kept and says it.
  const conflicts = bratOf(owner)?.conflicts;
  const ids = Array.isArray(conflicts) ? conflicts.map(String) : [];
  // brat reads a line as Python does (CRLF, CR or LF); NEL and U+2028 stay inside a note.
  const now = owner.notes ? owner.notes.split(/\r\n|\r|\n/).filter((l) => !isConflictNote(l, ids)) : [];
  if (now.join('\n') === before) {
    return;
  }
  const type = lines[0]?.type ?? 'AnnotatorNotes';
  setLines(lines, target ? now.map(showControls) : [], (id, note) => `${id}\t${type} ${target}\t${note}`, '#');
}
