// Imports a brat .txt/.ann pair as annotations: offsets checked against the text, actors grouped, claims with their verdict, status and claimant.

import { type Actor, type Anchor, type Annotations, type Claim, CLAIM_STATUSES, type ClaimStatus, anchorAt, nextClaimId, slugId } from '../model';
import { type OffsetCounting, type OffsetSpace, offsetSpace } from '../offsets';
import { restoreControls } from '../text';
import { formatFragments, shortened, typeId } from './names';
import { conflictNote } from './notes';
import { parseAnn } from './parse';
import { type BratLine, type BratMapping, type BratProblem, type BratWarning, DEFAULT_BRAT_MAPPING, type Fragment } from './types';

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
  const fit = fitOffsets(parsed.lines, text);
  if ('problems' in fit) {
    return { problems: fit.problems, warnings: [] };
  }
  const { counting, space } = fit;
  const context: ImportContext = {
    mapping,
    byId: new Map(parsed.lines.filter((l) => l.id !== '*').map((l) => [l.id, l])),
    attached: attachedLines(parsed.lines),
    anchorOf: (t) => {
      const start = Math.min(...t.fragments.map((f) => f[0]));
      const end = Math.max(...t.fragments.map((f) => f[1]));
      return anchorAt(text, space.toUtf16(start)!, space.toUtf16(end)!);
    },
  };
  const textBound = parsed.lines.filter((l): l is TextBound => l.kind === 'T');
  const isClaimType = (type: string) => mapping.claimTypes.includes(type);
  const { actors, actorOfT } = importActors(textBound.filter((t) => !isClaimType(t.type)), context);
  const { claims, warnings } = importClaims(
    textBound.filter((t) => isClaimType(t.type)),
    parsed.lines.filter((l): l is Extract<BratLine, { kind: 'R' }> => l.kind === 'R' && l.type === mapping.claimantRelation),
    actorOfT,
    context,
  );

  const spanRecord = (t: TextBound) => `${t.id} ${t.type} ${formatFragments(t.fragments)}`;
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

type TextBound = Extract<BratLine, { kind: 'T' }>;

/** What the steps of an import share: the mapping, the lines by id and by target, and where a T line is anchored. */
interface ImportContext {
  mapping: BratMapping;
  byId: Map<string, BratLine>;
  /** Lines pointing at a text-bound annotation, by target, in file order. */
  attached: Map<string, BratLine[]>;
  anchorOf(t: TextBound): Anchor;
}

/**
 * The counting the offsets fit the text in: code points, else (over CRLF text) CRLF counted as
 * one; the problems of the plain reading when neither fits.
 */
function fitOffsets(lines: readonly BratLine[], text: string): { counting: OffsetCounting; space: OffsetSpace } | { problems: BratProblem[] } {
  const space = offsetSpace(text, 'code-points');
  const problems = checkTextBound(lines, text, space);
  if (problems.length && text.includes('\r\n')) {
    const folded = offsetSpace(text, 'crlf-as-one');
    if (checkTextBound(lines, text, folded).length === 0) {
      return { counting: 'crlf-as-one', space: folded };
    }
  }
  return problems.length ? { problems } : { counting: 'code-points', space };
}

function attachedLines(lines: readonly BratLine[]): Map<string, BratLine[]> {
  const attached = new Map<string, BratLine[]>();
  for (const l of lines) {
    const target = l.kind === 'N' || l.kind === '#' || l.kind === 'A' ? l.target : undefined;
    if (target !== undefined) {
      attached.set(target, [...(attached.get(target) ?? []), l]);
    }
  }
  return attached;
}

/** The Wikidata normalization (N) on a text-bound line, if any. */
function wikidataOf(t: BratLine, context: ImportContext): Extract<BratLine, { kind: 'N' }> | undefined {
  return (context.attached.get(t.id) ?? []).find(
    (l): l is Extract<BratLine, { kind: 'N' }> => l.kind === 'N' && l.db.toLowerCase() === context.mapping.wikidataDatabase.toLowerCase() && /^Q[1-9][0-9]*$/.test(l.ref),
  );
}

/** The annotator notes (#) on a line, their text as it was before export showed its controls. */
function notesOf(t: BratLine, context: ImportContext): Extract<BratLine, { kind: '#' }>[] {
  return (context.attached.get(t.id) ?? [])
    .filter((l): l is Extract<BratLine, { kind: '#' }> => l.kind === '#' && l.type === 'AnnotatorNotes')
    .map((l) => ({ ...l, text: restoreControls(l.text) }));
}

/** An actor being gathered from its mentions' T lines. */
interface Group {
  actor: Actor;
  bratType: string;
  tIds: string[];
  wikidataLines: string[];
  noteLines: string[];
  notes: string[];
}

/**
 * Actors: one per brat type and Wikidata id, or per brat type and text where there is no id.
 * The id is the stronger evidence: "Pashinyan" and "Nikol Pashinyan" with one id are one actor,
 * "Paris" with two ids are two.
 */
function importActors(actorTs: readonly TextBound[], context: ImportContext): { actors: Actor[]; actorOfT: Map<string, Actor> } {
  const groupOfT = groupMentions(actorTs, context);
  const groups = [...new Set(groupOfT.values())];
  // Notes join in file order, whichever mention carries them.
  for (const t of actorTs) {
    const group = groupOfT.get(t.id)!;
    for (const note of notesOf(t, context)) {
      group.noteLines.push(note.id);
      group.notes.push(note.text);
    }
  }
  const firstLine = (g: Group) => Math.min(...g.tIds.map((id) => context.byId.get(id)!.line));
  groups.sort((a, b) => firstLine(a) - firstLine(b));
  const taken = new Set<string>();
  for (const g of groups) {
    g.actor.id = slugId(g.actor.name, taken);
    taken.add(g.actor.id);
  }
  const actorOfT = new Map([...groupOfT].map(([tid, g]) => [tid, g.actor]));
  return { actors: groups.map(finishActor), actorOfT };
}

/** The group of each actor T line, groups made in the order their first mention is placed. */
function groupMentions(actorTs: readonly TextBound[], context: ImportContext): Map<string, Group> {
  const groups: Group[] = [];
  const groupOf = new Map<string, Group>();
  const groupOfT = new Map<string, Group>();
  const keyOf = (t: TextBound, q: string | undefined) => (q ? `${t.type}\u0000id\u0000${q}` : `${t.type}\u0000text\u0000${t.text}`);
  // Normalized mentions first, so that an un-normalized "Paris" joins the one normalized "Paris" group.
  const ordered = [...actorTs.filter((t) => wikidataOf(t, context)), ...actorTs.filter((t) => !wikidataOf(t, context))];
  for (const t of ordered) {
    const n = wikidataOf(t, context);
    let group = groupOf.get(keyOf(t, n?.ref));
    if (!group && !n) {
      const candidates = groups.filter((g) => g.bratType === t.type && (g.actor.name === t.text || g.actor.aliases?.includes(t.text)));
      group = candidates.length === 1 ? candidates[0] : undefined;
    }
    if (!group) {
      group = {
        actor: { id: '', name: t.text, type: context.mapping.actorTypes[t.type] ?? typeId(t.type), mentions: [] },
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
    group.actor.mentions.push(context.anchorOf(t));
    group.tIds.push(t.id);
    groupOfT.set(t.id, group);
    if (n) {
      group.wikidataLines.push(n.id);
    }
  }
  return groupOfT;
}

/** The group's actor with its mentions in order, its notes, and the ids of the lines they came from. */
function finishActor(g: Group): Actor {
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
}

function importClaims(
  claimTs: readonly TextBound[],
  relations: readonly Extract<BratLine, { kind: 'R' }>[],
  actorOfT: Map<string, Actor>,
  context: ImportContext,
): { claims: Claim[]; warnings: BratWarning[] } {
  const claims: Claim[] = [];
  const warnings: BratWarning[] = [];
  for (const t of claimTs) {
    const brat: Record<string, unknown> = { span: t.id };
    const claim: Claim = { id: nextClaimId(claims), anchor: context.anchorOf(t), status: 'unchecked', sources: [] };
    const conflicts = readAttributes(t, claim, brat, context);
    const notes = notesOf(t, context);
    if (notes.length) {
      brat.notes = notes.map((n) => n.id);
    }
    conflicts.push(...readClaimant(t, claim, brat, relations, actorOfT));
    // A second verdict, status or claimant stays in the brat lines and shows in the notes, so the fact-checker sees it.
    conflicts.sort((x, y) => x.line.line - y.line.line);
    warnings.push(...conflicts.map((c) => conflictWarning(t, c)));
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
  return { claims, warnings };
}

/** Sets the claim's verdict and status from its attributes (A); the ones beside them are conflicts. */
function readAttributes(t: TextBound, claim: Claim, brat: Record<string, unknown>, context: ImportContext): Conflict[] {
  const { mapping } = context;
  const conflicts: Conflict[] = [];
  const attrs = (context.attached.get(t.id) ?? []).filter((l): l is Extract<BratLine, { kind: 'A' }> => l.kind === 'A');
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
  return conflicts;
}

/** Sets the claim's claimant from the first claimant relation (R) to an actor; another one naming someone else is a conflict. */
function readClaimant(
  t: TextBound,
  claim: Claim,
  brat: Record<string, unknown>,
  relations: readonly Extract<BratLine, { kind: 'R' }>[],
  actorOfT: Map<string, Actor>,
): Conflict[] {
  const claimantOf = (r: Extract<BratLine, { kind: 'R' }>) => actorOfT.get(r.args.map((a) => a[1]).find((id) => actorOfT.has(id))!)!;
  const [claimant, ...otherClaimants] = relations.filter((r) => {
    const ids = r.args.map((a) => a[1]);
    return ids.includes(t.id) && ids.some((id) => actorOfT.has(id));
  });
  if (!claimant) {
    return [];
  }
  claim.claimant = claimantOf(claimant).id;
  brat.claimant = claimant.id;
  return otherClaimants
    .filter((r) => claimantOf(r) !== claimantOf(claimant))
    .map((r) => ({ code: 'conflicting-claimant' as const, what: 'claimant', line: r, kept: claimant, value: shortened(claimantOf(r).name), keptValue: shortened(claimantOf(claimant).name) }));
}

function conflictWarning(t: TextBound, c: Conflict): BratWarning {
  const [value, keptValue] = c.code === 'conflicting-claimant' ? [c.value, c.keptValue] : [`"${c.value}"`, `"${c.keptValue}"`];
  return {
    code: c.code,
    message: `${t.id} has a second ${c.what}: ${value} on line ${c.line.line} (${c.line.id}), beside ${keptValue} on line ${c.kept.line} (${c.kept.id}). Newsmark keeps the one on line ${c.kept.line} and adds the other to the claim’s notes.`,
    line: c.line.line,
    column: 1,
  };
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
        message: `${l.id}: the line quotes "${shortened(l.text)}", but the text at ${formatFragments(l.fragments)} reads "${shortened(actual)}".`,
        line: l.line,
        column: l.raw.length - l.text.length + 1,
      });
    }
  }
  return problems;
}

interface Conflict {
  code: BratWarning['code'];
  what: string;
  line: BratLine;
  kept: BratLine;
  value: string;
  keptValue: string;
}
