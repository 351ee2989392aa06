// brat standoff (.txt + .ann): parses and checks .ann files, imports them as annotations, and exports annotations back to .ann.

import { type Actor, type Anchor, type Annotations, type Claim, CLAIM_STATUSES, type ClaimStatus, anchorAt, nextClaimId, slugId } from './model';
import { CodePointIndex } from './offsets';
import { LINE_BREAK, restoreControls, showControls } from './text';

/*
 * How brat data lives in a sidecar (all under `extra.brat`, so Newsmark's own fields stay
 * as the editor knows them):
 *
 * - root `extra.brat.lines`: every line of the .ann in file order. A text-bound (T) line is
 *   kept without its text ("T8 Claim 383 397;416 458"): the text is the article's, and where
 *   the annotation is now belongs to its anchor, which moves with edits. Every other line is
 *   kept verbatim ("E1\tMeet:T13 Participant:T1").
 * - actor `extra.brat`: the ids of the lines that became the actor's `wikidata` (N) and
 *   `notes` (#).
 * - claim `extra.brat`: `span`, the id of its T line, and the ids of the lines that became its
 *   `notes` (#), `verdict` and `status` (A) and `claimant` (R).
 *
 * A Newsmark anchor is one contiguous span, so a discontinuous annotation is anchored on the
 * span covering all its fragments (the fact-checker sees the whole phrase highlighted) and its
 * fragments are kept in its T record. Export places them relative to where the anchor is now,
 * so they survive edits elsewhere in the article.
 *
 * Export re-emits a line verbatim while the field it became is unchanged, and rewrites it
 * (keeping its id) once the fact-checker has changed that field: import → export gives the
 * same file back, and edits made in Newsmark reach brat.
 */

/** Which brat names mean what in Newsmark; the editor's `newsmark.brat.*` settings and `.newsmark.json` fill it. */
export interface BratMapping {
  /** Text-bound types that become claims; every other type becomes an actor. */
  claimTypes: string[];
  /** brat type → Newsmark actor type. A type not listed becomes its own name, lower-cased and hyphenated. */
  actorTypes: Record<string, string>;
  /** The attribute (A) on a claim that holds its verdict id. */
  verdictAttribute: string;
  /** The attribute (A) on a claim that holds its status, when the verdict alone does not say it. */
  statusAttribute: string;
  /** The relation (R) between a claim and an actor that names the claimant. */
  claimantRelation: string;
  /** The normalization (N) database whose ids become actors' Wikidata ids. */
  wikidataDatabase: string;
}

export const DEFAULT_BRAT_MAPPING: Readonly<BratMapping> = Object.freeze({
  claimTypes: ['Claim'],
  actorTypes: {},
  verdictAttribute: 'Verdict',
  statusAttribute: 'Status',
  claimantRelation: 'Claimant',
  wikidataDatabase: 'Wikidata',
});

export type BratProblemCode =
  | 'syntax'
  | 'unknown-line-type'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'offset-out-of-range'
  | 'overlapping-fragments'
  | 'empty-span'
  | 'text-mismatch';

/** A problem in a .ann file; `line` and `column` are 1-based, on the .ann. */
export interface BratProblem {
  code: BratProblemCode;
  message: string;
  line: number;
  column: number;
}

/** Something an import kept but could not use as it stands; `line` and `column` are on the .ann. */
export interface BratWarning {
  code: 'conflicting-verdict' | 'conflicting-status' | 'conflicting-claimant';
  message: string;
  line: number;
  column: number;
}

export interface ExportWarning {
  code: string;
  message: string;
}

/** A [start, end) pair of code-point offsets, as brat writes them. */
export type Fragment = [number, number];

export type BratLine =
  | { kind: 'T'; id: string; type: string; fragments: Fragment[]; text: string; line: number; raw: string }
  | { kind: 'N'; id: string; type: string; target: string; db: string; ref: string; text: string | undefined; line: number; raw: string }
  | { kind: '#'; id: string; type: string; target: string; text: string; line: number; raw: string }
  | { kind: 'A'; id: string; type: string; target: string; value: string | undefined; line: number; raw: string }
  | { kind: 'R'; id: string; type: string; args: [string, string][]; line: number; raw: string }
  | { kind: 'E'; id: string; type: string; trigger: string; args: [string, string][]; line: number; raw: string }
  | { kind: '*'; id: '*'; type: string; members: string[]; line: number; raw: string };

export interface ParsedAnn {
  lines: BratLine[];
  problems: BratProblem[];
  /** The .ann used Windows line breaks; export writes them the same way. */
  crlf: boolean;
}

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
      fail('syntax', `Expected an id, a tab and the annotation, but the line has no tab: "${shorten(raw)}".`);
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
          fail('syntax', `${id}: expected "TYPE START END" (fragments separated by ";") before the tab, found "${shorten(data)}".`, dataColumn);
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

/**
 * How brat's offsets count the text. brat documents offsets as code points of the .txt, \r
 * included; brat's own editor counts a Windows line break as one character
 * (nlplab/brat#853), so files it wrote over CRLF text are read that way when, and only when,
 * the plain reading does not fit.
 */
export type OffsetCounting = 'code-points' | 'crlf-as-one';

interface OffsetSpace {
  /** Code points in this counting → UTF-16 offset into the text. */
  toUtf16(offset: number): number | undefined;
  fromUtf16(utf16: number): number | undefined;
  length: number;
}

function offsetSpace(text: string, counting: OffsetCounting): OffsetSpace {
  if (counting === 'code-points' || !text.includes('\r\n')) {
    const index = new CodePointIndex(text);
    return { toUtf16: (o) => index.toUtf16(o), fromUtf16: (u) => index.toCodePoint(u), length: index.codePointLength };
  }
  const folded = text.replace(/\r\n/g, '\n');
  const index = new CodePointIndex(folded);
  // UTF-16 positions of each CRLF's \r in the text, and of its \n in the folded text.
  const crInText: number[] = [];
  const lfInFolded: number[] = [];
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) {
    lfInFolded.push(i - crInText.length);
    crInText.push(i);
  }
  return {
    toUtf16(offset) {
      const u = index.toUtf16(offset);
      return u === undefined ? undefined : u + countBelow(lfInFolded, u);
    },
    fromUtf16(u) {
      if (u > 0 && text.charCodeAt(u - 1) === 13 && text.charCodeAt(u) === 10) {
        return undefined;
      }
      return index.toCodePoint(u - countBelow(crInText, u));
    },
    length: index.codePointLength,
  };
}

/** How many entries of the ascending list are below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** Checks every text-bound line against the text: offsets in range, fragments apart, text as quoted. */
function checkTextBound(lines: readonly BratLine[], text: string, space: OffsetSpace): BratProblem[] {
  const problems: BratProblem[] = [];
  for (const l of lines) {
    if (l.kind !== 'T') {
      continue;
    }
    const column = l.id.length + l.type.length + 3;
    let ok = true;
    const seen: Fragment[] = [];
    for (const [start, end] of l.fragments) {
      if (start > end) {
        problems.push({ code: 'offset-out-of-range', message: `${l.id}: the fragment ${start}–${end} ends before it starts.`, line: l.line, column });
        ok = false;
      } else if (end > space.length) {
        problems.push({
          code: 'offset-out-of-range',
          message: `${l.id}: the fragment ${start}–${end} runs past the end of the text, which has ${space.length} characters.`,
          line: l.line,
          column,
        });
        ok = false;
      }
      // Newsmark cannot show or re-attach an empty anchor, an actor would get an empty name, and
      // export could not give an empty fragment back.
      if (start === end) {
        problems.push({ code: 'empty-span', message: `${l.id}: the fragment ${start}–${end} covers no text; Newsmark marks only spans that hold text.`, line: l.line, column });
        ok = false;
      }
      // brat refuses fragments that overlap or touch (it checks one order; both are refused here).
      const clash = seen.find(([s, e]) => end >= s && start <= e);
      if (clash) {
        problems.push({
          code: 'overlapping-fragments',
          message: `${l.id}: the fragments ${clash[0]}–${clash[1]} and ${start}–${end} overlap or touch; brat fragments must be apart.`,
          line: l.line,
          column,
        });
        ok = false;
      }
      seen.push([start, end]);
    }
    if (!ok) {
      continue;
    }
    const actual = l.fragments.map(([s, e]) => text.slice(space.toUtf16(s)!, space.toUtf16(e)!)).join(' ');
    if (actual !== l.text) {
      problems.push({
        code: 'text-mismatch',
        message: `${l.id}: the line quotes "${shorten(l.text)}", but the text at ${formatFragments(l.fragments)} reads "${shorten(actual)}".`,
        line: l.line,
        column: l.raw.length - l.text.length + 1,
      });
    }
  }
  return problems;
}

export interface BratImportOptions {
  /** The article's file name, written to the sidecar's `article.file`. */
  articleFile: string;
  mapping?: Partial<BratMapping>;
}

export interface BratImportResult {
  /** Present only when the .ann has no problems: an import is all or nothing. */
  annotations?: Annotations;
  problems: BratProblem[];
  /** Lines the import kept but could not use as they stand (a second verdict on one claim). */
  warnings: BratWarning[];
  counting?: OffsetCounting;
}

/** Imports a brat .txt/.ann pair. `text` is the .txt exactly as stored on disk. */
export function importBrat(text: string, ann: string, options: BratImportOptions): BratImportResult {
  const mapping = { ...DEFAULT_BRAT_MAPPING, ...options.mapping };
  const parsed = parseAnn(ann);
  if (parsed.problems.length) {
    return { problems: parsed.problems, warnings: [] };
  }
  let counting: OffsetCounting = 'code-points';
  let space = offsetSpace(text, counting);
  let problems = checkTextBound(parsed.lines, text, space);
  if (problems.length && text.includes('\r\n')) {
    const folded = offsetSpace(text, 'crlf-as-one');
    if (checkTextBound(parsed.lines, text, folded).length === 0) {
      counting = 'crlf-as-one';
      space = folded;
      problems = [];
    }
  }
  if (problems.length) {
    return { problems, warnings: [] };
  }

  const byId = new Map(parsed.lines.filter((l) => l.id !== '*').map((l) => [l.id, l]));
  const textBound = parsed.lines.filter((l): l is Extract<BratLine, { kind: 'T' }> => l.kind === 'T');
  const isClaimType = (type: string) => mapping.claimTypes.includes(type);
  const anchorOf = (t: Extract<BratLine, { kind: 'T' }>): Anchor => {
    const start = Math.min(...t.fragments.map((f) => f[0]));
    const end = Math.max(...t.fragments.map((f) => f[1]));
    return anchorAt(text, space.toUtf16(start)!, space.toUtf16(end)!);
  };
  const spanRecord = (t: Extract<BratLine, { kind: 'T' }>) => `${t.id} ${t.type} ${formatFragments(t.fragments)}`;

  // Lines pointing at a text-bound annotation, by target, in file order.
  const attached = new Map<string, BratLine[]>();
  for (const l of parsed.lines) {
    const target = l.kind === 'N' || l.kind === '#' || l.kind === 'A' ? l.target : undefined;
    if (target !== undefined) {
      attached.set(target, [...(attached.get(target) ?? []), l]);
    }
  }
  const wikidataOf = (t: BratLine): Extract<BratLine, { kind: 'N' }> | undefined =>
    (attached.get(t.id) ?? []).find(
      (l): l is Extract<BratLine, { kind: 'N' }> => l.kind === 'N' && l.db.toLowerCase() === mapping.wikidataDatabase.toLowerCase() && /^Q[1-9][0-9]*$/.test(l.ref),
    );
  const notesOf = (t: BratLine) =>
    (attached.get(t.id) ?? []).filter((l): l is Extract<BratLine, { kind: '#' }> => l.kind === '#' && l.type === 'AnnotatorNotes').map((l) => ({ ...l, text: restoreControls(l.text) }));

  // Actors: one per brat type and Wikidata id, or per brat type and text where there is no id.
  // The id is the stronger evidence: "Pashinyan" and "Nikol Pashinyan" with one id are one actor,
  // "Paris" with two ids are two.
  interface Group {
    actor: Actor;
    bratType: string;
    tIds: string[];
    wikidataLines: string[];
    noteLines: string[];
    notes: string[];
  }
  const groups: Group[] = [];
  const groupOf = new Map<string, Group>();
  const groupOfT = new Map<string, Group>();
  const keyOf = (t: Extract<BratLine, { kind: 'T' }>, q: string | undefined) => (q ? `${t.type}\u0000id\u0000${q}` : `${t.type}\u0000text\u0000${t.text}`);
  const actorTs = textBound.filter((t) => !isClaimType(t.type));
  // Normalized mentions first, so that an un-normalized "Paris" joins the one normalized "Paris" group.
  const ordered = [...actorTs.filter((t) => wikidataOf(t)), ...actorTs.filter((t) => !wikidataOf(t))];
  for (const t of ordered) {
    const n = wikidataOf(t);
    let group = groupOf.get(keyOf(t, n?.ref));
    if (!group && !n) {
      const candidates = groups.filter((g) => g.bratType === t.type && (g.actor.name === t.text || g.actor.aliases?.includes(t.text)));
      group = candidates.length === 1 ? candidates[0] : undefined;
    }
    if (!group) {
      group = {
        actor: { id: '', name: t.text, type: mapping.actorTypes[t.type] ?? typeId(t.type), mentions: [] },
        bratType: t.type,
        tIds: [],
        wikidataLines: [],
        noteLines: [],
        notes: [],
      };
      if (n) {
        group.actor.wikidata = n.ref;
      }
      groups.push(group);
      groupOf.set(keyOf(t, n?.ref), group);
    }
    if (t.text !== group.actor.name && !group.actor.aliases?.includes(t.text)) {
      group.actor.aliases = [...(group.actor.aliases ?? []), t.text];
    }
    group.actor.mentions.push(anchorOf(t));
    group.tIds.push(t.id);
    groupOfT.set(t.id, group);
    if (n) {
      group.wikidataLines.push(n.id);
    }
  }
  // Notes join in file order, whichever mention carries them.
  for (const t of actorTs) {
    const group = groupOfT.get(t.id)!;
    for (const note of notesOf(t)) {
      group.noteLines.push(note.id);
      group.notes.push(note.text);
    }
  }
  const firstLine = (g: Group) => Math.min(...g.tIds.map((id) => byId.get(id)!.line));
  groups.sort((a, b) => firstLine(a) - firstLine(b));
  const taken = new Set<string>();
  for (const g of groups) {
    g.actor.id = slugId(g.actor.name, taken);
    taken.add(g.actor.id);
  }
  const actorOfT = new Map([...groupOfT].map(([tid, g]) => [tid, g.actor]));
  const actors: Actor[] = groups.map((g) => {
    g.actor.mentions.sort((a, b) => a.start - b.start);
    const brat: Record<string, unknown> = {};
    if (g.wikidataLines.length) {
      brat.wikidata = g.wikidataLines;
    }
    if (g.noteLines.length) {
      brat.notes = g.noteLines;
    }
    if (Object.keys(brat).length) {
      g.actor.extra = { brat };
    }
    if (g.notes.length) {
      g.actor.notes = g.notes.join('\n');
    }
    return g.actor;
  });

  const claims: Claim[] = [];
  const warnings: BratWarning[] = [];
  const relations = parsed.lines.filter((l): l is Extract<BratLine, { kind: 'R' }> => l.kind === 'R' && l.type === mapping.claimantRelation);
  for (const t of textBound.filter((x) => isClaimType(x.type))) {
    const brat: Record<string, unknown> = { span: t.id };
    const claim: Claim = { id: nextClaimId(claims), anchor: anchorOf(t), status: 'unchecked', sources: [] };
    const conflicts: Conflict[] = [];
    const attrs = (attached.get(t.id) ?? []).filter((l): l is Extract<BratLine, { kind: 'A' }> => l.kind === 'A');
    const [verdict, ...otherVerdicts] = attrs.filter((a) => a.type === mapping.verdictAttribute && a.value !== undefined);
    if (verdict) {
      claim.verdict = restoreControls(verdict.value!);
      claim.status = 'checked';
      brat.verdict = verdict.id;
      conflicts.push(...otherVerdicts.filter((a) => a.value !== verdict.value).map((a) => ({ code: 'conflicting-verdict' as const, what: 'verdict', line: a, kept: verdict, value: a.value!, keptValue: verdict.value! })));
    }
    const [status, ...otherStatuses] = attrs.filter((a) => a.type === mapping.statusAttribute && (CLAIM_STATUSES as readonly string[]).includes(a.value ?? ''));
    if (status) {
      claim.status = status.value as ClaimStatus;
      brat.status = status.id;
      conflicts.push(...otherStatuses.filter((a) => a.value !== status.value).map((a) => ({ code: 'conflicting-status' as const, what: 'status', line: a, kept: status, value: a.value!, keptValue: status.value! })));
    }
    const notes = notesOf(t);
    if (notes.length) {
      brat.notes = notes.map((n) => n.id);
    }
    const claimantOf = (r: Extract<BratLine, { kind: 'R' }>) => actorOfT.get(r.args.map((a) => a[1]).find((id) => actorOfT.has(id))!)!;
    const [claimant, ...otherClaimants] = relations.filter((r) => {
      const ids = r.args.map((a) => a[1]);
      return ids.includes(t.id) && ids.some((id) => actorOfT.has(id));
    });
    if (claimant) {
      claim.claimant = claimantOf(claimant).id;
      brat.claimant = claimant.id;
      conflicts.push(
        ...otherClaimants
          .filter((r) => claimantOf(r) !== claimantOf(claimant))
          .map((r) => ({ code: 'conflicting-claimant' as const, what: 'claimant', line: r, kept: claimant, value: shorten(claimantOf(r).name), keptValue: shorten(claimantOf(claimant).name) })),
      );
    }
    // A second verdict, status or claimant stays in the brat lines and shows in the notes, so the fact-checker sees it.
    conflicts.sort((x, y) => x.line.line - y.line.line);
    for (const c of conflicts) {
      const [value, keptValue] = c.code === 'conflicting-claimant' ? [c.value, c.keptValue] : [`"${c.value}"`, `"${c.keptValue}"`];
      warnings.push({
        code: c.code,
        message: `${t.id} has a second ${c.what}: ${value} on line ${c.line.line} (${c.line.id}), beside ${keptValue} on line ${c.kept.line} (${c.kept.id}). Newsmark keeps the one on line ${c.kept.line} and adds the other to the claim’s notes.`,
        line: c.line.line,
        column: 1,
      });
    }
    if (conflicts.length) {
      brat.conflicts = conflicts.map((c) => c.line.id);
    }
    const noteLines = [...notes.map((n) => n.text), ...conflicts.map((c) => conflictNote(c.line.type, c.value, c.line.id))];
    if (noteLines.length) {
      claim.notes = noteLines.join('\n');
    }
    claim.extra = { brat };
    claims.push(claim);
  }

  const root: Record<string, unknown> = { lines: parsed.lines.map((l) => (l.kind === 'T' ? spanRecord(l) : l.raw)) };
  if (counting === 'crlf-as-one') {
    root.offsets = counting;
  }
  if (parsed.crlf) {
    root.lineBreak = 'crlf';
  }
  return {
    annotations: { article: { file: options.articleFile }, actors, claims, extra: { brat: root } },
    problems: [],
    warnings,
    counting,
  };
}

interface Conflict {
  code: BratWarning['code'];
  what: string;
  line: BratLine;
  kept: BratLine;
  value: string;
  keptValue: string;
}

/** The note line that shows a conflicting brat line; export recognises it by the id at its end. */
function conflictNote(type: string, value: string, id: string): string {
  return `Also in brat: ${type} ${restoreControls(value)} (${id}).`;
}

function isConflictNote(line: string, ids: readonly string[]): boolean {
  const m = /^Also in brat: .* \((\S+)\)\.$/.exec(line);
  return m !== null && ids.includes(m[1]);
}

export interface BratExportOptions {
  mapping?: Partial<BratMapping>;
}

export interface BratExportResult {
  ann: string;
  warnings: ExportWarning[];
}

interface Emitted {
  id: string;
  type: string;
  /** UTF-16 fragments in the text. */
  fragments: [number, number][];
  anchor: Anchor;
  owner: Actor | Claim;
}

/** A text-bound line as kept in `extra.brat.lines`: "T8 Claim 383 397;416 458". */
interface SpanRecord {
  id: string;
  type: string;
  fragments: Fragment[];
  /** The covering span, where the anchor was made. */
  at: Fragment;
}

/**
 * Where each anchor's brat fragments are now, in UTF-16 offsets: several for a discontinuous
 * mention whose text is unchanged, else the anchor's own span. W3C export uses it too, so
 * both formats agree on what a mention covers.
 */
export function bratFragments(annotations: Annotations, text: string, mapping: Partial<BratMapping> = {}): Map<Anchor, [number, number][]> {
  const space = offsetSpace(text, countingOf(annotations));
  const matched = matchRecords(annotations, space, { ...DEFAULT_BRAT_MAPPING, ...mapping });
  const result = new Map<Anchor, [number, number][]>();
  for (const anchor of [...annotations.actors.flatMap((a) => a.mentions), ...annotations.claims.map((c) => c.anchor)]) {
    const record = matched.get(anchor);
    result.set(anchor, (record && placeFragments(anchor, record, text, space)) ?? [[anchor.start, anchor.end]]);
  }
  return result;
}

/** Exports annotations as a brat .ann for the article text. */
export function exportBrat(annotations: Annotations, text: string, options: BratExportOptions = {}): BratExportResult {
  const mapping = { ...DEFAULT_BRAT_MAPPING, ...options.mapping };
  const warnings: ExportWarning[] = [];
  const root = (annotations.extra?.brat ?? {}) as { lines?: unknown; lineBreak?: unknown };
  const kept = Array.isArray(root.lines) ? root.lines.filter((l): l is string => typeof l === 'string') : [];
  const keptLines = parseAnn(kept.filter((l) => l.includes('\t')).join('\n')).lines;
  const keptById = new Map(keptLines.filter((l) => l.id !== '*').map((l) => [l.id, l]));
  const keptByRaw = new Map(keptLines.map((l) => [l.raw, l]));
  const space = offsetSpace(text, countingOf(annotations));

  // Ids in use anywhere, so that new lines never reuse an id a kept line still refers to.
  const highest = new Map<string, number>();
  for (const line of kept) {
    const m = /^([A-Za-z]+|#[A-Za-z]*)([0-9]+)/.exec(line);
    if (m) {
      highest.set(m[1], Math.max(highest.get(m[1]) ?? 0, Number(m[2])));
    }
  }
  const newId = (prefix: string) => {
    const n = (highest.get(prefix) ?? 0) + 1;
    highest.set(prefix, n);
    return `${prefix}${n}`;
  };

  // Text-bound lines: one per mention and claim that still has a place in the text.
  const matched = matchRecords(annotations, space, mapping);
  const emitted = new Map<string, Emitted>();
  const fresh: Emitted[] = [];
  const emit = (owner: Actor | Claim, anchor: Anchor, type: string, label: string) => {
    if (anchor.orphaned) {
      warnings.push({ code: 'orphaned', message: `${label} "${shorten(anchor.quote)}" is orphaned (its text was not found again), so it is left out.` });
      return;
    }
    const record = matched.get(anchor);
    let fragments = record && placeFragments(anchor, record, text, space);
    if (record && !fragments && record.fragments.length > 1) {
      warnings.push({ code: 'fragments-lost', message: `${label} "${shorten(anchor.quote)}" was edited inside, so its brat fragments are exported as one span.` });
    }
    fragments = splitAtLineBreaks(fragments ?? [[anchor.start, anchor.end]], text);
    if (!fragments.length) {
      warnings.push({ code: 'empty', message: `${label} covers only line breaks, which brat cannot annotate; it is left out.` });
      return;
    }
    const entry: Emitted = { id: record?.id ?? '', type, fragments, anchor, owner };
    if (record) {
      emitted.set(record.id, entry);
    } else {
      fresh.push(entry);
    }
  };
  for (const actor of annotations.actors) {
    const fallback = bratTypeFor(actor, matched, mapping);
    for (const mention of [...actor.mentions].sort((a, b) => a.start - b.start)) {
      // The type as brat wrote it, unless the fact-checker has since given the actor another type.
      const record = matched.get(mention);
      emit(actor, mention, record && actorTypeOf(record.type, mapping) === actor.type ? record.type : fallback, `A mention of ${shorten(actor.name)}`);
    }
  }
  for (const claim of annotations.claims) {
    emit(claim, claim.anchor, matched.get(claim.anchor)?.type ?? mapping.claimTypes[0] ?? 'Claim', `Claim ${claim.id}`);
  }
  fresh.sort((x, y) => x.fragments[0][0] - y.fragments[0][0]);
  for (const entry of fresh) {
    entry.id = newId('T');
    emitted.set(entry.id, entry);
  }
  const ownerOfT = new Map<string, Actor | Claim>();
  const firstT = new Map<Actor | Claim, string>();
  for (const [id, entry] of [...emitted].sort((x, y) => x[1].fragments[0][0] - y[1].fragments[0][0])) {
    ownerOfT.set(id, entry.owner);
    if (!firstT.has(entry.owner)) {
      firstT.set(entry.owner, id);
    }
  }
  const tLine = (e: Emitted) => {
    const offsets = e.fragments.map(([s, en]) => `${space.fromUtf16(s)} ${space.fromUtf16(en)}`).join(';');
    return `${e.id}\t${e.type} ${offsets}\t${e.fragments.map(([s, en]) => text.slice(s, en)).join(' ')}`;
  };

  // A value goes after a space on a line of its own: a line break or tab in it would end or split that line.
  const onOneLine = (value: string, what: string) => {
    const line = showControls(value.replace(LINE_BREAK, ' ').replace(/\t/g, ' '));
    if (restoreControls(line) !== value) {
      warnings.push({ code: 'value-on-one-line', message: `${what} holds a line break or tab, which brat would read as the end of the line; it is written with spaces instead.` });
    }
    return line;
  };

  // Lines that became Newsmark fields: kept while the field is unchanged, rewritten once it changed.
  const replaced = new Map<string, string | null>();
  const added: string[] = [];
  const owned = (owner: Actor | Claim, key: string): BratLine[] => {
    const value = bratOf(owner)?.[key];
    const ids = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return ids.map((id) => keptById.get(String(id))).filter((l): l is BratLine => l !== undefined);
  };
  const setLines = (old: BratLine[], wanted: string[], build: (id: string, content: string) => string, prefix: string) => {
    old.forEach((l, i) => replaced.set(l.id, i < wanted.length ? build(l.id, wanted[i]) : null));
    for (let i = old.length; i < wanted.length; i++) {
      added.push(build(newId(prefix), wanted[i]));
    }
  };

  for (const actor of annotations.actors) {
    const target = firstT.get(actor);
    const nLines = owned(actor, 'wikidata') as Extract<BratLine, { kind: 'N' }>[];
    const unchanged = actor.wikidata === nLines[0]?.ref && (nLines.length > 0 || !actor.wikidata);
    if (!unchanged) {
      // A changed id is rewritten on the mentions that carried the old one; a new id goes on the first mention.
      const onMentions = actor.wikidata ? nLines.filter((l) => ownerOfT.get(l.target) === actor) : [];
      nLines.filter((l) => !onMentions.includes(l)).forEach((l) => replaced.set(l.id, null));
      const type = nLines[0]?.type ?? 'Reference';
      const db = nLines[0]?.db ?? mapping.wikidataDatabase;
      const wanted = !actor.wikidata || !target ? [] : onMentions.length ? onMentions.map((l) => l.target) : [target];
      const name = wanted.length ? onOneLine(actor.name, `The name of ${actor.id}`) : '';
      setLines(onMentions, wanted, (id, on) => `${id}\t${type} ${on} ${db}:${actor.wikidata}\t${name}`, 'N');
    }
    exportNotes(actor, target, owned(actor, 'notes') as Extract<BratLine, { kind: '#' }>[], setLines);
  }
  for (const claim of annotations.claims) {
    const target = firstT.get(claim);
    exportNotes(claim, target, owned(claim, 'notes') as Extract<BratLine, { kind: '#' }>[], setLines);
    const attribute = (key: 'verdict' | 'status', type: string, value: string | undefined) => {
      const [line] = owned(claim, key) as Extract<BratLine, { kind: 'A' }>[];
      if ((line?.value === undefined ? undefined : restoreControls(line.value)) === value) {
        return;
      }
      const wanted = value !== undefined && target ? [onOneLine(value, `The ${key} of ${claim.id}`)] : [];
      setLines(line ? [line] : [], wanted, (id, v) => `${id}\t${line?.type ?? type} ${target} ${v}`, 'A');
    };
    attribute('verdict', mapping.verdictAttribute, claim.verdict);
    const [statusLine] = owned(claim, 'status') as Extract<BratLine, { kind: 'A' }>[];
    const implied: ClaimStatus = claim.verdict !== undefined ? 'checked' : 'unchecked';
    attribute('status', mapping.statusAttribute, statusLine?.value === claim.status || claim.status !== implied ? claim.status : undefined);

    const [relation] = owned(claim, 'claimant') as Extract<BratLine, { kind: 'R' }>[];
    const claimant = annotations.actors.find((a) => a.id === claim.claimant);
    const current = relation?.args.map((a) => ownerOfT.get(a[1]));
    if (relation && claimant && current?.includes(claim) && current.includes(claimant)) {
      continue;
    }
    const actorT = claimant ? firstT.get(claimant) : undefined;
    if (claimant && !actorT) {
      warnings.push({ code: 'claimant-without-mention', message: `The claimant of ${claim.id}, ${shorten(claimant.name)}, has no mention in the text, so brat cannot relate them.` });
    }
    setLines(relation ? [relation] : [], claimant && actorT && target ? [actorT] : [], (id, a) => `${id}\t${relation?.type ?? mapping.claimantRelation} Arg1:${target} Arg2:${a}`, 'R');
  }

  // The file in its original order: text-bound lines where they were, new ones after the
  // last of them, other lines as kept or rewritten, and new lines at the end.
  const sequence: (Emitted | BratLine)[] = [];
  let afterLastT = 0;
  for (const raw of kept) {
    if (!raw.includes('\t')) {
      const e = emitted.get(raw.split(' ')[0]);
      if (e) {
        sequence.push(e);
        afterLastT = sequence.length;
      }
      continue;
    }
    const l = keptByRaw.get(raw);
    const replacement = l ? replaced.get(l.id) : null;
    if (!l) {
      warnings.push({ code: 'unreadable', message: `A kept brat line could not be read and is left out: "${shorten(raw)}".` });
    } else if (replacement !== null) {
      sequence.push(replacement === undefined ? l : parseAnn(replacement).lines[0]);
    }
  }
  const keptTs = new Set(kept.filter((l) => !l.includes('\t')).map((l) => l.split(' ')[0]));
  const newTs = [...emitted.values()].filter((e) => !keptTs.has(e.id)).sort((x, y) => x.fragments[0][0] - y.fragments[0][0]);
  sequence.splice(afterLastT, 0, ...newTs);
  sequence.push(...added.map((line) => parseAnn(line).lines[0]));

  // A line is written only if everything it refers to is written; references may chain (E → E).
  const isT = (x: Emitted | BratLine): x is Emitted => 'owner' in x;
  const others = sequence.filter((x): x is BratLine => !isT(x));
  const live = new Set(emitted.keys());
  for (let grew = true; grew; ) {
    grew = false;
    for (const l of others) {
      if (l.id !== '*' && !live.has(l.id) && referencesOf(l).every((r) => live.has(r))) {
        live.add(l.id);
        grew = true;
      }
    }
  }
  const out: string[] = [];
  for (const x of sequence) {
    if (isT(x)) {
      out.push(tLine(x));
      continue;
    }
    const missing = referencesOf(x).filter((r) => !live.has(r));
    if (missing.length) {
      warnings.push({
        code: 'dangling',
        message: `${x.id === '*' ? 'An equivalence' : x.id} is left out: it refers to ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} no longer annotated.`,
      });
    } else {
      out.push(x.raw);
    }
  }
  const lineBreak = root.lineBreak === 'crlf' ? '\r\n' : '\n';
  return { ann: out.length ? out.join(lineBreak) + lineBreak : '', warnings };
}

function exportNotes(
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

function referencesOf(l: BratLine): string[] {
  switch (l.kind) {
    case 'T':
      return [];
    case 'N':
    case '#':
    case 'A':
      return [l.target];
    case 'R':
      return l.args.map((a) => a[1]);
    case 'E':
      return [l.trigger, ...l.args.map((a) => a[1])];
    case '*':
      return l.members;
  }
}

function bratOf(owner: { extra?: Record<string, unknown> }): Record<string, unknown> | undefined {
  const brat = owner.extra?.brat;
  return brat && typeof brat === 'object' && !Array.isArray(brat) ? (brat as Record<string, unknown>) : undefined;
}

function countingOf(annotations: Annotations): OffsetCounting {
  const brat = (annotations.extra?.brat ?? {}) as { offsets?: unknown };
  return brat.offsets === 'crlf-as-one' ? 'crlf-as-one' : 'code-points';
}

/** The text-bound records kept in the sidecar, by id. */
function readRecords(annotations: Annotations): Map<string, SpanRecord> {
  const lines = (annotations.extra?.brat as { lines?: unknown } | undefined)?.lines;
  const records = new Map<string, SpanRecord>();
  for (const line of Array.isArray(lines) ? lines : []) {
    const m = typeof line === 'string' ? /^(\S+) (\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(line) : null;
    if (m) {
      const fragments = m[3].split(';').map((f) => f.split(' ').map(Number) as Fragment);
      records.set(m[1], { id: m[1], type: m[2], fragments, at: cover(fragments) });
    }
  }
  return records;
}

/**
 * Pairs the kept text-bound records with today's anchors. A claim names its record. A mention
 * still where the .ann put it keeps its record, whichever actor holds it now (actors may have
 * been merged or split since). After edits elsewhere, records pair in reading order with
 * mentions of the same length and a matching type (an edit before a mention moves it but keeps
 * its length); then with mentions edited inside, when exactly as many of each are left.
 * Anchors left over are new and get new ids.
 */
function matchRecords(annotations: Annotations, space: OffsetSpace, mapping: BratMapping): Map<Anchor, SpanRecord> {
  const records = readRecords(annotations);
  const result = new Map<Anchor, SpanRecord>();
  for (const claim of annotations.claims) {
    const record = records.get(String(bratOf(claim)?.span));
    if (record && !claim.anchor.orphaned) {
      result.set(claim.anchor, record);
      records.delete(record.id);
    }
  }
  const mentions = annotations.actors
    .flatMap((actor) => actor.mentions.filter((m) => !m.orphaned).map((m) => ({ m, actor, at: [space.fromUtf16(m.start), space.fromUtf16(m.end)] as const })))
    .sort((x, y) => x.m.start - y.m.start);
  const byPlace = new Map<string, typeof mentions>();
  for (const x of mentions) {
    const key = x.at.join(' ');
    byPlace.set(key, [...(byPlace.get(key) ?? []), x]);
  }
  const left: SpanRecord[] = [];
  const fits = (record: SpanRecord, x: (typeof mentions)[number]) => !result.has(x.m) && actorTypeOf(record.type, mapping) === x.actor.type;
  for (const record of [...records.values()].sort((x, y) => x.at[0] - y.at[0])) {
    // Two annotations on one span (a trigger both Catalysis and Ubiquitination) each keep their own type.
    const here = byPlace.get(record.at.join(' ')) ?? [];
    const [x] = here.splice(Math.max(0, here.findIndex((m) => fits(record, m))), 1);
    if (x) {
      result.set(x.m, record);
    } else {
      left.push(record);
    }
  }
  let from = 0;
  const unpaired: SpanRecord[] = [];
  for (const record of left) {
    const k = mentions.findIndex((x, j) => j >= from && fits(record, x) && x.at[1]! - x.at[0]! === record.at[1] - record.at[0]);
    if (k >= 0) {
      result.set(mentions[k].m, record);
      // Mentions that start at the same place may pair in either order.
      from = mentions.findIndex((x) => x.m.start === mentions[k].m.start);
    } else {
      unpaired.push(record);
    }
  }
  const rest = mentions.filter((x) => !result.has(x.m));
  if (unpaired.length === rest.length && unpaired.every((r, j) => fits(r, rest[j]))) {
    rest.forEach((x, j) => result.set(x.m, unpaired[j]));
  }
  return result;
}

/** The Newsmark actor type a brat type becomes. */
function actorTypeOf(bratType: string, mapping: BratMapping): string {
  return mapping.actorTypes[bratType] ?? typeId(bratType);
}

/** The brat type for an actor's new mentions: the type its other mentions had, else the mapping's. */
function bratTypeFor(actor: Actor, matched: Map<Anchor, SpanRecord>, mapping: BratMapping): string {
  for (const m of actor.mentions) {
    const type = matched.get(m)?.type;
    if (type !== undefined && actorTypeOf(type, mapping) === actor.type) {
      return type;
    }
  }
  return Object.entries(mapping.actorTypes).find(([, v]) => v === actor.type)?.[0] ?? bratTypeName(actor.type);
}

/**
 * The record's fragments moved to where the anchor is now, in UTF-16 offsets; undefined when
 * the text inside the anchor changed (the fragments no longer fit).
 */
function placeFragments(anchor: Anchor, record: SpanRecord, text: string, space: OffsetSpace): [number, number][] | undefined {
  if (anchor.orphaned || text.slice(anchor.start, anchor.end) !== anchor.quote) {
    return undefined;
  }
  const [start, end] = record.at;
  const at = space.fromUtf16(anchor.start);
  const until = space.fromUtf16(anchor.end);
  if (at === undefined || until === undefined || until - at !== end - start) {
    return undefined;
  }
  const placed: [number, number][] = [];
  for (const [s, e] of record.fragments) {
    const x = space.toUtf16(s - start + at);
    const y = space.toUtf16(e - start + at);
    if (x === undefined || y === undefined) {
      return undefined;
    }
    placed.push([x, y]);
  }
  return placed;
}

function cover(fragments: readonly Fragment[]): Fragment {
  return [Math.min(...fragments.map((f) => f[0])), Math.max(...fragments.map((f) => f[1]))];
}

/** brat lines hold one line of text, so a span across a line break becomes fragments around it. */
function splitAtLineBreaks(fragments: [number, number][], text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of fragments) {
    let from = start;
    const re = /[\r\n\u0085\u2028\u2029]+/g;
    re.lastIndex = start;
    for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
      if (m.index > from) {
        out.push([from, m.index]);
      }
      from = Math.min(end, m.index + m[0].length);
    }
    if (end > from || (start === end && out.length === 0)) {
      out.push([from, end]);
    }
  }
  return out;
}

function formatFragments(fragments: readonly Fragment[]): string {
  return fragments.map(([s, e]) => `${s} ${e}`).join(';');
}

/** A brat type as a Newsmark actor type id: "Organization" → "organization", "GPE_Loc" → "gpe-loc". */
function typeId(type: string): string {
  const id = type
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(id) ? id : `type-${id || 'other'}`;
}

/** A Newsmark actor type id as a brat type (brat types hold no spaces): "person" → "Person". */
function bratTypeName(type: string): string {
  const name = showControls(type.replace(/\s+/g, '_'));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Text quoted in a message: on one line, tabs and line breaks shown, bidirectional controls shown. */
function shorten(text: string, max = 60): string {
  const oneLine = showControls(text.replace(LINE_BREAK, '⏎').replace(/\t/g, '⇥'));
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}
