// Commands for the rest of a check: copy a claim's citations, merge two actors that are one, link an actor to Wikidata (in every article).

import * as vscode from 'vscode';
import { formatCitations } from '../core/citation';
import type { Actor, Annotations } from '../core/model';
import * as ops from '../core/operations';
import { Command, type CommandArgs } from './commands';
import { actorTypeLabel, actorTypeIcon } from './config';
import { changeArticles } from './sidecarEdits';
import { AnnotationStore, basename } from './store';
import type { TreeNode } from './tree';

export function registerWorkflowCommands(store: AnnotationStore): vscode.Disposable {
  /** The article's annotations, loading it if needed; undefined (with a message) when it cannot be changed. */
  const open = async (uri: vscode.Uri | undefined): Promise<{ doc: vscode.TextDocument; annotations: Annotations } | undefined> => {
    if (!uri) {
      void vscode.window.showInformationMessage('Open a news article first.');
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const entry = await store.load(doc);
    if (!entry?.annotations) {
      void vscode.window.showErrorMessage(`The annotations of ${basename(uri)} cannot be changed until its sidecar is fixed.`);
      return undefined;
    }
    return { doc, annotations: entry.annotations };
  };

  const uriOf = (args?: CommandArgs | TreeNode): vscode.Uri | undefined => {
    if (args && 'kind' in args && 'article' in args) {
      return args.article.uri;
    }
    if (args && !('kind' in args) && typeof args.uri === 'string') {
      return vscode.Uri.parse(args.uri);
    }
    return vscode.window.activeTextEditor?.document.uri;
  };

  /** The actor named by a tree node, the arguments, or the mention at the cursor. */
  const actorFrom = (target: { doc: vscode.TextDocument; annotations: Annotations }, args?: CommandArgs | TreeNode): Actor | undefined => {
    if (args && 'kind' in args) {
      return 'actor' in args && args.actor ? ops.actorById(target.annotations, args.actor.id) : undefined;
    }
    if (args?.actor) {
      return ops.actorById(target.annotations, args.actor);
    }
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === target.doc);
    const ref = editor ? ops.annotationsAt(target.annotations, target.doc.offsetAt(editor.selection.active)).find((r) => r.kind === 'mention') : undefined;
    return ref?.kind === 'mention' ? ref.actor : undefined;
  };

  const copyCitation = async (args?: CommandArgs | TreeNode) => {
    const target = await open(uriOf(args));
    if (!target) {
      return undefined;
    }
    let claimId: string | undefined;
    let url: string | undefined;
    if (args && 'kind' in args) {
      claimId = 'claim' in args ? args.claim?.id : undefined;
      url = args.kind === 'source' ? args.source.url : undefined;
    } else {
      claimId = args?.claim;
      url = args?.url;
      if (!claimId) {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === target.doc);
        claimId = editor ? ops.claimAt(target.annotations, target.doc.offsetAt(editor.selection.active))?.id : undefined;
      }
    }
    const claim = target.annotations.claims.find((c) => c.id === claimId);
    if (!claim) {
      void vscode.window.showInformationMessage('Put the cursor in a claim, or pick a source in the Assertions view, to copy its citation.');
      return undefined;
    }
    const sources = url === undefined ? claim.sources : claim.sources.filter((s) => s.url === url);
    if (!sources.length) {
      void vscode.window.showInformationMessage(`Claim ${claim.id} has no ${url === undefined ? 'sources' : 'source with that address'} to cite.`);
      return undefined;
    }
    const text = formatCitations(sources);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Copied ${sources.length === 1 ? 'the citation' : `${sources.length} citations`} of claim ${claim.id}`, 4000);
    return text;
  };

  const mergeActors = async (args?: CommandArgs | TreeNode) => {
    const target = await open(uriOf(args));
    const from = target && actorFrom(target, args);
    if (!target || !from) {
      if (target) {
        void vscode.window.showInformationMessage('Pick the actor to merge in the Actors view, or put the cursor on one of its mentions.');
      }
      return undefined;
    }
    let intoId = args && !('kind' in args) ? args.into : undefined;
    if (intoId === undefined) {
      const others = target.annotations.actors.filter((a) => a !== from);
      if (!others.length) {
        void vscode.window.showInformationMessage(`${from.name} is the only actor of this article.`);
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        others
          .sort((a, b) => Number(b.type === from.type) - Number(a.type === from.type) || a.name.localeCompare(b.name))
          .map((a) => ({
            label: a.name,
            description: `${actorTypeLabel(a.type)} · ${a.mentions.length} ${a.mentions.length === 1 ? 'mention' : 'mentions'}`,
            iconPath: actorTypeIcon(a.type),
            id: a.id,
          })),
        { title: `Merge ${from.name} into…`, placeHolder: `${from.name}’s mentions, names and claims go to the actor you pick` },
      );
      intoId = picked?.id;
    }
    if (intoId === undefined) {
      return undefined;
    }
    const into = intoId;
    try {
      return store.update(target.doc, (annotations) => ops.mergeActors(annotations, from.id, into)).id;
    } catch (err) {
      void vscode.window.showErrorMessage(`Actors not merged. ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };

  const setWikidataId = async (args?: CommandArgs | TreeNode) => {
    // On the workspace entry of an actor, every article's actor is linked at once.
    const everywhere = args && 'kind' in args && args.kind === 'workspaceActor' ? args.group : undefined;
    let articles: { uri: vscode.Uri; actorId: string }[];
    let name: string;
    let current: string | undefined;
    if (everywhere) {
      articles = everywhere.appearances.map((a) => ({ uri: vscode.Uri.parse(a.article), actorId: a.actor.id }));
      name = everywhere.name;
      current = everywhere.wikidata;
    } else if (args && !('kind' in args) && args.uri && args.actor && !store.get(vscode.Uri.parse(args.uri))) {
      // A script naming an article that is not open: change its sidecar without opening it.
      articles = [{ uri: vscode.Uri.parse(args.uri), actorId: args.actor }];
      name = args.actor;
    } else {
      const target = await open(uriOf(args));
      const actor = target && actorFrom(target, args);
      if (!target || !actor) {
        if (target) {
          void vscode.window.showInformationMessage('Pick the actor in the Actors view, or put the cursor on one of its mentions.');
        }
        return undefined;
      }
      articles = [{ uri: target.doc.uri, actorId: actor.id }];
      name = actor.name;
      current = actor.wikidata;
    }
    let input = args && !('kind' in args) ? args.wikidata : undefined;
    if (input === undefined) {
      input = await vscode.window.showInputBox({
        title: `Wikidata id of ${name}`,
        prompt: 'The item’s id or address, e.g. Q7035 or https://www.wikidata.org/wiki/Q7035. Leave empty to unlink.',
        value: current ?? '',
        ignoreFocusOut: true,
        validateInput: (value) => (!value.trim() || ops.wikidataIdFrom(value) ? undefined : 'A Wikidata id looks like Q42.'),
      });
      if (input === undefined) {
        return undefined;
      }
    }
    if (input.trim() && !ops.wikidataIdFrom(input)) {
      void vscode.window.showErrorMessage(`"${input.trim()}" is not a Wikidata id; it looks like Q42.`);
      return undefined;
    }
    const value = input;
    const byArticle = new Map(articles.map((a) => [a.uri.toString(), a.actorId]));
    const problems = await changeArticles(
      store,
      articles.map((a) => a.uri),
      (annotations, uri) => {
        const actor = ops.actorById(annotations, byArticle.get(uri.toString()));
        if (actor) {
          ops.setWikidata(actor, value);
        }
      },
      `Link ${name} to Wikidata`,
    );
    if (problems.length) {
      void vscode.window.showWarningMessage(`${name} was not linked in ${problems.length === 1 ? 'one article' : `${problems.length} articles`}: ${problems.join(' ')}`);
    }
    return ops.wikidataIdFrom(value);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Command.CopyCitation, copyCitation),
    vscode.commands.registerCommand(Command.MergeActors, mergeActors),
    vscode.commands.registerCommand(Command.SetWikidataId, setWikidataId),
  );
}

