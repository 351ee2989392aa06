// Add Note and Add Alias: what a fact-checker writes down about a claim or an actor.

import { checkAlias, addAlias as addAliasTo } from '../../core/actors';
import { refChoices } from '../../core/choices';
import type { AnnotationKey } from '../../core/refs';
import { resolveKey } from '../../core/refs';
import * as ops from '../../core/operations';
import * as vscode from 'vscode';
import { Command } from './ids';
import { pick } from './pickers';
import { actorKey, type Article, argsOf, change, type CommandContext, cursorRefs, type Given, isNode, nodeKey, openTarget } from './target';

/** A mention stands for its actor: notes and aliases belong to the actor. */
function subjectOf(ref: ops.AnnotationRef): AnnotationKey {
  return ref.kind === 'claim' ? { kind: 'claim', claim: ref.claim.id } : { kind: 'actor', actor: ref.actor.id };
}

/** The claim or actor a note is about: its row, named, or under the cursor (picked when there are several). */
async function noteSubject(ctx: CommandContext, article: Article, given: Given): Promise<AnnotationKey | undefined> {
  if (isNode(given)) {
    const key = nodeKey(given);
    const ref = key && resolveKey(article.annotations, key);
    return ref && subjectOf(ref);
  }
  const args = argsOf(given);
  if (args.claim) {
    return { kind: 'claim', claim: args.claim };
  }
  if (args.actor) {
    return { kind: 'actor', actor: args.actor };
  }
  const refs = cursorRefs(article);
  if (!refs.length) {
    ctx.feedback.info('Put the cursor in a marked actor or claim first.');
    return undefined;
  }
  const ref = refs.length === 1 ? refs[0] : await pick(refChoices(refs), { title: 'Add a note to' });
  return ref && subjectOf(ref);
}

async function addNote(ctx: CommandContext, given?: Given): Promise<void> {
  const article = await openTarget(ctx, given);
  const key = article && (await noteSubject(ctx, article, given));
  const ref = key && article && resolveKey(article.annotations, key);
  if (!article || !key || !ref || ref.kind === 'mention') {
    return;
  }
  const subject = ref.kind === 'claim' ? ref.claim : ref.actor;
  const name = ref.kind === 'claim' ? `claim ${ref.claim.id}` : ref.actor.name;
  const note =
    argsOf(given).note ??
    (await vscode.window.showInputBox({ title: `Notes on ${name}`, value: subject.notes ?? '', prompt: 'Leave empty to remove the note.', ignoreFocusOut: true }));
  if (note === undefined) {
    return;
  }
  const done = change(ctx, article, key, (current) => (current.kind === 'mention' ? undefined : (ops.setNotes(current.kind === 'claim' ? current.claim : current.actor, note), true)));
  if (done) {
    ctx.feedback.done(note.trim() ? `Note saved on ${name}` : `Note removed from ${name}`);
  }
}

async function addAlias(ctx: CommandContext, given?: Given): Promise<void> {
  const article = await openTarget(ctx, given);
  const key = article && actorKey(article, given);
  const ref = key && article && resolveKey(article.annotations, key);
  if (!article || ref?.kind !== 'actor' || !key) {
    if (article) {
      ctx.feedback.info('Pick the actor in the Actors view, or put the cursor on one of its mentions.');
    }
    return;
  }
  const actor = ref.actor;
  const alias =
    argsOf(given).alias ??
    (await vscode.window.showInputBox({
      title: `Another name for ${actor.name}`,
      prompt: 'A name the article (or others) use for this actor, e.g. a surname or an abbreviation.',
      ignoreFocusOut: true,
      validateInput: (value) => checkAlias(actor, value),
    }));
  if (alias === undefined) {
    return;
  }
  if (change(ctx, article, key, (current) => current.kind === 'actor' && (addAliasTo(current.actor, alias), true))) {
    ctx.feedback.done(`${actor.name} is also called ${alias.trim()}`);
  }
}

export function noteCommands(ctx: CommandContext) {
  return {
    [Command.AddNote]: (given?: Given) => addNote(ctx, given),
    [Command.AddAlias]: (given?: Given) => addAlias(ctx, given),
  };
}
