// Merge conflicts as the editor shows them: where each sits in the article, its hover with Keep mine and Take theirs, and a verdict conflict's two sides with their evidence.

import { type ConflictLabels, type ConflictSide, conflictKey, conflictMessage, conflictSubject, describeSide, fieldWords } from './conflicts';
import { escapeMarkdown, safeLink } from './describe';
import { snippet } from './text';
import type { Annotations, Claim, ConflictEvidence, MergeConflict, Source } from './model';

/** Where a conflict shows in the article: its claim, its actor's first mention found; undefined for the article's own fields. */
export function conflictSpan(annotations: Annotations, c: MergeConflict): { start: number; end: number } | undefined {
  if (c.kind === 'claim') {
    const anchor = annotations.claims.find((claim) => claim.id === c.id)?.anchor;
    return anchor && !anchor.orphaned ? { start: anchor.start, end: anchor.end } : undefined;
  }
  if (c.kind === 'actor') {
    const mention = annotations.actors.find((a) => a.id === c.id)?.mentions.find((m) => !m.orphaned);
    return mention && { start: mention.start, end: mention.end };
  }
  return undefined;
}

/** The conflicts on the annotations that span `offset`. */
export function conflictsAt(annotations: Annotations, offset: number): MergeConflict[] {
  return (annotations.conflicts ?? []).filter((c) => {
    const span = conflictSpan(annotations, c);
    if (!span) {
      return false;
    }
    if (c.kind === 'actor') {
      const mentions = annotations.actors.find((a) => a.id === c.id)?.mentions ?? [];
      return mentions.some((m) => !m.orphaned && m.start <= offset && offset <= m.end);
    }
    return span.start <= offset && offset <= span.end;
  });
}

/** What the two buttons say: "Keep mine — verdict “Mostly false”", "Take theirs — claim c2 removed". */
export function resolutionTitle(c: MergeConflict, side: ConflictSide, labels: ConflictLabels, annotations?: Annotations): string {
  const verb = side === 'ours' ? 'Keep mine' : 'Take theirs';
  const value = side === 'ours' ? c.ours : c.theirs;
  if (c.field === 'deleted') {
    return `${verb} — ${conflictSubject(c, annotations)} ${value === 'deleted' ? 'removed' : 'kept'}`;
  }
  return `${verb} — ${fieldWords(c.field).toLowerCase()} ${describeSide(c, value, labels, annotations)}`;
}

/** The arguments a Keep mine or Take theirs button passes to the resolve command. */
export interface ResolveArgs {
  uri: string;
  conflict: string;
  side: ConflictSide;
}

/** A command link's target; parentheses are encoded too, or an article named "a (1).txt" would end the link early. */
export function commandTarget(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args])).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export interface ConflictCommands {
  /** Takes ResolveArgs. */
  resolve: string;
  /** Takes { uri, conflict }. */
  compare: string;
}

/**
 * One conflict's hover, in Markdown with everything from the sidecar escaped: what the two
 * sides say, a verdict's two sides in a table with their sources and notes, and the buttons.
 */
export function conflictMarkdown(annotations: Annotations, c: MergeConflict, labels: ConflictLabels, uri: string, commands: ConflictCommands): string {
  const key = conflictKey(c);
  const lines = [`**Merge conflict.** ${escapeMarkdown(conflictMessage(c, labels, annotations))}.`];
  const claim = c.kind === 'claim' && c.field === 'verdict' ? annotations.claims.find((x) => x.id === c.id) : undefined;
  if (claim) {
    lines.push('', ...verdictTable(c, claim, labels));
  }
  const button = (side: ConflictSide) => `[${side === 'ours' ? 'Keep mine' : 'Take theirs'}](${commandTarget(commands.resolve, { uri, conflict: key, side } satisfies ResolveArgs)})`;
  lines.push('', `${button('ours')} · ${button('theirs')}`);
  return lines.join('\n');
}

/** One side's sources and notes: as recorded with the conflict, else the claim's own (then both sides' together). */
export function sideEvidence(c: MergeConflict, side: ConflictSide, claim: Claim | undefined): { evidence: ConflictEvidence; recorded: boolean } {
  if (c.evidence) {
    return { evidence: c.evidence[side] ?? {}, recorded: true };
  }
  return { evidence: { sources: claim?.sources ?? [], ...(claim?.notes ? { notes: claim.notes } : {}) }, recorded: false };
}

/** A source in words: its title (or address) linked, the archived copy linked, and the date it was read. */
export function describeSource(source: Source): string {
  const host = hostOf(source.url);
  const parts = [safeLink(source.title ? snippet(source.title, 80) : source.url, source.url)];
  if (source.title && host) {
    parts[0] += ` (${escapeMarkdown(host)})`;
  }
  if (source.archived) {
    parts.push(safeLink('archived copy', source.archived));
  }
  if (source.accessed) {
    parts.push(`accessed ${escapeMarkdown(source.accessed)}`);
  }
  return parts.join(', ');
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

function verdictTable(c: MergeConflict, claim: Claim, labels: ConflictLabels): string[] {
  const ours = sideEvidence(c, 'ours', claim);
  const theirs = sideEvidence(c, 'theirs', claim);
  const cell = (text: string) => text || '—';
  const sources = (e: ConflictEvidence) => cell((e.sources ?? []).map(describeSource).join('; '));
  const notes = (e: ConflictEvidence) => cell(e.notes ? escapeMarkdown(snippet(e.notes, 240)) : '');
  const verdict = (value: unknown) => escapeMarkdown(describeSide(c, value, labels).replace(/^“(.*)”$/, '$1'));
  const rows = [
    '| | Yours | Theirs |',
    '|:--|:--|:--|',
    `| **Verdict** | ${verdict(c.ours)} | ${verdict(c.theirs)} |`,
    `| **Sources** | ${sources(ours.evidence)} | ${sources(theirs.evidence)} |`,
    `| **Notes** | ${notes(ours.evidence)} | ${notes(theirs.evidence)} |`,
  ];
  if (!ours.recorded) {
    rows.push('', '_The merge did not record which side’s sources are which: these are the claim’s sources now._');
  }
  return rows;
}
