// Hover tooltips over marked spans: who an actor is, and where a claim's check stands.

import * as vscode from 'vscode';
import { describeActor, describeClaim, HOVER_COMMANDS, type Labels } from '../core/describe';
import { annotationsAt } from '../core/operations';
import { actorTypeLabel, verdictLabel } from './config';
import { ARTICLE_LANGUAGES, type AnnotationStore } from './store';

export const hoverLabels: Labels = {
  actorType: actorTypeLabel,
  verdict: (id) => verdictLabel(id) ?? id,
  // Who did what is shown on the fact-checker's own calendar; the sidecar keeps UTC.
  timeZone: 'local',
};

/** The hover at a position, or undefined where nothing is marked. */
export function buildHover(store: AnnotationStore, doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const annotations = store.get(doc.uri)?.annotations;
  if (!annotations) {
    return undefined;
  }
  const offset = doc.offsetAt(position);
  const text = doc.getText();
  const parts: vscode.MarkdownString[] = [];
  let range: vscode.Range | undefined;
  for (const ref of annotationsAt(annotations, offset)) {
    const md =
      ref.kind === 'mention'
        ? describeActor(annotations, ref.actor, hoverLabels, doc.uri.toString(), ref.mention)
        : ref.kind === 'claim'
          ? describeClaim(annotations, ref.claim, text, hoverLabels, doc.uri.toString())
          : undefined;
    if (!md) {
      continue;
    }
    const anchor = ref.kind === 'mention' ? ref.mention : ref.kind === 'claim' ? ref.claim.anchor : undefined;
    if (anchor && !range) {
      range = new vscode.Range(doc.positionAt(anchor.start), doc.positionAt(anchor.end));
    }
    parts.push(trusted(md));
  }
  return parts.length ? new vscode.Hover(parts, range) : undefined;
}

/** Sidecar text is untrusted: only Newsmark's own commands may run from a hover, and no HTML. */
export function trusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, true);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  return md;
}

export function registerHover(store: AnnotationStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    ARTICLE_LANGUAGES.map((language) => ({ language })),
    { provideHover: (doc, position) => buildHover(store, doc, position) },
  );
}
