// Quick fixes for the claim linter where the fix is obvious: add a source, set a verdict, re-attach an orphan to the selection.

import { snippet } from '../core/text';
import * as vscode from 'vscode';
import { lintAnnotations, type LintFinding } from '../core/lint';
import { Command } from './commands/ids';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { lintSeverities } from './lint';
import { ARTICLE_LANGUAGES, type AnnotationStore } from './store';

/**
 * The finding behind a diagnostic. Diagnostics come back from the editor as plain data, so
 * the finding is found again by rule and place rather than carried on the diagnostic.
 */
function findingFor(doc: vscode.TextDocument, findings: readonly LintFinding[], d: vscode.Diagnostic): LintFinding | undefined {
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  return findings.find((f) => f.rule === d.code && f.start === start && f.end === end);
}

function action(title: string, d: vscode.Diagnostic, command: string, args: object, preferred = true): vscode.CodeAction {
  const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  fix.diagnostics = [d];
  fix.isPreferred = preferred;
  fix.command = { title, command, arguments: [args] };
  return fix;
}

export function provideQuickFixes(store: AnnotationStore, doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  const annotations = store.get(doc.uri)?.annotations;
  if (!annotations || (!ours.length && range.isEmpty)) {
    return [];
  }
  const text = doc.getText();
  const findings = lintAnnotations(annotations, lintSeverities(), text.length);
  const uri = doc.uri.toString();
  const out: vscode.CodeAction[] = [];
  for (const d of ours) {
    const finding = findingFor(doc, findings, d);
    if (!finding) {
      continue;
    }
    switch (finding.rule) {
      case 'verdict-no-source':
        out.push(action(`Add a source to claim ${finding.claim}`, d, Command.AddSource, { uri, claim: finding.claim }));
        break;
      case 'checked-no-verdict':
        out.push(action(`Set the verdict of claim ${finding.claim}`, d, Command.SetVerdict, { uri, claim: finding.claim }));
        break;
      case 'orphaned-anchor': {
        // Re-attaching needs the text it belongs to: with nothing selected there is nothing to offer.
        if (range.isEmpty) {
          break;
        }
        const what = finding.claim ? `claim ${finding.claim}` : `the mention “${snippet(finding.anchor?.quote ?? '', 40)}”`;
        const args = finding.claim ? { uri, claim: finding.claim } : { uri, actor: finding.actor, quote: finding.anchor?.quote };
        out.push(action(`Re-attach ${what} to “${snippet(doc.getText(range), 40)}”`, d, Command.ReattachToSelection, args));
        break;
      }
      default:
        break;
    }
  }
  if (!range.isEmpty) {
    // An orphan's diagnostic sits where its text used to be, and the text the user selects to
    // re-attach it is usually elsewhere: offer every orphan for the selection too.
    const offered = new Set(out.map((a) => JSON.stringify(a.command?.arguments)));
    for (const finding of findings.filter((f) => f.rule === 'orphaned-anchor')) {
      const args = finding.claim ? { uri, claim: finding.claim } : { uri, actor: finding.actor, quote: finding.anchor?.quote };
      if (!offered.has(JSON.stringify([args]))) {
        const what = finding.claim ? `orphaned claim ${finding.claim}` : `orphaned mention “${snippet(finding.anchor?.quote ?? '', 40)}”`;
        const fix = new vscode.CodeAction(`Re-attach ${what} to “${snippet(doc.getText(range), 40)}”`, vscode.CodeActionKind.QuickFix);
        fix.command = { title: fix.title, command: Command.ReattachToSelection, arguments: [args] };
        out.push(fix);
      }
    }
  }
  return out;
}

export function registerCodeActions(store: AnnotationStore): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    ARTICLE_LANGUAGES.map((language) => ({ language })),
    { provideCodeActions: (doc, range, context) => provideQuickFixes(store, doc, range, context) },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

