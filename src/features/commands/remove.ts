// Remove Annotation at Cursor, and Remove on a row of the views: the one annotation (or source, or note) the user points at.

import { refChoices } from '../../core/choices';
import { snippet } from '../../core/text';
import * as ops from '../../core/operations';
import { type AnnotationKey, keyOf, resolveKey } from '../../core/refs';
import * as vscode from 'vscode';
import type { TreeNode } from '../tree';
import { Command } from './ids';
import { pick } from './pickers';
import { type Article, argsOf, change, type CommandContext, cursorRefs, type Given, isNode, nodeKey, openTarget } from './target';

function describe(ref: ops.AnnotationRef): string {
  return ref.kind === 'claim' ? `claim ${ref.claim.id}` : ref.kind === 'mention' ? `the mention “${snippet(ref.mention.quote, 40)}” of ${ref.actor.name}` : `the actor ${ref.actor.name}`;
}

/** Removing an actor takes its mentions and leaves its claims to the article: asked first, unless confirmed in the arguments. */
async function agreed(article: Article, ref: ops.AnnotationRef, confirmed: boolean): Promise<boolean> {
  if (ref.kind !== 'actor' || confirmed) {
    return true;
  }
  const mentions = ref.actor.mentions.length;
  const claims = ops.claimsBy(article.annotations, ref.actor.id).length;
  const ok = await vscode.window.showWarningMessage(
    `Remove the actor ${ref.actor.name} with its ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}?${claims ? ` Its ${claims} ${claims === 1 ? 'claim' : 'claims'} will be attributed to the article.` : ''}`,
    { modal: true },
    'Remove',
  );
  return ok === 'Remove';
}

async function removeKey(ctx: CommandContext, article: Article, key: AnnotationKey, confirmed: boolean): Promise<void> {
  const ref = resolveKey(article.annotations, key);
  if (!ref || !(await agreed(article, ref, confirmed))) {
    return;
  }
  const what = change(ctx, article, key, (current, annotations) => {
    ops.removeAnnotation(annotations, current);
    return describe(current);
  });
  if (what) {
    ctx.feedback.done(`Removed ${what}`);
  }
}

async function removeAtCursor(ctx: CommandContext, given?: Given): Promise<void> {
  if (isNode(given)) {
    return removeRow(ctx, given);
  }
  const article = await openTarget(ctx, given);
  if (!article) {
    return;
  }
  const refs = cursorRefs(article);
  if (!refs.length) {
    ctx.feedback.info('There is no annotation at the cursor.');
    return;
  }
  const confirmed = !!argsOf(given).confirm;
  const ref = refs.length === 1 || confirmed ? refs[0] : await pick(refChoices(refs), { title: 'Remove which annotation?' });
  if (ref) {
    await removeKey(ctx, article, keyOf(ref), confirmed);
  }
}

/** A source or a note row removes just that part of its claim. */
function removePart(ctx: CommandContext, article: Article, node: TreeNode): boolean {
  const key = nodeKey(node);
  if (node.kind === 'source') {
    const url = node.source.url;
    if (change(ctx, article, key, (ref) => ref.kind === 'claim' && ((ref.claim.sources = ref.claim.sources.filter((s) => s.url !== url)), true))) {
      ctx.feedback.done(`Removed the source ${snippet(node.source.title || url, 50)} of claim ${node.claim.id}`);
    }
    return true;
  }
  if (node.kind === 'note') {
    if (change(ctx, article, key, (ref) => ref.kind !== 'mention' && (ops.setNotes(ref.kind === 'claim' ? ref.claim : ref.actor, ''), true))) {
      ctx.feedback.done('Removed the note');
    }
    return true;
  }
  if (node.kind === 'claimant') {
    if (change(ctx, article, key, (ref) => ref.kind === 'claim' && (ops.setClaimant(ref.claim, undefined), true))) {
      ctx.feedback.done(`Claim ${node.claim.id} is now the article’s own`);
    }
    return true;
  }
  return false;
}

/** Remove on a row: the row's annotation, source or note, never what happens to be under the cursor. */
async function removeRow(ctx: CommandContext, node?: TreeNode): Promise<void> {
  if (!node) {
    return removeAtCursor(ctx);
  }
  const article = await openTarget(ctx, node);
  if (!article || removePart(ctx, article, node)) {
    return;
  }
  const key = nodeKey(node);
  if (key) {
    await removeKey(ctx, article, key, false);
  }
}

export function removeCommands(ctx: CommandContext) {
  return {
    [Command.RemoveAnnotation]: (given?: Given) => removeAtCursor(ctx, given),
    [Command.Remove]: (node?: TreeNode) => removeRow(ctx, node),
  };
}
