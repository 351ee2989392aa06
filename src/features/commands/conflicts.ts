// Resolving the conflicts a git merge left in a sidecar: keep mine or take theirs, from a quick fix, a hover, or a picker that shows both sides.

import * as vscode from 'vscode';
import { type ConflictSide, conflictKey, conflictMessage, describeSide, findConflict, resolutionLabel, resolveConflictIn } from '../../core/conflicts';
import { type ResolveArgs, resolutionTitle, sideEvidence } from '../../core/conflictView';
import { snippet } from '../../core/text';
import type { Annotations, ConflictEvidence, MergeConflict } from '../../core/model';
import { conflictLabels } from '../conflicts';
import { SidecarBlockedError } from '../store';
import { Command, InternalCommand } from './ids';
import { type Article, type CommandContext, openTarget, reportBlocked } from './target';

/** Arguments arrive from hover links, which sidecar text could try to shape: each is checked. */
function readArgs(args: unknown): { uri?: string; conflict?: string; side?: ConflictSide } {
  const a = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
  return {
    uri: typeof a.uri === 'string' ? a.uri : undefined,
    conflict: typeof a.conflict === 'string' ? a.conflict : undefined,
    side: a.side === 'ours' || a.side === 'theirs' ? a.side : undefined,
  };
}

const GONE = 'That conflict is no longer in the sidecar (it was resolved already, or the sidecar changed); nothing was changed.';

/** Resolves one conflict through the store, so it is written, merged with the disk and undone like any change; returns what was done. */
async function resolve(ctx: CommandContext, article: Article, key: string, side: ConflictSide): Promise<string | undefined> {
  const conflict = findConflict(article.entry.annotations ?? article.annotations, key);
  if (!conflict) {
    ctx.feedback.info(GONE);
    return undefined;
  }
  const label = resolutionLabel(conflict, side, article.annotations);
  const stamp = side === 'theirs' ? await ctx.annotator.stamp(article.doc.uri) : undefined;
  let result: { label: string } | { problem: string };
  try {
    result = ctx.store.update(article.doc, (annotations, text) => resolveConflictIn(annotations, key, side, text, stamp), label);
  } catch (err) {
    if (err instanceof SidecarBlockedError) {
      reportBlocked(ctx, err.entry);
      return undefined;
    }
    throw err;
  }
  if ('problem' in result) {
    ctx.feedback.error(result.problem);
    return undefined;
  }
  await ctx.store.flush();
  ctx.feedback.done(result.label);
  return result.label;
}

interface SideItem extends vscode.QuickPickItem {
  side: ConflictSide;
}

function evidenceWords(evidence: ConflictEvidence): string {
  const sources = (evidence.sources ?? []).map((s) => [s.title ?? s.url, s.archived && 'archived copy', s.accessed && `accessed ${s.accessed}`].filter(Boolean).join(', '));
  const parts = [sources.length ? `Sources: ${sources.join('; ')}` : 'No sources'];
  if (evidence.notes) {
    parts.push(`Notes: ${evidence.notes}`);
  }
  return snippet(parts.join(' · '), 400);
}

/** The two sides as a choice; a verdict's with the sources and notes each side gave it. */
function sideItems(c: MergeConflict, annotations: Annotations): SideItem[] {
  const labels = conflictLabels();
  const claim = c.kind === 'claim' && c.field === 'verdict' ? annotations.claims.find((x) => x.id === c.id) : undefined;
  return (['ours', 'theirs'] as const).map((side) => {
    const value = side === 'ours' ? c.ours : c.theirs;
    const item: SideItem = { side, label: resolutionTitle(c, side, labels, annotations) };
    if (claim) {
      const { evidence, recorded } = sideEvidence(c, side, claim);
      item.label = `${side === 'ours' ? '$(account) Yours' : '$(git-merge) Theirs'}: ${describeSide(c, value, labels, annotations)}`;
      item.detail = evidenceWords(evidence);
      item.description = recorded ? undefined : 'the claim’s sources now, both sides’';
    }
    return item;
  });
}

async function pickSide(ctx: CommandContext, article: Article, c: MergeConflict): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(sideItems(c, article.annotations), {
    title: conflictMessage(c, conflictLabels(), article.annotations),
    placeHolder: 'Keep which side?',
    matchOnDetail: true,
  });
  // The annotations may have changed while the picker was open: the conflict is looked up again by its name.
  return picked ? resolve(ctx, article, conflictKey(c), picked.side) : undefined;
}

export function conflictCommands(ctx: CommandContext) {
  return {
    [InternalCommand.ResolveConflict]: async (raw?: ResolveArgs): Promise<string | undefined> => {
      const args = readArgs(raw);
      if (!args.conflict || !args.side) {
        ctx.feedback.error('Keep mine and Take theirs need a conflict and a side; use them from the Problems panel or the hover.');
        return undefined;
      }
      const article = await openTarget(ctx, { uri: args.uri });
      return article && resolve(ctx, article, args.conflict, args.side);
    },
    [InternalCommand.CompareVerdicts]: async (raw?: { uri?: string; conflict?: string }): Promise<string | undefined> => {
      const args = readArgs(raw);
      const article = await openTarget(ctx, { uri: args.uri });
      const c = article && args.conflict ? findConflict(article.annotations, args.conflict) : undefined;
      if (!article) {
        return undefined;
      }
      if (!c) {
        ctx.feedback.info(GONE);
        return undefined;
      }
      return pickSide(ctx, article, c);
    },
    [Command.ResolveConflicts]: async (raw?: { uri?: string }): Promise<string | undefined> => {
      const article = await openTarget(ctx, { uri: readArgs(raw).uri });
      if (!article) {
        return undefined;
      }
      const conflicts = article.annotations.conflicts ?? [];
      if (!conflicts.length) {
        ctx.feedback.info('This article’s sidecar has no merge conflicts to resolve.');
        return undefined;
      }
      const labels = conflictLabels();
      const items = conflicts.map((c) => ({ label: conflictMessage(c, labels, article.annotations), conflict: c }));
      const picked = conflicts.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { placeHolder: 'Resolve which conflict?' });
      return picked ? pickSide(ctx, article, picked.conflict) : undefined;
    },
  };
}
