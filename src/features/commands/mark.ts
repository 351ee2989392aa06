// Mark Actor, Mark Claim and Mark All Mentions: new annotations from the selection.

import { addActor } from '../../core/actors';
import { snippet } from '../../core/text';
import { actorChoices, alreadyMarked, claimantChoices, otherActorsAt } from '../../core/choices';
import type { Actor, Annotations } from '../../core/model';
import { cleanName, nameSpan } from '../../core/names';
import * as ops from '../../core/operations';
import type { Stamp } from '../../core/provenance';
import * as vscode from 'vscode';
import { actorTypeLabel, actorTypes } from '../config';
import { Command } from './ids';
import { askActorType, askNewActor, confirm, pick } from './pickers';
import { actorKey, type Article, argsOf, change, changeArticle, type CommandContext, editorFor, type Given, openTarget, selectedSpans } from './target';

type Span = { start: number; end: number };

/** Which actor the selection is a mention of: given by id or as a new one, else picked. */
async function chooseActor(article: Article, given: Given, selected: string, span: Span): Promise<string | ops.NewActor | undefined> {
  const args = argsOf(given);
  if (args.actor) {
    if (!ops.actorById(article.annotations, args.actor)) {
      void vscode.window.showErrorMessage(`This article has no actor with the id "${args.actor}".`);
      return undefined;
    }
    return args.actor;
  }
  if (args.name || args.type) {
    return askNewActor(cleanName(args.name ?? selected), args.type);
  }
  const { items, active } = actorChoices(article.annotations, selected, span);
  const picked = await pick(items, { title: `Mark “${snippet(selected, 40)}” as a mention of…`, placeholder: 'An actor of this article, or a new one', active, matchOnDetail: true });
  if (!picked) {
    return undefined;
  }
  return 'actor' in picked ? picked.actor : askNewActor(cleanName(picked.newActor), undefined, article.annotations);
}

/**
 * Whether to go on marking: not when every span is already this actor's (nothing would change),
 * and only once the user agrees when a span is already another actor's mention.
 */
async function shouldMark(ctx: CommandContext, article: Article, given: Given, spans: Span[], chosen: string | ops.NewActor, selected: string): Promise<boolean> {
  const annotations = ctx.store.get(article.doc.uri)?.annotations ?? article.annotations;
  const actor = typeof chosen === 'string' ? ops.actorById(annotations, chosen) : undefined;
  if (actor && spans.every((s) => alreadyMarked(actor, s))) {
    ctx.feedback.info(`“${snippet(selected, 40)}” is already a mention of ${actor.name}; nothing changed.`);
    return false;
  }
  const others = [...new Set(spans.flatMap((s) => otherActorsAt(annotations, s, actor?.id)))];
  if (!others.length || argsOf(given).confirm) {
    return true;
  }
  const name = actor?.name ?? (chosen as ops.NewActor).name;
  const them = others.map((o) => o.name).join(' and ');
  return confirm(`“${snippet(selected, 40)}” is already a mention of ${them}`, `It will be a mention of both ${them} and ${name}.`, `Mark as ${name} too`);
}

async function markActor(ctx: CommandContext, given?: Given): Promise<string | undefined> {
  const article = await openTarget(ctx, given);
  if (!article) {
    return undefined;
  }
  const text = article.doc.getText();
  const spans = selectedSpans(article.doc, given, true).map((s) => nameSpan(text, s.start, s.end));
  if (!spans.length) {
    ctx.feedback.info('Select the name to mark as an actor first.');
    return undefined;
  }
  const selected = text.slice(spans[0].start, spans[0].end);
  const chosen = await chooseActor(article, given, selected, spans[0]);
  if (!chosen || !(await shouldMark(ctx, article, given, spans, chosen, selected))) {
    return undefined;
  }
  const stamp = await ctx.annotator.stamp(article.doc.uri);
  const actor = changeArticle(ctx, article, (annotations, t) => {
    let result: Actor | undefined;
    for (const span of spans) {
      result = ops.markMention(annotations, t, span.start, span.end, result ? result.id : chosen, stamp);
    }
    return result;
  });
  if (actor) {
    ctx.feedback.done(`Marked ${spans.length === 1 ? `“${snippet(selected, 40)}”` : `${spans.length} mentions`} as ${actor.name} (${actorTypeLabel(actor.type)})`);
  }
  return actor?.id;
}

type Claimant = string | null | ops.NewActor;

/** Who makes the claim: given (an id, null for the article, or a new actor), else picked, where a name typed that is no actor's makes a new one. */
async function chooseClaimant(ctx: CommandContext, article: Article, given: Given, span: Span): Promise<Claimant | undefined> {
  const args = argsOf(given);
  if ('claimant' in args && args.claimant !== undefined) {
    const claimant = args.claimant;
    if (claimant === null) {
      return null;
    }
    if (typeof claimant === 'object') {
      const types = actorTypes().map((t) => t.id);
      return { name: cleanName(claimant.name), type: claimant.type && types.includes(claimant.type) ? claimant.type : types.includes('person') ? 'person' : types[0] };
    }
    if (!ops.actorById(article.annotations, claimant)) {
      ctx.feedback.error(`This article has no actor with the id "${claimant}" to be the claimant.`);
      return undefined;
    }
    return claimant;
  }
  const sentence = snippet(article.doc.getText().slice(span.start, span.end), 100);
  const picked = await pick(claimantChoices(article.annotations, span), {
    title: `Who makes this claim? “${snippet(sentence, 60)}”`,
    placeholder: `The claimant of “${sentence}” — type a name to add a new actor`,
    forTyped: (typed) => claimantChoices(ctx.store.get(article.doc.uri)?.annotations ?? article.annotations, span, typed),
  });
  if (!picked) {
    return undefined;
  }
  if ('newActor' in picked) {
    const type = await askActorType(picked.newActor, article.annotations);
    return type ? { name: cleanName(picked.newActor), type } : undefined;
  }
  return 'actor' in picked ? picked.actor : null;
}

/** The claimant's id, adding a new actor (marked where the claim names it) when it is one. */
function claimantId(annotations: Annotations, text: string, claimant: Claimant, span: Span, stamp: Stamp): string | undefined {
  if (claimant === null) {
    return undefined;
  }
  if (typeof claimant === 'string') {
    return claimant;
  }
  const at = text.slice(span.start, span.end).indexOf(claimant.name);
  if (at >= 0) {
    return ops.markMention(annotations, text, span.start + at, span.start + at + claimant.name.length, claimant, stamp).id;
  }
  return addActor(annotations, claimant, stamp).id;
}

async function markClaim(ctx: CommandContext, given?: Given): Promise<string | undefined> {
  const article = await openTarget(ctx, given);
  if (!article) {
    return undefined;
  }
  const editor = editorFor(article.doc);
  let span = selectedSpans(article.doc, given, false)[0];
  if (!span && editor && argsOf(given).start === undefined) {
    span = ops.sentenceAround(article.doc.getText(), article.doc.offsetAt(editor.selection.active)) as Span;
  }
  if (!span) {
    ctx.feedback.info('Select the claim, or put the cursor in its sentence.');
    return undefined;
  }
  const claimant = await chooseClaimant(ctx, article, given, span);
  if (claimant === undefined) {
    return undefined;
  }
  const stamp = await ctx.annotator.stamp(article.doc.uri);
  const claim = changeArticle(ctx, article, (annotations, t) => ops.markClaim(annotations, t, span.start, span.end, claimantId(annotations, t, claimant, span, stamp), stamp));
  if (claim) {
    editor?.revealRange(new vscode.Range(article.doc.positionAt(span.start), article.doc.positionAt(span.end)));
    if (editor) {
      editor.selection = new vscode.Selection(article.doc.positionAt(span.start), article.doc.positionAt(span.end));
    }
    const by = claim.claimant ? ctx.store.get(article.doc.uri)?.annotations?.actors.find((a) => a.id === claim.claimant)?.name : undefined;
    ctx.feedback.done(`Marked claim ${claim.id}${by ? ` by ${by}` : ''}`);
  }
  return claim?.id;
}

/** The actor whose other mentions to mark: its row, named, under the cursor, or picked. */
async function actorToComplete(ctx: CommandContext, article: Article, given: Given) {
  const key = actorKey(article, given);
  if (key || argsOf(given).actor) {
    return key;
  }
  if (!article.annotations.actors.length) {
    ctx.feedback.info('This article has no actors yet. Select a name and run Newsmark: Mark Actor.');
    return undefined;
  }
  const id = await pick(
    article.annotations.actors.map((a) => ({ label: a.name, description: actorTypeLabel(a.type), actorType: a.type, value: a.id })),
    { title: 'Mark all mentions of which actor?' },
  );
  return id ? ({ kind: 'actor', actor: id } as const) : undefined;
}

async function markAllMentions(ctx: CommandContext, given?: Given): Promise<number | undefined> {
  const article = await openTarget(ctx, given);
  const key = article && (await actorToComplete(ctx, article, given));
  if (!article || !key) {
    return undefined;
  }
  const stamp = await ctx.annotator.stamp(article.doc.uri);
  const result = change(ctx, article, key, (ref, annotations, text) => (ref.kind === 'actor' ? { name: ref.actor.name, added: ops.markAllMentions(annotations, text, ref.actor, stamp) } : undefined));
  if (result) {
    const { name, added } = result;
    ctx.feedback.info(added ? `Marked ${added} more ${added === 1 ? 'mention' : 'mentions'} of ${name}.` : `No other unmarked mentions of ${name} were found.`);
  }
  return result?.added;
}

export function markCommands(ctx: CommandContext) {
  return {
    [Command.MarkActor]: (given?: Given) => markActor(ctx, given),
    [Command.MarkClaim]: (given?: Given) => markClaim(ctx, given),
    [Command.MarkAllMentions]: (given?: Given) => markAllMentions(ctx, given),
  };
}
