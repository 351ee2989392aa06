// The claim linter in the Problems panel: findings on each open article, at the severity the user set for each rule.

import * as vscode from 'vscode';
import { lintAnnotations, type LintFinding, type LintRule, type LintSeverity } from '../core/lint';
import { onDidChangeSettings, settings, verdictLabel } from './config';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { AnnotationStore } from './store';

export function lintSeverities(): Record<LintRule, LintSeverity> {
  return settings().lint;
}

const SEVERITY: Record<LintFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function lintDiagnostics(doc: vscode.TextDocument, findings: readonly LintFinding[]): vscode.Diagnostic[] {
  return findings.map((finding) => {
    const range = new vscode.Range(doc.positionAt(finding.start), doc.positionAt(finding.end));
    const d = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = finding.rule;
    return d;
  });
}

export function registerLint(store: AnnotationStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('newsmark.lint');
  const update = (uri: vscode.Uri) => {
    const annotations = store.get(uri)?.annotations;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!annotations || !doc || doc.isClosed) {
      collection.delete(uri);
      return;
    }
    const findings = lintAnnotations(annotations, lintSeverities(), doc.getText().length, { verdict: (id) => verdictLabel(id) ?? id });
    collection.set(uri, lintDiagnostics(doc, findings));
  };
  const updateAll = () => {
    collection.clear();
    for (const entry of store.all()) {
      update(entry.uri);
    }
  };
  // Nothing to clear yet: a new collection is empty.
  for (const entry of store.all()) {
    update(entry.uri);
  }
  return vscode.Disposable.from(collection, store.onDidChange(update), onDidChangeSettings(updateAll));
}
