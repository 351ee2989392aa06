// Exports annotations as a brat .ann: kept lines re-emitted while their field is unchanged, rewritten once it changed, new lines added.

import type { Actor, Anchor, Annotations, Claim, ClaimStatus } from '../model';
import { type OffsetSpace, offsetSpace } from '../offsets';
import { LINE_BREAK, restoreControls, showControls } from '../text';
import { actorTypeOf, shortened } from './names';
import { exportNotes } from './notes';
import { parseAnn } from './parse';
import { bratOf, bratTypeFor, countingOf, matchRecords, placeFragments } from './records';
import { type BratLine, type BratMapping, DEFAULT_BRAT_MAPPING, type ExportWarning } from './types';

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

/** Exports annotations as a brat .ann for the article text. */
export function exportBrat(annotations: Annotations, text: string, options: BratExportOptions = {}): BratExportResult {
  const root = (annotations.extra?.brat ?? {}) as { lines?: unknown; lineBreak?: unknown };
  const kept = Array.isArray(root.lines) ? root.lines.filter((l): l is string => typeof l === 'string') : [];
  const keptLines = parseAnn(kept.filter((l) => l.includes('\t')).join('\n')).lines;
  const context: ExportContext = {
    annotations,
    text,
    mapping: { ...DEFAULT_BRAT_MAPPING, ...options.mapping },
    space: offsetSpace(text, countingOf(annotations)),
    warnings: [],
    newId: idAllocator(kept),
  };
  const placed = emitTextBound(context);
  const fields = fieldLines(context, new Map(keptLines.filter((l) => l.id !== '*').map((l) => [l.id, l])), placed);
  const sequence = orderLines(kept, new Map(keptLines.map((l) => [l.raw, l])), placed.emitted, fields, context.warnings);
  const out = writeLines(sequence, placed.emitted, context);
  const lineBreak = root.lineBreak === 'crlf' ? '\r\n' : '\n';
  return { ann: out.length ? out.join(lineBreak) + lineBreak : '', warnings: context.warnings };
}

/** What the steps of an export share; `warnings` collects in the order the steps meet them. */
interface ExportContext {
  annotations: Annotations;
  text: string;
  mapping: BratMapping;
  space: OffsetSpace;
  warnings: ExportWarning[];
  /** A new id with this prefix, above every id in use. */
  newId(prefix: string): string;
}

/** Ids in use anywhere, so that new lines never reuse an id a kept line still refers to. */
function idAllocator(kept: readonly string[]): (prefix: string) => string {
  const highest = new Map<string, number>();
  for (const line of kept) {
    const m = /^([A-Za-z]+|#[A-Za-z]*)([0-9]+)/.exec(line);
    if (m) {
      highest.set(m[1], Math.max(highest.get(m[1]) ?? 0, Number(m[2])));
    }
  }
  return (prefix) => {
    const n = (highest.get(prefix) ?? 0) + 1;
    highest.set(prefix, n);
    return `${prefix}${n}`;
  };
}

/** The text-bound lines by id, and for each actor and claim its first one (what other lines point at). */
interface Placed {
  emitted: Map<string, Emitted>;
  ownerOfT: Map<string, Actor | Claim>;
  firstT: Map<Actor | Claim, string>;
}

/** Text-bound lines: one per mention and claim that still has a place in the text. */
function emitTextBound(context: ExportContext): Placed {
  const { annotations, text, space, mapping, warnings } = context;
  const matched = matchRecords(annotations, space, mapping);
  const emitted = new Map<string, Emitted>();
  const fresh: Emitted[] = [];
  const emit = (owner: Actor | Claim, anchor: Anchor, type: string, label: string) => {
    if (anchor.orphaned) {
      warnings.push({ code: 'orphaned', message: `${label} "${shortened(anchor.quote)}" is orphaned (its text was not found again), so it is left out.` });
      return;
    }
    const record = matched.get(anchor);
    let fragments = record && placeFragments(anchor, record, text, space);
    if (record && !fragments && record.fragments.length > 1) {
      warnings.push({ code: 'fragments-lost', message: `${label} "${shortened(anchor.quote)}" was edited inside, so its brat fragments are exported as one span.` });
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
      emit(actor, mention, record && actorTypeOf(record.type, mapping) === actor.type ? record.type : fallback, `A mention of ${shortened(actor.name)}`);
    }
  }
  for (const claim of annotations.claims) {
    emit(claim, claim.anchor, matched.get(claim.anchor)?.type ?? mapping.claimTypes[0] ?? 'Claim', `Claim ${claim.id}`);
  }
  fresh.sort((x, y) => x.fragments[0][0] - y.fragments[0][0]);
  for (const entry of fresh) {
    entry.id = context.newId('T');
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
  return { emitted, ownerOfT, firstT };
}

/** Kept lines rewritten (by id; null when left out) and new lines, for the fields the fact-checker changed. */
interface FieldLines {
  replaced: Map<string, string | null>;
  added: string[];
}

type SetLines = (old: BratLine[], wanted: string[], build: (id: string, content: string) => string, prefix: string) => void;

/** Lines that became Newsmark fields: kept while the field is unchanged, rewritten once it changed. */
function fieldLines(context: ExportContext, keptById: Map<string, BratLine>, placed: Placed): FieldLines {
  const { annotations, warnings } = context;
  const { firstT } = placed;
  const fields: FieldLines = { replaced: new Map(), added: [] };
  const owned = (owner: Actor | Claim, key: string): BratLine[] => {
    const value = bratOf(owner)?.[key];
    const ids = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return ids.map((id) => keptById.get(String(id))).filter((l): l is BratLine => l !== undefined);
  };
  const setLines: SetLines = (old, wanted, build, prefix) => {
    old.forEach((l, i) => fields.replaced.set(l.id, i < wanted.length ? build(l.id, wanted[i]) : null));
    for (let i = old.length; i < wanted.length; i++) {
      fields.added.push(build(context.newId(prefix), wanted[i]));
    }
  };
  const onOneLine = (value: string, what: string) => valueOnOneLine(value, what, warnings);

  for (const actor of annotations.actors) {
    const target = firstT.get(actor);
    exportWikidata(actor, target, owned(actor, 'wikidata') as Extract<BratLine, { kind: 'N' }>[], placed, context, setLines);
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
    attribute('verdict', context.mapping.verdictAttribute, claim.verdict);
    const [statusLine] = owned(claim, 'status') as Extract<BratLine, { kind: 'A' }>[];
    const implied: ClaimStatus = claim.verdict !== undefined ? 'checked' : 'unchecked';
    attribute('status', context.mapping.statusAttribute, statusLine?.value === claim.status || claim.status !== implied ? claim.status : undefined);
    exportClaimant(claim, target, owned(claim, 'claimant') as Extract<BratLine, { kind: 'R' }>[], placed, context, setLines);
  }
  return fields;
}

/** A value goes after a space on a line of its own: a line break or tab in it would end or split that line. */
function valueOnOneLine(value: string, what: string, warnings: ExportWarning[]): string {
  const line = showControls(value.replace(LINE_BREAK, ' ').replace(/\t/g, ' '));
  if (restoreControls(line) !== value) {
    warnings.push({ code: 'value-on-one-line', message: `${what} holds a line break or tab, which brat would read as the end of the line; it is written with spaces instead.` });
  }
  return line;
}

/** The actor's Wikidata id as normalization (N) lines, rewritten once the id changed. */
function exportWikidata(actor: Actor, target: string | undefined, nLines: Extract<BratLine, { kind: 'N' }>[], placed: Placed, context: ExportContext, setLines: SetLines): void {
  const unchanged = actor.wikidata === nLines[0]?.ref && (nLines.length > 0 || !actor.wikidata);
  if (unchanged) {
    return;
  }
  // A changed id is rewritten on the mentions that carried the old one; a new id goes on the first mention.
  const onMentions = actor.wikidata ? nLines.filter((l) => placed.ownerOfT.get(l.target) === actor) : [];
  nLines.filter((l) => !onMentions.includes(l)).forEach((l) => setLines([l], [], () => '', 'N'));
  const type = nLines[0]?.type ?? 'Reference';
  const db = nLines[0]?.db ?? context.mapping.wikidataDatabase;
  const wanted = !actor.wikidata || !target ? [] : onMentions.length ? onMentions.map((l) => l.target) : [target];
  const name = wanted.length ? valueOnOneLine(actor.name, `The name of ${actor.id}`, context.warnings) : '';
  setLines(onMentions, wanted, (id, on) => `${id}\t${type} ${on} ${db}:${actor.wikidata}\t${name}`, 'N');
}

/** The claimant relation (R) between the claim and its claimant's first mention, rewritten once the claimant changed. */
function exportClaimant(claim: Claim, target: string | undefined, [relation]: Extract<BratLine, { kind: 'R' }>[], placed: Placed, context: ExportContext, setLines: SetLines): void {
  const claimant = context.annotations.actors.find((a) => a.id === claim.claimant);
  const current = relation?.args.map((a) => placed.ownerOfT.get(a[1]));
  if (relation && claimant && current?.includes(claim) && current.includes(claimant)) {
    return;
  }
  const actorT = claimant ? placed.firstT.get(claimant) : undefined;
  if (claimant && !actorT) {
    context.warnings.push({ code: 'claimant-without-mention', message: `The claimant of ${claim.id}, ${shortened(claimant.name)}, has no mention in the text, so brat cannot relate them.` });
  }
  setLines(relation ? [relation] : [], claimant && actorT && target ? [actorT] : [], (id, a) => `${id}\t${relation?.type ?? context.mapping.claimantRelation} Arg1:${target} Arg2:${a}`, 'R');
}

/**
 * The file in its original order: text-bound lines where they were, new ones after the
 * last of them, other lines as kept or rewritten, and new lines at the end.
 */
function orderLines(kept: readonly string[], keptByRaw: Map<string, BratLine>, emitted: Map<string, Emitted>, fields: FieldLines, warnings: ExportWarning[]): (Emitted | BratLine)[] {
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
    const replacement = l ? fields.replaced.get(l.id) : null;
    if (!l) {
      warnings.push({ code: 'unreadable', message: `A kept brat line could not be read and is left out: "${shortened(raw)}".` });
    } else if (replacement !== null) {
      sequence.push(replacement === undefined ? l : parseAnn(replacement).lines[0]);
    }
  }
  const keptTs = new Set(kept.filter((l) => !l.includes('\t')).map((l) => l.split(' ')[0]));
  const newTs = [...emitted.values()].filter((e) => !keptTs.has(e.id)).sort((x, y) => x.fragments[0][0] - y.fragments[0][0]);
  sequence.splice(afterLastT, 0, ...newTs);
  sequence.push(...fields.added.map((line) => parseAnn(line).lines[0]));
  return sequence;
}

/** The lines written: a line only if everything it refers to is written; references may chain (E → E). */
function writeLines(sequence: readonly (Emitted | BratLine)[], emitted: Map<string, Emitted>, context: ExportContext): string[] {
  const { text, space } = context;
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
  const tLine = (e: Emitted) => {
    const offsets = e.fragments.map(([s, en]) => `${space.fromUtf16(s)} ${space.fromUtf16(en)}`).join(';');
    return `${e.id}\t${e.type} ${offsets}\t${e.fragments.map(([s, en]) => text.slice(s, en)).join(' ')}`;
  };
  const out: string[] = [];
  for (const x of sequence) {
    if (isT(x)) {
      out.push(tLine(x));
      continue;
    }
    const missing = referencesOf(x).filter((r) => !live.has(r));
    if (missing.length) {
      context.warnings.push({
        code: 'dangling',
        message: `${x.id === '*' ? 'An equivalence' : x.id} is left out: it refers to ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} no longer annotated.`,
      });
    } else {
      out.push(x.raw);
    }
  }
  return out;
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
