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
  const crlf = /\r\n/.test(ann);
  ann.split('\n').forEach((rawWithCr, index) => {
    const raw = rawWithCr.endsWith('\r') ? rawWithCr.slice(0, -1) : rawWithCr;
    const line = index + 1;
    if (raw.trim() === '') {
      return;
    }
    const parsed = parseLine(raw, line, ids, (code, message, column = 1) => {
      problems.push({ code, message, line, column });
    });
    if (parsed) {
      lines.push(parsed);
    }
  });
  problems.push(...referenceProblems(lines));
  problems.sort((a, b) => a.line - b.line);
  return { lines, problems, crlf };
}

type Fail = (code: BratProblemCode, message: string, column?: number) => void;

/** One line of a .ann split at its tabs, with the columns its parts start at. */
interface LineParts {
  id: string;
  data: string;
  tail: string | undefined;
  line: number;
  raw: string;
  dataColumn: number;
  tailColumn: number;
  fail: Fail;
}

/** Reads one non-blank line, reporting through `fail` and giving undefined when it cannot be read. */
function parseLine(raw: string, line: number, ids: Map<string, number>, fail: Fail): BratLine | undefined {
  const tab = raw.indexOf('\t');
  if (tab < 0) {
    fail('syntax', `Expected an id, a tab and the annotation, but the line has no tab: "${shortened(raw)}".`);
    return undefined;
  }
  const id = raw.slice(0, tab);
  const rest = raw.slice(tab + 1);
  const tab2 = rest.indexOf('\t');
  const data = tab2 < 0 ? rest : rest.slice(0, tab2);
  const tail = tab2 < 0 ? undefined : rest.slice(tab2 + 1);
  if (!checkId(id, line, ids, fail)) {
    return undefined;
  }
  const parts: LineParts = { id, data, tail, line, raw, dataColumn: tab + 2, tailColumn: tab + 2 + data.length + 1, fail };
  return LINE_READERS[id.charAt(0)](parts, data.split(' '));
}

/** Checks a line's id: a known kind, brat's id form, and not used before (recorded in `ids` when new). */
function checkId(id: string, line: number, ids: Map<string, number>, fail: Fail): boolean {
  const kind = id.charAt(0);
  if (!'TRENMA#*'.includes(kind) || kind === '') {
    fail('unknown-line-type', `Unknown annotation type "${id}": brat lines start with ${LINE_TYPES}.`);
    return false;
  }
  if (id === '*') {
    return true;
  }
  if (!/^([A-Za-z]+|#[A-Za-z]*)[0-9]+\S*$/.test(id)) {
    fail('syntax', `"${id}" is not a brat id: a letter (or #) followed by a number, such as T1.`);
    return false;
  }
  const first = ids.get(id);
  if (first !== undefined) {
    fail('duplicate-id', `The id ${id} is already used on line ${first}.`);
    return false;
  }
  ids.set(id, line);
  return true;
}

/** ROLE:ID arguments of a relation or event; undefined (with the problem reported) if one is not. */
function argPairs(p: LineParts, parts: string[]): [string, string][] | undefined {
  const pairs: [string, string][] = [];
  for (const part of parts) {
    const m = /^([^:\s]+):([^:\s]+)$/.exec(part);
    if (!m) {
      p.fail('syntax', `${p.id}: "${part}" should be ROLE:ID, such as Arg1:T3.`, p.dataColumn);
      return undefined;
    }
    pairs.push([m[1], m[2]]);
  }
  return pairs;
}

type LineReader = (p: LineParts, words: string[]) => BratLine | undefined;

function readTextBound(p: LineParts): BratLine | undefined {
  const { id, data, tail, line, raw } = p;
  const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(data);
  if (!m) {
    p.fail('syntax', `${id}: expected "TYPE START END" (fragments separated by ";") before the tab, found "${shortened(data)}".`, p.dataColumn);
    return undefined;
  }
  if (tail === undefined) {
    p.fail('syntax', `${id}: the annotated text is missing after the offsets (expected "ID<tab>TYPE START END<tab>TEXT").`, p.tailColumn);
    return undefined;
  }
  const fragments = m[2].split(';').map((f) => f.split(' ').map(Number) as Fragment);
  return { kind: 'T', id, type: m[1], fragments, text: tail, line, raw };
}

function readNormalization(p: LineParts): BratLine | undefined {
  const m = /^(\S+) (\S+) (\S+?):(\S+)$/.exec(p.data);
  if (!m) {
    p.fail('syntax', `${p.id}: expected "TYPE TARGET DATABASE:ID", such as "Reference T1 Wikidata:Q42".`, p.dataColumn);
    return undefined;
  }
  return { kind: 'N', id: p.id, type: m[1], target: m[2], db: m[3], ref: m[4], text: p.tail, line: p.line, raw: p.raw };
}

function readNote(p: LineParts, words: string[]): BratLine | undefined {
  if (words.length !== 2 || !words[0] || !words[1]) {
    p.fail('syntax', `${p.id}: expected "TYPE TARGET", such as "AnnotatorNotes T1", before the note.`, p.dataColumn);
    return undefined;
  }
  return { kind: '#', id: p.id, type: words[0], target: words[1], text: p.tail ?? '', line: p.line, raw: p.raw };
}

/** An attribute (A) or a modifier (M, an attribute without a value). */
function readAttribute(p: LineParts, words: string[]): BratLine | undefined {
  const kind = p.id.charAt(0);
  if (words.length < 2 || !words[0] || !words[1] || (kind === 'M' && words.length > 2)) {
    p.fail('syntax', `${p.id}: expected "TYPE TARGET${kind === 'A' ? ' [VALUE]' : ''}", such as "Negation E1".`, p.dataColumn);
    return undefined;
  }
  return { kind: 'A', id: p.id, type: words[0], target: words[1], value: words.length > 2 ? words.slice(2).join(' ') : undefined, line: p.line, raw: p.raw };
}

function readRelation(p: LineParts, words: string[]): BratLine | undefined {
  if (!(words.length === 3 && words[0])) {
    p.fail('syntax', `${p.id}: a relation is "TYPE Arg1:ID Arg2:ID", with exactly two arguments.`, p.dataColumn);
    return undefined;
  }
  const args = argPairs(p, words.slice(1));
  if (!args) {
    return undefined;
  }
  if (args[0][0] === args[1][0]) {
    p.fail('syntax', `${p.id}: the two arguments of a relation need different roles, both are "${args[0][0]}".`, p.dataColumn);
    return undefined;
  }
  return { kind: 'R', id: p.id, type: words[0], args, line: p.line, raw: p.raw };
}

function readEvent(p: LineParts, words: string[]): BratLine | undefined {
  const m = /^([^:\s]+):(\S+)$/.exec(words[0]);
  if (!m) {
    p.fail('syntax', `${p.id}: an event starts with "TYPE:TRIGGER", such as "Attack:T2".`, p.dataColumn);
    return undefined;
  }
  const args = argPairs(p, words.slice(1).filter((w) => w !== ''));
  return args && { kind: 'E', id: p.id, type: m[1], trigger: m[2], args, line: p.line, raw: p.raw };
}

function readEquivalence(p: LineParts, words: string[]): BratLine | undefined {
  const members = words.slice(1).filter((w) => w !== '');
  if (!words[0] || members.length < 2) {
    p.fail('syntax', `An equivalence is "*<tab>TYPE ID ID…", with at least two ids.`, p.dataColumn);
    return undefined;
  }
  return { kind: '*', id: '*', type: words[0], members, line: p.line, raw: p.raw };
}

/** The reader of each line kind, by the first character of its id. */
const LINE_READERS: Record<string, LineReader> = {
  T: readTextBound,
  N: readNormalization,
  '#': readNote,
  A: readAttribute,
  M: readAttribute,
  R: readRelation,
  E: readEvent,
  '*': readEquivalence,
};

/** References may point forward, so they are checked once every id is known. */
function referenceProblems(lines: readonly BratLine[]): BratProblem[] {
  const problems: BratProblem[] = [];
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
  return problems;
}
