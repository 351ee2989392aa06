// The rest of a check: copy a claim's citations, merge two actors that are one, link an actor to Wikidata (in every article).

import * as vscode from 'vscode';
import { formatCitations } from '../../core/citation';
import * as ops from '../../core/operations';
import { resolveKey } from '../../core/refs';
import { actorTypeLabel } from '../config';
import { changeArticles } from '../sidecarEdits';
import { Command } from './ids';
import { pick } from './pickers';
import { actorKey, type Article, argsOf, change, claimKey, type CommandContext, type Given, isNode, openTarget } from './target';

async function copyCitation(ctx: CommandContext, given?: Given): Promise<string | undefined> {
  const article = await openTarget(ctx, given);
  const key = article && claimKey(article, given, ctx.feedback);
  const ref = key && article && resolveKey(article.annotations, key);
  if (ref?.kind !== 'claim') {
    return undefined;
  }
  const claim = ref.claim;
  const url = isNode(given) ? (given.kind === 'source' ? given.source.url : undefined) : argsOf(given).url;
  const sources = url === undefined ? claim.sources : claim.sources.filter((s) => s.url === url);
  if (!sources.length) {
    ctx.feedback.info(`Claim ${claim.id} has no ${url === undefined ? 'sources' : 'source with that address'} to cite.`);
    return undefined;
  }
  const text = formatCitations(sources);
  await vscode.env.clipboard.writeText(text);
  ctx.feedback.done(`Copied ${sources.length === 1 ? 'the citation' : `${sources.length} citations`} of claim ${claim.id}`);
  return text;
}

/** The actor a command acts on, with a hint when there is none. */
function actorOf(ctx: CommandContext, article: Article, given: Given) {
  const key = actorKey(article, given);
  const ref = key && resolveKey(article.annotations, key);
  if (ref?.kind !== 'actor') {
    ctx.feedback.info('Pick the actor in the Actors view, or put the cursor on one of its mentions.');
    return undefined;
  }
  return { key, actor: ref.actor };
}

async function mergeActors(ctx: CommandContext, given?: Given): Promise<string | undefined> {
  const article = await openTarget(ctx, given);
  const from = article && actorOf(ctx, article, given);
  if (!article || !from) {
    return undefined;
  }
  let into = argsOf(given).into;
  if (into === undefined) {
    const others = article.annotations.actors.filter((a) => a.id !== from.actor.id);
    if (!others.length) {
      ctx.feedback.info(`${from.actor.name} is the only actor of this article.`);
      return undefined;
    }
    into = await pick(
      others
        .sort((a, b) => Number(b.type === from.actor.type) - Number(a.type === from.actor.type) || a.name.localeCompare(b.name))
        .map((a) => ({ label: a.name, description: `${actorTypeLabel(a.type)} · ${a.mentions.length} ${a.mentions.length === 1 ? 'mention' : 'mentions'}`, actorType: a.type, value: a.id })),
      { title: `Merge ${from.actor.name} into…`, placeholder: `${from.actor.name}’s mentions, names and claims go to the actor you pick` },
    );
  }
  if (into === undefined) {
    return undefined;
  }
  const target = into;
  const merged = change(ctx, article, from.key, (_ref, annotations) => ops.mergeActors(annotations, from.actor.id, target));
  if (merged) {
    ctx.feedback.done(`Merged ${from.actor.name} into ${merged.name}`);
  }
  return merged?.id;
}

/** The articles whose actor gets the Wikidata id: every article's on a workspace row, else one. */
async function wikidataTargets(ctx: CommandContext, given: Given): Promise<{ articles: { uri: vscode.Uri; actorId: string }[]; name: string; current?: string } | undefined> {
  if (isNode(given) && given.kind === 'workspaceActor') {
    const group = given.group;
    return { articles: group.appearances.map((a) => ({ uri: vscode.Uri.parse(a.article), actorId: a.actor.id })), name: group.name, current: group.wikidata };
  }
  const args = argsOf(given);
  if (!isNode(given) && args.uri && args.actor && !ctx.store.get(vscode.Uri.parse(args.uri))) {
    // A script naming an article that is not open: change its sidecar without opening it.
    return { articles: [{ uri: vscode.Uri.parse(args.uri), actorId: args.actor }], name: args.actor };
  }
  const article = await openTarget(ctx, given);
  const found = article && actorOf(ctx, article, given);
  return article && found ? { articles: [{ uri: article.doc.uri, actorId: found.actor.id }], name: found.actor.name, current: found.actor.wikidata } : undefined;
}

async function setWikidataId(ctx: CommandContext, given?: Given): Promise<string | undefined> {
  const target = await wikidataTargets(ctx, given);
  if (!target) {
    return undefined;
  }
  const { articles, name, current } = target;
  const input =
    argsOf(given).wikidata ??
    (await vscode.window.showInputBox({
      title: `Wikidata id of ${name}`,
      prompt: 'The item’s id or address, e.g. Q7035 or https://www.wikidata.org/wiki/Q7035. Leave empty to unlink.',
      value: current ?? '',
      ignoreFocusOut: true,
      validateInput: (value) => (!value.trim() || ops.wikidataIdFrom(value) ? undefined : 'A Wikidata id looks like Q42.'),
    }));
  if (input === undefined) {
    return undefined;
  }
  if (input.trim() && !ops.wikidataIdFrom(input)) {
    ctx.feedback.error(`"${input.trim()}" is not a Wikidata id; it looks like Q42.`);
    return undefined;
  }
  const byArticle = new Map(articles.map((a) => [a.uri.toString(), a.actorId]));
  const problems = await changeArticles(
    ctx.store,
    articles.map((a) => a.uri),
    (annotations, uri) => {
      const actor = ops.actorById(annotations, byArticle.get(uri.toString()));
      if (actor) {
        ops.setWikidata(actor, input);
      }
    },
    `Link ${name} to Wikidata`,
  );
  if (problems.length) {
    ctx.feedback.warn(`${name} was not linked in ${problems.length === 1 ? 'one article' : `${problems.length} articles`}: ${problems.join(' ')}`);
  } else {
    const id = ops.wikidataIdFrom(input);
    ctx.feedback.done(id ? `Linked ${name} to Wikidata ${id}` : `Unlinked ${name} from Wikidata`);
  }
  return ops.wikidataIdFrom(input);
}

export function workflowCommands(ctx: CommandContext) {
  return {
    [Command.CopyCitation]: (given?: Given) => copyCitation(ctx, given),
    [Command.MergeActors]: (given?: Given) => mergeActors(ctx, given),
    [Command.SetWikidataId]: (given?: Given) => setWikidataId(ctx, given),
  };
}
