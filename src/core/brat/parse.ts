// Reads a .ann file line by line as brat's own reader does, with its ids, layout and references checked.

import { shortened } from './names';
import type { BratLine, BratProblem, BratProblemCode, Fragment, ParsedAnn } from './types';

const LINE_TYPES = 'T, R, E, A, M, N, # or *';

/**
 * Reads the lines of a .ann file as brat's own reader does (brat's server/src/annotation.py),
 * checking ids, layout and references. Offsets are not checked against a text here.
 */
export function parseAnn(ann: string): ParsedAnn {
  const lines: BratLine[] = [];
  const problems: BratProblem[] = [];
  const ids = new Map<string, number>();
  const rawLines = ann.split('\n');
  const crlf = /\r\n/.test(ann);
  rawLines.forEach((rawWithCr, index) => {
    const raw = rawWithCr.endsWith('\r') ? rawWithCr.slice(0, -1) : rawWithCr;
    const line = index + 1;
    if (raw.trim() === '') {
      return;
    }
    const fail = (code: BratProblemCode, message: string, column = 1) => {
      problems.push({ code, message, line, column });
    };
    const tab = raw.indexOf('\t');
    if (tab < 0) {
      fail('syntax', `Expected an id, a tab and the annotation, but the line has no tab: "${shortened(raw)}".`);
      return;
    }
    const id = raw.slice(0, tab);
    const rest = raw.slice(tab + 1);
    const tab2 = rest.indexOf('\t');
    const data = tab2 < 0 ? rest : rest.slice(0, tab2);
    const tail = tab2 < 0 ? undefined : rest.slice(tab2 + 1);
    const dataColumn = tab + 2;
    const tailColumn = tab + 2 + data.length + 1;

    const kind = id.charAt(0);
    if (!'TRENMA#*'.includes(kind) || kind === '') {
      fail('unknown-line-type', `Unknown annotation type "${id}": brat lines start with ${LINE_TYPES}.`);
      return;
    }
    if (id !== '*' && !/^([A-Za-z]+|#[A-Za-z]*)[0-9]+\S*$/.test(id)) {
      fail('syntax', `"${id}" is not a brat id: a letter (or #) followed by a number, such as T1.`);
      return;
    }
    if (id !== '*') {
      const first = ids.get(id);
      if (first !== undefined) {
        fail('duplicate-id', `The id ${id} is already used on line ${first}.`);
        return;
      }
      ids.set(id, line);
    }
    const words = data.split(' ');
    const argPairs = (parts: string[], column: number): [string, string][] | undefined => {
      const pairs: [string, string][] = [];
      for (const part of parts) {
        const m = /^([^:\s]+):([^:\s]+)$/.exec(part);
        if (!m) {
          fail('syntax', `${id}: "${part}" should be ROLE:ID, such as Arg1:T3.`, column);
          return undefined;
        }
        pairs.push([m[1], m[2]]);
      }
      return pairs;
    };

    switch (kind) {
      case 'T': {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(data);
        if (!m) {
          fail('syntax', `${id}: expected "TYPE START END" (fragments separated by ";") before the tab, found "${shortened(data)}".`, dataColumn);
          return;
        }
        if (tail === undefined) {
          fail('syntax', `${id}: the annotated text is missing after the offsets (expected "ID<tab>TYPE START END<tab>TEXT").`, tailColumn);
          return;
        }
        const fragments = m[2].split(';').map((f) => f.split(' ').map(Number) as Fragment);
        lines.push({ kind: 'T', id, type: m[1], fragments, text: tail, line, raw });
        return;
      }
      case 'N': {
        const m = /^(\S+) (\S+) (\S+?):(\S+)$/.exec(data);
        if (!m) {
          fail('syntax', `${id}: expected "TYPE TARGET DATABASE:ID", such as "Reference T1 Wikidata:Q42".`, dataColumn);
          return;
        }
        lines.push({ kind: 'N', id, type: m[1], target: m[2], db: m[3], ref: m[4], text: tail, line, raw });
        return;
      }
      case '#': {
        if (words.length !== 2 || !words[0] || !words[1]) {
          fail('syntax', `${id}: expected "TYPE TARGET", such as "AnnotatorNotes T1", before the note.`, dataColumn);
          return;
        }
        lines.push({ kind: '#', id, type: words[0], target: words[1], text: tail ?? '', line, raw });
        return;
      }
      case 'A':
      case 'M': {
        if (words.length < 2 || !words[0] || !words[1] || (kind === 'M' && words.length > 2)) {
          fail('syntax', `${id}: expected "TYPE TARGET${kind === 'A' ? ' [VALUE]' : ''}", such as "Negation E1".`, dataColumn);
          return;
        }
        lines.push({ kind: 'A', id, type: words[0], target: words[1], value: words.length > 2 ? words.slice(2).join(' ') : undefined, line, raw });
        return;
      }
      case 'R': {
        const args = words.length === 3 && words[0] ? argPairs(words.slice(1), dataColumn) : undefined;
        if (!args) {
          if (!(words.length === 3 && words[0])) {
            fail('syntax', `${id}: a relation is "TYPE Arg1:ID Arg2:ID", with exactly two arguments.`, dataColumn);
          }
          return;
        }
        if (args[0][0] === args[1][0]) {
          fail('syntax', `${id}: the two arguments of a relation need different roles, both are "${args[0][0]}".`, dataColumn);
          return;
        }
        lines.push({ kind: 'R', id, type: words[0], args, line, raw });
        return;
      }
      case 'E': {
        const m = /^([^:\s]+):(\S+)$/.exec(words[0]);
        if (!m) {
          fail('syntax', `${id}: an event starts with "TYPE:TRIGGER", such as "Attack:T2".`, dataColumn);
          return;
        }
        const args = argPairs(words.slice(1).filter((w) => w !== ''), dataColumn);
        if (!args) {
          return;
        }
        lines.push({ kind: 'E', id, type: m[1], trigger: m[2], args, line, raw });
        return;
      }
      case '*': {
        const members = words.slice(1).filter((w) => w !== '');
        if (!words[0] || members.length < 2) {
          fail('syntax', `An equivalence is "*<tab>TYPE ID ID…", with at least two ids.`, dataColumn);
          return;
        }
        lines.push({ kind: '*', id: '*', type: words[0], members, line, raw });
        return;
      }
    }
  });

  // References may point forward, so they are checked once every id is known.
  const kindOf = new Map(lines.filter((l) => l.id !== '*').map((l) => [l.id, l.kind] as const));
  for (const l of lines) {
    const check = (ref: string, allowed: string | undefined, what: string) => {
      const k = kindOf.get(ref);
      if (k === undefined) {
        problems.push({ code: 'unknown-reference', message: `${l.id === '*' ? 'The equivalence' : l.id} refers to ${ref} as ${what}, but no line defines ${ref}.`, line: l.line, column: 1 });
      } else if (allowed && !allowed.includes(k)) {
        problems.push({ code: 'unknown-reference', message: `${l.id} uses ${ref} as ${what}, which must be a ${allowed === 'T' ? 'text-bound (T)' : 'text-bound (T) or event (E)'} annotation.`, line: l.line, column: 1 });
      }
    };
    switch (l.kind) {
      case 'N':
      case '#':
      case 'A':
        check(l.target, undefined, 'its target');
        break;
      case 'R':
        l.args.forEach(([role, ref]) => check(ref, 'TE', `"${role}"`));
        break;
      case 'E':
        check(l.trigger, 'T', 'its trigger');
        l.args.forEach(([role, ref]) => check(ref, 'TE', `"${role}"`));
        break;
      case '*':
        l.members.forEach((ref) => check(ref, 'TE', 'a member'));
        break;
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { lines, problems, crlf };
}
