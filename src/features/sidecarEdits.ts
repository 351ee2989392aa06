// Changes to the sidecars of many articles at once (rename, merge, link), as one WorkspaceEdit the user can preview and undo.

import * as vscode from 'vscode';
import type { Annotations } from '../core/model';
import { upperBound } from '../core/search';
import { editSidecar } from '../core/workspace';
import { actorTypes, verdicts } from './config';
import { readTextIfExists } from './fileio';
import { type AnnotationStore, basename, sidecarUriFor } from './store';

/**
 * Adds to `edit` the replacement of an article's whole sidecar by its text after `change`.
 * The sidecar is read against the article as saved (its offsets refer to that) and written
 * back by the sidecar codec, keeping its comments. A sidecar open with unsaved edits is
 * changed as the user sees it. Returns the new text, or why it could not be changed.
 */
export async function addSidecarChange(
  edit: vscode.WorkspaceEdit,
  article: vscode.Uri,
  change: (annotations: Annotations) => void,
  label: string,
): Promise<{ text?: string; problem?: string }> {
  const sidecarUri = sidecarUriFor(article);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === sidecarUri.toString());
  const source = open ? open.getText() : await readTextIfExists(sidecarUri);
  const articleText = await readTextIfExists(article);
  if (source === undefined || articleText === undefined) {
    return { problem: `${basename(article)} or its sidecar is missing.` };
  }
  const result = editSidecar(source, articleText, change, { actorTypes: actorTypes().map((t) => t.id), verdicts: verdicts().map((v) => v.id) });
  if ('problems' in result) {
    return { problem: `${basename(sidecarUri)} has problems to fix first (${result.problems[0]?.message ?? 'it cannot be read'}).` };
  }
  if (result.text !== source) {
    edit.replace(sidecarUri, wholeRange(source), result.text, { label, needsConfirmation: false });
    return { text: result.text };
  }
  return {};
}

/**
 * Applies sidecar changes to articles: open ones through the store (which writes when the
 * article is saved), the others as one WorkspaceEdit, saved at once like a refactoring.
 * Returns the articles that could not be changed, with the reason.
 */
export async function changeArticles(
  store: AnnotationStore,
  articles: readonly vscode.Uri[],
  change: (annotations: Annotations, article: vscode.Uri) => void,
  label: string,
): Promise<string[]> {
  const problems: string[] = [];
  const edit = new vscode.WorkspaceEdit();
  for (const article of articles) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === article.toString());
    if (doc && store.get(article)?.annotations) {
      try {
        store.update(doc, (annotations) => change(annotations, article));
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
      }
      continue;
    }
    const { problem } = await addSidecarChange(edit, article, (annotations) => change(annotations, article), label).catch((err: unknown) => ({
      problem: err instanceof Error ? err.message : String(err),
    }));
    if (problem) {
      problems.push(problem);
    }
  }
  if (edit.size) {
    await applyAndSave(edit);
  }
  return problems;
}

/** Applies a WorkspaceEdit of sidecars and saves the ones it opened, as VS Code does after a rename. */
export async function applyAndSave(edit: vscode.WorkspaceEdit): Promise<boolean> {
  const wasDirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  const ok = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (ok) {
    for (const [uri] of edit.entries()) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      // A sidecar the user was already editing is left for them to save.
      if (doc?.isDirty && !wasDirty.has(uri.toString())) {
        await doc.save();
      }
    }
  }
  return ok;
}

/** The range of a whole text, for a text that is not open as a document. */
export function wholeRange(text: string): vscode.Range {
  const lines = text.split(/\r\n|\r|\n/);
  return new vscode.Range(0, 0, lines.length - 1, lines[lines.length - 1].length);
}

/**
 * Positions in a text that is not open as a document. Line starts are found once, so a
 * symbol search over many articles does not rescan each text for every actor.
 */
export function positionsIn(text: string): (offset: number) => vscode.Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return (offset) => {
    // The last line starting at or before the offset; the first line for an offset before it.
    const line = Math.max(upperBound(starts, offset) - 1, 0);
    return new vscode.Position(line, offset - starts[line]);
  };
}
