// The Problems panel: sidecar problems at their line and column, and anchors whose wording changed on the article (orphans are the linter's).

import * as vscode from 'vscode';
import { anchorState, type Anchor } from '../core/model';
import type { AnnotationStore, ArticleEntry } from './store';

export const DIAGNOSTIC_SOURCE = 'Newsmark';

export function registerDiagnostics(store: AnnotationStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('newsmark');
  /** Sidecar URIs we have set diagnostics on, per article, so stale ones get cleared. */
  const update = (uri: vscode.Uri) => {
    const entry = store.get(uri);
    const sidecarUri = uri.with({ path: `${uri.path}.annotations.yaml` });
    if (!entry) {
      collection.delete(uri);
      collection.delete(sidecarUri);
      return;
    }
    collection.set(entry.sidecarUri, sidecarDiagnostics(entry));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    collection.set(uri, doc ? anchorDiagnostics(entry, doc) : []);
  };
  for (const entry of store.all()) {
    update(entry.uri);
  }
  return vscode.Disposable.from(collection, store.onDidChange(update));
}

function sidecarDiagnostics(entry: ArticleEntry): vscode.Diagnostic[] {
  // Merge conflicts in a sidecar that reads are shown, with their quick fixes, by ./conflicts.
  const problems = entry.annotations ? entry.problems.filter((p) => p.code !== 'merge-conflict') : entry.problems;
  return problems.map((p) => {
    const start = new vscode.Position(p.line - 1, p.column - 1);
    const d = new vscode.Diagnostic(
      new vscode.Range(start, start.translate(0, Math.max(1, Math.min(p.length, 200)))),
      p.message,
      p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
    );
    d.source = DIAGNOSTIC_SOURCE;
    d.code = p.code;
    return d;
  });
}

function anchorDiagnostics(entry: ArticleEntry, doc: vscode.TextDocument): vscode.Diagnostic[] {
  const annotations = entry.annotations;
  if (!annotations) {
    return [];
  }
  const text = doc.getText();
  const out: vscode.Diagnostic[] = [];
  const add = (anchor: Anchor, what: string) => {
    // Orphaned anchors are reported by the linter (src/features/lint.ts), at the severity the user chose.
    const state = anchorState(anchor, text);
    if (state !== 'changed') {
      return;
    }
    const range = new vscode.Range(doc.positionAt(Math.min(anchor.start, text.length)), doc.positionAt(Math.min(anchor.end, text.length)));
    const message = `The wording of this ${what} changed since it was marked; it was “${anchor.quote}”.`;
    const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Information);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = state;
    out.push(d);
  };
  for (const actor of annotations.actors) {
    for (const mention of actor.mentions) {
      add(mention, `mention of ${actor.name}`);
    }
  }
  for (const claim of annotations.claims) {
    add(claim.anchor, `claim ${claim.id}`);
  }
  return out;
}
