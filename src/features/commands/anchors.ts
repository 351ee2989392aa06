// Re-attach to Selection and Accept New Wording: orphaned and changed anchors, put right by the user.

import { reattachChange, reattachChoices, refChoices } from '../../core/choices';
import { snippet } from '../../core/text';
import * as ops from '../../core/operations';
import { type AnnotationKey, anchorOf, keyOf, resolveKey } from '../../core/refs';
import { Command } from './ids';
import { confirm, pick } from './pickers';
import { type Article, argsOf, change, type CommandContext, cursorRefs, type Given, isNode, nodeKey, openTarget, selectedSpans } from './target';

/** What the user named: a row, a claim id, or an actor's mention (by quote, the one like the selection first). */
function namedAnchor(article: Article, given: Given, selected: string): ops.AnnotationRef | undefined | null {
  if (isNode(given)) {
    const key = nodeKey(given);
    return (key && resolveKey(article.annotations, key)) ?? null;
  }
  const args = argsOf(given);
  if (args.claim) {
    const claim = article.annotations.claims.find((c) => c.id === args.claim);
    return claim ? { kind: 'claim', claim } : null;
  }
  if (args.actor) {
    const refs = ops
      .anchorsNeedingAttention(article.annotations, article.doc.getText())
      .filter((r) => r.kind === 'mention' && r.actor.id === args.actor && (args.quote === undefined || r.mention.quote === args.quote));
    return reattachChoices(refs, selected)[0]?.value ?? null;
  }
  return undefined;
}

/** The anchor to re-attach and whether the user already saw what changes (picked from a list that says it). */
async function anchorToReattach(ctx: CommandContext, article: Article, given: Given, selected: string): Promise<{ ref: ops.AnnotationRef; seen: boolean } | undefined> {
  const named = namedAnchor(article, given, selected);
  if (named) {
    return { ref: named, seen: false };
  }
  if (named === null) {
    ctx.feedback.info('That annotation needs no re-attaching, or is gone.');
    return undefined;
  }
  const refs = ops.anchorsNeedingAttention(article.annotations, article.doc.getText());
  if (!refs.length) {
    ctx.feedback.info('Every annotation of this article is attached to its text.');
    return undefined;
  }
  if (refs.length === 1) {
    return { ref: refs[0], seen: false };
  }
  const ref = await pick(reattachChoices(refs, selected), { title: `Re-attach to “${snippet(selected, 40)}”`, placeholder: 'The annotation whose text this is', matchOnDetail: true });
  return ref && { ref, seen: true };
}

async function reattachToSelection(ctx: CommandContext, given?: Given): Promise<void> {
  const article = await openTarget(ctx, given);
  if (!article) {
    return;
  }
  const span = selectedSpans(article.doc, isNode(given) ? undefined : given, false)[0];
  if (!span) {
    ctx.feedback.info('Select the text the annotation belongs to, then run Re-attach to Selection.');
    return;
  }
  const selected = article.doc.getText().slice(span.start, span.end);
  const chosen = await anchorToReattach(ctx, article, given, selected);
  if (!chosen) {
    return;
  }
  const what = reattachChange(chosen.ref, selected);
  if (what && !chosen.seen && !argsOf(given).confirm && !(await confirm(`Re-attach to “${snippet(selected, 40)}”?`, what, 'Re-attach'))) {
    return;
  }
  const key = keyOf(chosen.ref);
  const done = change(ctx, article, key, (ref, _annotations, text) => {
    const anchor = anchorOf(ref);
    return anchor ? (ops.reattachTo(anchor, text, span.start, span.end), true) : undefined;
  });
  if (done) {
    ctx.feedback.done(`Re-attached ${chosen.ref.kind === 'claim' ? `claim ${chosen.ref.claim.id}` : `the mention of ${chosen.ref.kind === 'mention' ? chosen.ref.actor.name : ''}`} to “${snippet(selected, 40)}”`);
  }
}

/** The changed anchor to accept: its row, named, the one under the cursor, or picked. */
async function changedAnchor(ctx: CommandContext, article: Article, given: Given): Promise<AnnotationKey | undefined> {
  const text = article.doc.getText();
  const needing = ops.anchorsNeedingAttention(article.annotations, text);
  const named = namedAnchor(article, given, '');
  if (named) {
    return keyOf(named);
  }
  const args = argsOf(given);
  if (named === null || args.claim || args.actor) {
    ctx.feedback.info('That annotation’s wording has not changed.');
    return undefined;
  }
  const here = cursorRefs(article).find((r) => needing.some((n) => anchorOf(n) === anchorOf(r)));
  if (here) {
    return keyOf(here);
  }
  if (!needing.length) {
    ctx.feedback.info('Every annotation of this article is attached to its text.');
    return undefined;
  }
  const ref = needing.length === 1 ? needing[0] : await pick(refChoices(needing), { title: 'Accept the new wording of…' });
  return ref && keyOf(ref);
}

async function acceptNewWording(ctx: CommandContext, given?: Given): Promise<void> {
  const article = await openTarget(ctx, given);
  const key = article && (await changedAnchor(ctx, article, given));
  if (!article || !key) {
    return;
  }
  const ref = resolveKey(article.annotations, key);
  if (ref && anchorOf(ref)?.orphaned) {
    ctx.feedback.info('This annotation is orphaned: select its text and run Re-attach to Selection.');
    return;
  }
  const done = change(ctx, article, key, (current, _annotations, text) => {
    const anchor = anchorOf(current);
    return anchor ? (ops.acceptWording(anchor, text), true) : undefined;
  });
  if (done) {
    ctx.feedback.done('Accepted the new wording');
  }
}

export function anchorCommands(ctx: CommandContext) {
  return {
    [Command.ReattachToSelection]: (given?: Given) => reattachToSelection(ctx, given),
    [Command.AcceptNewWording]: (given?: Given) => acceptNewWording(ctx, given),
  };
}
