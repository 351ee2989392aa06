// CodeLens above each claim: where its check stands (status, verdict, sources), clicked to set the verdict, and a lens to find where it was checked before.

import * as vscode from 'vscode';
import type { Claim } from '../core/model';
import { Command } from './commands/ids';
import { onDidChangeSettings, settings, statusLabel, verdictLabel } from './config';
import { ARTICLE_LANGUAGES, type AnnotationStore } from './store';

/** The lens title for a claim, e.g. "c1 · Checked · Mostly true · 1 source". */
export function claimLensTitle(claim: Claim): string {
  const sources = claim.sources.length;
  return [claim.id, statusLabel(claim.status), claim.verdict ? verdictLabel(claim.verdict) : 'no verdict', `${sources} ${sources === 1 ? 'source' : 'sources'}`].join(' · ');
}

export function registerCodeLens(store: AnnotationStore): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
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
      return annotations.claims
        .filter((claim) => !claim.anchor.orphaned)
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
  );
}
