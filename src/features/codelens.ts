// CodeLens above each claim: where its check stands (status, verdict, sources), clicked to set the verdict, and a lens to find where it was checked before; in a long article, only around what is shown.

import * as vscode from 'vscode';
import { ALL_LENSES_UP_TO, type LineSpan, lensWindow, windowOutgrown } from '../core/lensWindow';
import type { Claim } from '../core/model';
import { Command } from './commands/ids';
import { onDidChangeSettings, settings, statusLabel, verdictLabel } from './config';
import { ARTICLE_LANGUAGES, type AnnotationStore } from './store';

/** The lens title for a claim, e.g. "c1 · Checked · Mostly true · 1 source". */
export function claimLensTitle(claim: Claim): string {
  const sources = claim.sources.length;
  return [claim.id, statusLabel(claim.status), claim.verdict ? verdictLabel(claim.verdict) : 'no verdict', `${sources} ${sources === 1 ? 'source' : 'sources'}`].join(' · ');
}

/** The lines shown of an article, in every editor that shows it. */
function shownLines(doc: vscode.TextDocument): LineSpan[] {
  return vscode.window.visibleTextEditors
    .filter((editor) => editor.document === doc)
    .flatMap((editor) => editor.visibleRanges.map((range) => ({ start: range.start.line, end: range.end.line })));
}

export function registerCodeLens(store: AnnotationStore): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  /** The lines served with lenses, per long article (see core/lensWindow); a short one has all its lenses. */
  const served = new Map<string, LineSpan>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc) {
      if (!settings().codeLens) {
        return [];
      }
      const annotations = store.get(doc.uri)?.annotations;
      if (!annotations) {
        return [];
      }
      const uri = doc.uri.toString();
      let from = 0;
      let to = Infinity;
      if (annotations.claims.length > ALL_LENSES_UP_TO) {
        const lines = lensWindow(shownLines(doc), doc.lineCount);
        served.set(uri, lines);
        from = doc.offsetAt(new vscode.Position(lines.start, 0));
        to = doc.offsetAt(doc.lineAt(lines.end).range.end);
      } else {
        served.delete(uri);
      }
      return annotations.claims
        .filter((claim) => !claim.anchor.orphaned && claim.anchor.start >= from && claim.anchor.start <= to)
        .sort((a, b) => a.anchor.start - b.anchor.start)
        .flatMap((claim) => {
          const at = new vscode.Range(doc.positionAt(claim.anchor.start), doc.positionAt(claim.anchor.start));
          return [
            new vscode.CodeLens(at, { title: claimLensTitle(claim), tooltip: `Set the verdict of claim ${claim.id}`, command: Command.SetVerdict, arguments: [{ uri, claim: claim.id }] }),
            new vscode.CodeLens(at, {
              title: 'Find Similar Claims',
              tooltip: `Look for where claim ${claim.id} was checked before, in the workspace and the imported fact-checks`,
              command: Command.FindSimilarClaims,
              arguments: [{ uri, claim: claim.id }],
            }),
          ];
        });
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider(
      ARTICLE_LANGUAGES.map((language) => ({ language })),
      provider,
    ),
    store.onDidChange(() => changed.fire()),
    onDidChangeSettings(() => changed.fire()),
    vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => {
      const lines = served.get(textEditor.document.uri.toString());
      if (lines && windowOutgrown(lines, shownLines(textEditor.document), textEditor.document.lineCount)) {
        changed.fire();
      }
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => served.delete(doc.uri.toString())),
  );
}
