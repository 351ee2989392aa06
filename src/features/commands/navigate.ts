// Getting around: open the sidecar or a source, reveal an annotation from a row, copy what a row shows, switch the views' scope.

import * as vscode from 'vscode';
import * as ops from '../../core/operations';
import { basename } from '../store';
import type { TreeNode } from '../tree';
import { Command, InternalCommand } from './ids';
import { argsOf, type CommandContext, type Given, isNode, uriOf } from './target';

async function openSidecar(ctx: CommandContext, given?: Given): Promise<void> {
  // From a view's welcome or the status bar with another editor in front: the article the views show.
  const beside = vscode.window.visibleTextEditors.find((e) => ctx.store.get(e.document.uri))?.document.uri;
  const named = uriOf(given);
  const uri = named && (isNode(given) || argsOf(given).uri || ctx.store.get(named)) ? named : beside ?? named;
  if (!uri) {
    return;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const entry = await ctx.store.load(doc);
  if (!entry) {
    return;
  }
  await ctx.store.flush();
  try {
    await vscode.workspace.fs.stat(entry.sidecarUri);
  } catch {
    ctx.feedback.info(`${basename(uri)} has no annotations yet; its sidecar is created when you mark the first actor or claim.`);
    return;
  }
  const problem = entry.problems.find((p) => p.severity === 'error');
  const at = problem ? new vscode.Position(problem.line - 1, Math.max(problem.column - 1, 0)) : undefined;
  await vscode.window.showTextDocument(entry.sidecarUri, { viewColumn: vscode.ViewColumn.Beside, preview: false, selection: at && new vscode.Range(at, at) });
}

export interface RevealArgs {
  uri?: string;
  start?: number;
  end?: number;
  /** Move the keyboard into the editor; rows leave it in the view, so the next key cannot overwrite the text. */
  focus?: boolean;
}

async function revealAnchor(args?: RevealArgs): Promise<void> {
  if (!args?.uri || args.start === undefined) {
    return;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const range = new vscode.Range(doc.positionAt(args.start), doc.positionAt(args.end ?? args.start));
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: !args.focus, preview: true, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function openSource(ctx: CommandContext, given?: string | TreeNode): Promise<void> {
  const url = typeof given === 'string' ? given : given?.kind === 'source' ? given.source.url : undefined;
  if (typeof url === 'string' && !ops.checkSourceUrl(url)) {
    await vscode.env.openExternal(vscode.Uri.parse(url));
  } else {
    ctx.feedback.error('Only http:// and https:// sources can be opened.');
  }
}

/** What a row shows, as text to paste: a name, a quote, an address, a note. */
export function rowText(node: TreeNode): string | undefined {
  switch (node.kind) {
    case 'actor':
      return node.actor.name;
    case 'workspaceActor':
      return node.group.name;
    case 'mention':
      return node.mention.quote;
    case 'orphan':
      return node.anchor.quote;
    case 'claim':
      return node.claim.anchor.quote;
    case 'claimant':
      return node.actor?.name ?? 'the article itself';
    case 'source':
      return node.source.url;
    case 'note':
      return node.text;
    case 'group':
      return node.claims.map((c) => c.claim.anchor.quote).join('\n');
    case 'type':
      return node.actors.map((a) => a.actor.name).join('\n');
    case 'workspaceType':
      return node.groups.map((g) => g.name).join('\n');
    case 'workspaceGroup':
      return node.label;
    case 'orphans':
      return node.items.map((i) => i.anchor.quote).join('\n');
  }
}

async function copy(ctx: CommandContext, given?: Given): Promise<string | undefined> {
  const text = isNode(given) ? rowText(given) : undefined;
  if (text === undefined) {
    ctx.feedback.info('Right-click a row of the Actors or Assertions view to copy it.');
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  ctx.feedback.done('Copied');
  return text;
}

export function navigateCommands(ctx: CommandContext) {
  return {
    [Command.OpenSidecar]: (given?: Given) => openSidecar(ctx, given),
    [Command.Copy]: (given?: Given) => copy(ctx, given),
    [Command.ShowWorkspace]: () => ctx.scope.set('workspace'),
    [Command.ShowActiveArticle]: () => ctx.scope.set('article'),
    [InternalCommand.RevealAnchor]: (args?: RevealArgs) => revealAnchor(args),
    [InternalCommand.OpenSource]: (given?: string | TreeNode) => openSource(ctx, given),
  };
}
