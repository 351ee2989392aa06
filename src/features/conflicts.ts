// Merge conflicts in the editor: each in the Problems panel on its annotation and on the sidecar's line, with quick fixes and a hover to keep a side.

import * as vscode from 'vscode';
import { type ConflictLabels, conflictKey, conflictMessage, describeConflict } from '../core/conflicts';
import { type ConflictCommands, conflictMarkdown, conflictsAt, conflictSpan, resolutionTitle, type ResolveArgs } from '../core/conflictView';
import type { Annotations, MergeConflict } from '../core/model';
import { SIDECAR_SUFFIX } from '../core/sidecar';
import { InternalCommand } from './commands/ids';
import { actorTypeLabel, onDidChangeSettings, verdictLabel } from './config';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { ARTICLE_LANGUAGES, type AnnotationStore, type ArticleEntry } from './store';

/** The diagnostic code of a conflict, in the article and in the sidecar alike. */
export const CONFLICT_CODE = 'merge-conflict';

const COMMANDS: ConflictCommands = { resolve: InternalCommand.ResolveConflict, compare: InternalCommand.CompareVerdicts };

export function conflictLabels(): ConflictLabels {
  return { verdict: (id) => verdictLabel(id) ?? id, actorType: actorTypeLabel };
}

function diagnostic(range: vscode.Range, annotations: Annotations, c: MergeConflict, labels: ConflictLabels): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, conflictMessage(c, labels, annotations), vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = CONFLICT_CODE;
  return d;
}

/** Each conflict on its claim's or actor's span; the article's own fields, and annotations not found, on its first line. */
function articleDiagnostics(annotations: Annotations, doc: vscode.TextDocument, labels: ConflictLabels): vscode.Diagnostic[] {
  const length = doc.getText().length;
  return (annotations.conflicts ?? []).map((c) => {
    const span = conflictSpan(annotations, c) ?? { start: 0, end: doc.lineAt(0).range.end.character };
    const range = new vscode.Range(doc.positionAt(Math.min(span.start, length)), doc.positionAt(Math.min(span.end, length)));
    return diagnostic(range, annotations, c, labels);
  });
}

/**
 * Each conflict on its record in the sidecar, where the reader put its warning. The warning
 * is matched by its words rather than its place in the list: between a resolution and the
 * write that follows, the annotations have one conflict fewer than the sidecar on disk.
 */
function sidecarDiagnostics(entry: ArticleEntry, labels: ConflictLabels): vscode.Diagnostic[] {
  const annotations = entry.annotations;
  if (!annotations?.conflicts?.length) {
    return [];
  }
  const out: vscode.Diagnostic[] = [];
  for (const p of entry.problems.filter((problem) => problem.code === CONFLICT_CODE)) {
    const c = annotations.conflicts.find((x) => p.message.startsWith(describeConflict(x)));
    if (c) {
      const start = new vscode.Position(p.line - 1, p.column - 1);
      out.push(diagnostic(new vscode.Range(start, start.translate(0, Math.max(1, Math.min(p.length, 200)))), annotations, c, labels));
    }
  }
  return out;
}

function articleUriOf(sidecar: vscode.Uri): vscode.Uri | undefined {
  return sidecar.path.endsWith(SIDECAR_SUFFIX) ? sidecar.with({ path: sidecar.path.slice(0, -SIDECAR_SUFFIX.length) }) : undefined;
}

/** The article a document is, or whose sidecar it is, when the store holds it. */
function entryFor(store: AnnotationStore, doc: vscode.TextDocument): ArticleEntry | undefined {
  const article = doc.uri.path.endsWith(SIDECAR_SUFFIX) ? articleUriOf(doc.uri) : doc.uri;
  return article && store.get(article);
}

function quickFixes(store: AnnotationStore, doc: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const entry = entryFor(store, doc);
  const annotations = entry?.annotations;
  if (!entry || !annotations?.conflicts?.length) {
    return [];
  }
  const labels = conflictLabels();
  const uri = entry.uri.toString();
  const out: vscode.CodeAction[] = [];
  for (const d of context.diagnostics.filter((x) => x.source === DIAGNOSTIC_SOURCE && x.code === CONFLICT_CODE)) {
    // Diagnostics come back from the editor as plain data: the conflict is found again by what it says.
    const c = annotations.conflicts.find((x) => conflictMessage(x, labels, annotations) === d.message);
    if (!c) {
      continue;
    }
    const conflict = conflictKey(c);
    for (const side of ['ours', 'theirs'] as const) {
      const fix = new vscode.CodeAction(resolutionTitle(c, side, labels, annotations), vscode.CodeActionKind.QuickFix);
      fix.diagnostics = [d];
      fix.command = { title: fix.title, command: COMMANDS.resolve, arguments: [{ uri, conflict, side } satisfies ResolveArgs] };
      out.push(fix);
    }
    if (c.kind === 'claim' && c.field === 'verdict') {
      const compare = new vscode.CodeAction(`Compare verdicts of claim ${c.id}…`, vscode.CodeActionKind.QuickFix);
      compare.diagnostics = [d];
      compare.command = { title: compare.title, command: COMMANDS.compare, arguments: [{ uri, conflict }] };
      out.push(compare);
    }
  }
  return out;
}

/** The conflicts under the cursor, as a hover of their own beside the annotation's: Keep mine and Take theirs are links. */
export function conflictHover(store: AnnotationStore, doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const annotations = store.get(doc.uri)?.annotations;
  const here = annotations ? conflictsAt(annotations, doc.offsetAt(position)) : [];
  if (!annotations || !here.length) {
    return undefined;
  }
  const labels = conflictLabels();
  return new vscode.Hover(here.map((c) => trustedForConflicts(conflictMarkdown(annotations, c, labels, doc.uri.toString(), COMMANDS))));
}

/** Sidecar text is untrusted: the hover may run the two conflict commands and nothing else, and no HTML. */
function trustedForConflicts(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, true);
  md.isTrusted = { enabledCommands: [COMMANDS.resolve, COMMANDS.compare] };
  md.supportHtml = false;
  return md;
}

/**
 * A sidecar opened on its own shows its conflicts too: its article is opened (not shown) so
 * the store reads them, as it would for the article.
 */
async function loadArticleOf(store: AnnotationStore, doc: vscode.TextDocument): Promise<void> {
  const article = articleUriOf(doc.uri);
  if (!article || store.get(article) || !/^conflicts:/m.test(doc.getText())) {
    return;
  }
  try {
    await store.load(await vscode.workspace.openTextDocument(article));
  } catch {
    // No article beside the sidecar: nothing to resolve against, and the reader's warnings say so.
  }
}

export function registerConflicts(store: AnnotationStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('newsmark.conflicts');
  const shown = new Map<string, vscode.Uri>();
  const update = (uri: vscode.Uri) => {
    const entry = store.get(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const labels = conflictLabels();
    const sidecar = shown.get(uri.toString());
    if (!entry?.annotations?.conflicts?.length) {
      collection.delete(uri);
      if (sidecar) {
        collection.delete(sidecar);
        shown.delete(uri.toString());
      }
      return;
    }
    collection.set(uri, doc && !doc.isClosed ? articleDiagnostics(entry.annotations, doc, labels) : []);
    collection.set(entry.sidecarUri, sidecarDiagnostics(entry, labels));
    shown.set(uri.toString(), entry.sidecarUri);
  };
  const updateAll = () => {
    for (const [article, sidecar] of shown) {
      collection.delete(vscode.Uri.parse(article));
      collection.delete(sidecar);
    }
    shown.clear();
    store.all().forEach((entry) => update(entry.uri));
  };
  updateAll();
  const sidecars = { pattern: `**/*${SIDECAR_SUFFIX}` };
  const articles = ARTICLE_LANGUAGES.map((language) => ({ language }));
  const provider: vscode.CodeActionProvider = { provideCodeActions: (doc, _range, context) => quickFixes(store, doc, context) };
  const kinds = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  for (const doc of vscode.workspace.textDocuments) {
    void loadArticleOf(store, doc);
  }
  return vscode.Disposable.from(
    collection,
    store.onDidChange(update),
    onDidChangeSettings(updateAll),
    vscode.languages.registerCodeActionsProvider([...articles, sidecars], provider, kinds),
    vscode.languages.registerHoverProvider(articles, { provideHover: (doc, position) => conflictHover(store, doc, position) }),
    vscode.workspace.onDidOpenTextDocument((doc) => void loadArticleOf(store, doc)),
  );
}
