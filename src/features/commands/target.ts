// What a command acts on — the article, and the claim, actor or mention in it — from a tree row, the arguments, or the editor; and the change, applied by id.

import * as vscode from 'vscode';
import type { Annotations, ClaimStatus } from '../../core/model';
import * as ops from '../../core/operations';
import { type AnnotationKey, keyOf, resolveKey } from '../../core/refs';
import type { Annotator } from '../annotator';
import { AnnotationStore, type ArticleEntry, basename, SidecarBlockedError } from '../store';
import type { TreeNode, ViewScope } from '../tree';
import type { Feedback } from './feedback';

/**
 * Arguments commands accept besides a tree row: from hovers (`{uri, claim}`), lenses, quick
 * fixes, keybindings and scripts. Each field answers one question the command would otherwise ask.
 */
export interface CommandArgs {
  uri?: string;
  claim?: string;
  actor?: string;
  /** Mark Actor: a new actor's name and type. */
  name?: string;
  type?: string;
  /** Mark Claim, Set Claimant: the claimant's actor id, null for the article itself, or a new actor. */
  claimant?: string | null | { name: string; type?: string };
  verdict?: string | null;
  status?: ClaimStatus;
  url?: string;
  title?: string;
  archived?: string;
  accessed?: string;
  note?: string;
  alias?: string;
  /** Skip the question a command would ask before a change the user may not expect. */
  confirm?: boolean;
  start?: number;
  end?: number;
  /** Re-attach: which mention of `actor`, by its quote. */
  quote?: string;
  /** Merge Actors: the id of the actor that `actor` is merged into. */
  into?: string;
  /** Set Wikidata Id: an id (Q42) or an item's address; empty to unlink. */
  wikidata?: string;
}

/** What a command is given: a tree row, arguments, or nothing (the editor decides). */
export type Given = CommandArgs | TreeNode | undefined;

/** The shared parts every command group needs. */
export interface CommandContext {
  readonly store: AnnotationStore;
  readonly scope: ViewScope;
  readonly feedback: Feedback;
  /** Who is annotating: the stamp every new annotation and every review carries. */
  readonly annotator: Annotator;
}

/** An article a command acts on. `annotations` is a snapshot to read before any question is asked; changes go through `change`. */
export interface Article {
  doc: vscode.TextDocument;
  entry: ArticleEntry;
  annotations: Annotations;
}

export function isNode(given: Given): given is TreeNode {
  return !!given && 'kind' in given && typeof given.kind === 'string';
}

/** The arguments, when the command was given arguments rather than a row. */
export function argsOf(given: Given): CommandArgs {
  return given && !isNode(given) ? given : {};
}

/** The article named by `uri` in plain arguments (suggestions, export), else the active editor's. */
export function argsUri(args?: { uri?: string }): vscode.Uri | undefined {
  return typeof args?.uri === 'string' ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
}

/** The article named by a row or the arguments, else the active editor's. */
export function uriOf(given: Given): vscode.Uri | undefined {
  if (isNode(given)) {
    return 'article' in given ? given.article.uri : undefined;
  }
  return argsUri(given);
}

/** The article a command acts on, loaded; undefined (having said why) when there is none or its sidecar cannot be read. */
export async function openTarget(ctx: CommandContext, given: Given): Promise<Article | undefined> {
  const uri = uriOf(given);
  if (!uri) {
    ctx.feedback.info('Open a news article (a .txt, .md, .article or .news file) first.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!AnnotationStore.isArticle(doc)) {
    ctx.feedback.info(`${basename(uri)} is not an article Newsmark annotates (plain text, Markdown or news-article).`);
    return undefined;
  }
  const entry = await ctx.store.load(doc);
  if (!entry) {
    return undefined;
  }
  if (!entry.annotations) {
    reportBlocked(ctx, entry);
    return undefined;
  }
  return { doc, entry, annotations: entry.annotations };
}

export function editorFor(doc: vscode.TextDocument): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document === doc);
}

/** The live annotations under the editor's cursor, innermost first. */
export function cursorRefs(article: Article): ops.AnnotationRef[] {
  const editor = editorFor(article.doc);
  return editor ? ops.annotationsAt(article.annotations, article.doc.offsetAt(editor.selection.active)) : [];
}

/** The annotation a tree row stands for. */
export function nodeKey(node: TreeNode): AnnotationKey | undefined {
  switch (node.kind) {
    case 'actor':
      return { kind: 'actor', actor: node.actor.id };
    case 'mention':
      return keyOf({ kind: 'mention', actor: node.actor, mention: node.mention });
    case 'claim':
    case 'claimant':
    case 'source':
      return { kind: 'claim', claim: node.claim.id };
    case 'note':
      return node.claim ? { kind: 'claim', claim: node.claim.id } : node.actor ? { kind: 'actor', actor: node.actor.id } : undefined;
    case 'orphan':
      return node.claim ? { kind: 'claim', claim: node.claim.id } : node.actor ? keyOf({ kind: 'mention', actor: node.actor, mention: node.anchor }) : undefined;
    default:
      return undefined;
  }
}

/** The claim a command acts on: its row, named in the arguments, or under the cursor. */
export function claimKey(article: Article, given: Given, feedback: Feedback): AnnotationKey | undefined {
  const key = isNode(given) ? nodeKey(given) : undefined;
  if (key?.kind === 'claim') {
    return key;
  }
  const named = argsOf(given).claim;
  const id = named ?? (isNode(given) ? undefined : cursorRefs(article).find((r) => r.kind === 'claim'));
  if (typeof id === 'string') {
    if (!article.annotations.claims.some((c) => c.id === id)) {
      feedback.error(`This article has no claim with the id "${id}".`);
      return undefined;
    }
    return { kind: 'claim', claim: id };
  }
  if (id?.kind === 'claim') {
    return { kind: 'claim', claim: id.claim.id };
  }
  feedback.info('Put the cursor in a marked claim first (or pick one in the Assertions view).');
  return undefined;
}

/** The actor a command acts on: its row (or a mention's), named in the arguments, or a mention under the cursor. */
export function actorKey(article: Article, given: Given): AnnotationKey | undefined {
  if (isNode(given)) {
    const actor = 'actor' in given ? given.actor : undefined;
    return actor ? { kind: 'actor', actor: actor.id } : undefined;
  }
  const named = argsOf(given).actor;
  if (named) {
    return ops.actorById(article.annotations, named) ? { kind: 'actor', actor: named } : undefined;
  }
  const here = cursorRefs(article).find((r) => r.kind === 'mention');
  return here?.kind === 'mention' ? { kind: 'actor', actor: here.actor.id } : undefined;
}

/**
 * Applies a change to the annotation a key names, looked up inside the store's change so a
 * model replaced while a picker was open is never written through an old reference.
 */
export function change<T>(
  ctx: CommandContext,
  article: Article,
  key: AnnotationKey | undefined,
  apply: (ref: ops.AnnotationRef, annotations: Annotations, text: string) => T,
): T | undefined {
  return changeArticle(ctx, article, (annotations, text) => {
    const ref = key && resolveKey(annotations, key);
    if (!ref) {
      throw new GoneError();
    }
    return apply(ref, annotations, text);
  });
}

/** Applies a change to the article's annotations as they are now; reports why it could not be made. */
export function changeArticle<T>(ctx: CommandContext, article: Article, apply: (annotations: Annotations, text: string) => T): T | undefined {
  try {
    return ctx.store.update(article.doc, apply);
  } catch (err) {
    if (err instanceof SidecarBlockedError) {
      reportBlocked(ctx, err.entry);
    } else if (err instanceof GoneError) {
      ctx.feedback.info('That annotation is no longer in the article’s annotations (they changed meanwhile); nothing was changed.');
    } else {
      ctx.feedback.error(err instanceof Error ? err.message : String(err));
    }
    return undefined;
  }
}

class GoneError extends Error {}

/** Spans to mark: every non-empty selection (several cursors mark several mentions), or the given start and end. */
export function selectedSpans(doc: vscode.TextDocument, given: Given, wordAtCursor: boolean): { start: number; end: number }[] {
  const text = doc.getText();
  const args = argsOf(given);
  if (args.start !== undefined && args.end !== undefined) {
    const span = ops.trimSpan(text, args.start, args.end);
    return span.end > span.start ? [span] : [];
  }
  const editor = editorFor(doc);
  if (!editor || isNode(given)) {
    return [];
  }
  const spans: { start: number; end: number }[] = [];
  for (const selection of editor.selections) {
    const range = selection.isEmpty ? (wordAtCursor ? doc.getWordRangeAtPosition(selection.active) : undefined) : selection;
    if (range) {
      const span = ops.trimSpan(text, doc.offsetAt(range.start), doc.offsetAt(range.end));
      if (span.end > span.start) {
        spans.push(span);
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The sidecar cannot be read: nothing is changed, and the user gets a way to open it. */
export function reportBlocked(ctx: CommandContext, entry: ArticleEntry): void {
  ctx.feedback.blocked(new SidecarBlockedError(entry).message, entry.uri, entry.sidecarUri);
}
