// Compare Annotations With…: another annotator's marks on this article (a branch, a revision or another sidecar), as a tree of differences with agreement figures, highlights and Take Theirs.

import * as vscode from 'vscode';
import { compareAnnotations, type Difference, differenceKey, measureAgreement, startOf, takeTheirs } from '../core/agreement';
import { reattachAnnotations } from '../core/anchoring';
import { branches, fileAtRevision, GitError } from '../core/git';
import type { Annotations } from '../core/model';
import { decodeSidecar } from '../core/sidecar';
import { DEFAULT_VERDICT_SCALE } from '../core/verdicts';
import { Command, InternalCommand } from './commands/ids';
import { actorTypeLabel, verdictLabel } from './config';
import { readTextIfExists } from './fileio';
import { type AnnotationStore, basename, sidecarUriFor } from './store';

const VIEW = 'newsmark.comparison';
const COMPARING = 'newsmark.comparing';

/** What the user compares with: a git revision of this article's sidecar, or another sidecar file. */
export type CompareSource = { revision: string } | { file: vscode.Uri };

interface Comparison {
  article: vscode.Uri;
  /** How the other side is named in the view: "main", "HEAD~1", "colleague.yaml". */
  label: string;
  theirs: Annotations;
}

type Node =
  | { kind: 'figures'; text: string; tooltip: string }
  | { kind: 'group'; label: string; differences: Difference[] }
  | { kind: 'difference'; difference: Difference };

const GROUPS: { label: string; test: (d: Difference) => boolean }[] = [
  { label: 'Only mine', test: (d) => d.kind === 'only-mine' },
  { label: 'Only theirs', test: (d) => d.kind === 'only-theirs' },
  { label: 'Different type', test: (d) => d.kind === 'different-type' },
  { label: 'Different verdict', test: (d) => d.kind === 'different-verdict' },
];

function describe(d: Difference): { label: string; description: string } {
  switch (d.kind) {
    case 'different-type':
      return { label: d.mine.mention.quote, description: `mine ${actorTypeLabel(d.mine.actor.type)}, theirs ${actorTypeLabel(d.theirs.actor.type)}` };
    case 'different-verdict':
      return {
        label: d.mine.anchor.quote,
        description: `mine ${verdictLabel(d.mine.verdict) ?? 'no verdict'}, theirs ${verdictLabel(d.theirs.verdict) ?? 'no verdict'}`,
      };
    default:
      return d.what === 'mention'
        ? { label: d.mention.quote, description: `mention of ${d.actor.name}` }
        : { label: d.claim.anchor.quote, description: `claim${d.claim.verdict ? `, ${verdictLabel(d.claim.verdict) ?? d.claim.verdict}` : ''}` };
  }
}

function percent(x: number | undefined): string {
  return x === undefined ? '–' : `${Math.round(x * 100)}%`;
}

function round(x: number | undefined): string {
  return x === undefined ? '–' : x.toFixed(2);
}

/** The agreement figures of the two sides, in one line and in a tooltip that says what each is. */
function figures(mine: Annotations, theirs: Annotations): { text: string; tooltip: string } {
  const { overall } = measureAgreement([{ article: 'this', versions: [mine, theirs] }], DEFAULT_VERDICT_SCALE);
  return {
    text: `Mentions ${percent(overall.mentions.overlap)} · types κ ${round(overall.actorTypes.kappa)} · claims ${percent(overall.claims.overlap)} · verdicts κ ${round(overall.verdicts.kappa)}`,
    tooltip: [
      `Mention spans F1: ${percent(overall.mentions.overlap)} overlapping, ${percent(overall.mentions.exact)} exact`,
      `Actor types on matched mentions: Cohen's κ ${round(overall.actorTypes.kappa)} (${overall.actorTypes.units} matched)`,
      `Claim spans F1: ${percent(overall.claims.overlap)} overlapping, ${percent(overall.claims.exact)} exact`,
      `Verdicts on matched claims: Cohen's κ ${round(overall.verdicts.kappa)}, Krippendorff's α ordinal ${round(overall.verdicts.alphaOrdinal)} (${overall.verdicts.units} matched)`,
    ].join('\n'),
  };
}

class ComparisonTree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  comparison: Comparison | undefined;

  constructor(private readonly store: AnnotationStore) {}

  refresh(): void {
    this.emitter.fire();
  }

  differences(): Difference[] {
    const mine = this.comparison && this.store.get(this.comparison.article)?.annotations;
    return mine && this.comparison ? compareAnnotations(mine, this.comparison.theirs) : [];
  }

  getChildren(node?: Node): Node[] {
    const mine = this.comparison && this.store.get(this.comparison.article)?.annotations;
    if (!this.comparison || !mine) {
      return [];
    }
    if (!node) {
      const all = this.differences();
      const groups: Node[] = GROUPS.map((g) => ({ kind: 'group' as const, label: g.label, differences: all.filter(g.test) })).filter((g) => g.differences.length);
      return [{ kind: 'figures', ...figures(mine, this.comparison.theirs) }, ...groups];
    }
    return node.kind === 'group' ? node.differences.map((difference) => ({ kind: 'difference' as const, difference })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'figures') {
      const item = new vscode.TreeItem(node.text);
      item.iconPath = new vscode.ThemeIcon('graph');
      item.tooltip = node.tooltip;
      item.id = 'figures';
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(`${node.label} (${node.differences.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.label}`;
      return item;
    }
    const { label, description } = describe(node.difference);
    const item = new vscode.TreeItem(label.replace(/\s+/g, ' '));
    item.description = description;
    item.id = differenceKey(node.difference);
    item.contextValue = 'difference';
    item.command = { command: InternalCommand.RevealDifference, title: 'Show', arguments: [differenceKey(node.difference)] };
    return item;
  }
}

async function readTheirs(article: vscode.Uri, source: CompareSource, text: string): Promise<{ annotations: Annotations; label: string }> {
  const sidecar = sidecarUriFor(article);
  const label = 'revision' in source ? source.revision : basename(source.file);
  const raw = 'revision' in source ? await fileAtRevision(sidecar.fsPath, source.revision) : await readTextIfExists(source.file);
  if (raw === undefined) {
    throw new GitError('revision' in source ? `${basename(sidecar)} does not exist at ${source.revision}.` : `${label} cannot be read.`);
  }
  const decoded = decodeSidecar(raw, text);
  if (!decoded.annotations) {
    const p = decoded.problems.find((x) => x.severity === 'error');
    throw new GitError(`The other sidecar (${label}) cannot be read: line ${p?.line}, column ${p?.column}: ${p?.message}`);
  }
  if (decoded.stale) {
    // Written for another version of the article: find its anchors in this one first.
    reattachAnnotations(text, decoded.annotations);
  }
  return { annotations: decoded.annotations, label };
}

async function pickSource(article: vscode.Uri): Promise<CompareSource | undefined> {
  const known = await branches(article.fsPath).catch(() => []);
  const revision = '$(git-commit) A revision…';
  const file = '$(file) Another sidecar…';
  const choice = await vscode.window.showQuickPick([...known.map((b) => `$(git-branch) ${b}`), revision, file], {
    title: `Compare the annotations of ${basename(article)} with…`,
    placeHolder: 'A branch, a revision, or another annotator’s sidecar',
  });
  if (!choice) {
    return undefined;
  }
  if (choice === file) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Sidecars: ['yaml'] }, openLabel: 'Compare' });
    return picked?.[0] && { file: picked[0] };
  }
  if (choice === revision) {
    const typed = await vscode.window.showInputBox({ title: 'Compare with a revision', prompt: 'A branch, tag or commit, such as HEAD~1', validateInput: (v) => (v.trim() ? undefined : 'Type a revision') });
    return typed?.trim() ? { revision: typed.trim() } : undefined;
  }
  return { revision: choice.replace(/^\$\(git-branch\) /, '') };
}

/** The highlights of the differences in the article: dashed where only they marked, dotted where they marked differently. */
class DifferenceHighlights implements vscode.Disposable {
  private readonly theirsOnly = vscode.window.createTextEditorDecorationType({
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('newsmark.comparison.theirs'),
    overviewRulerColor: new vscode.ThemeColor('newsmark.comparison.theirs'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private readonly different = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    overviewRulerColor: new vscode.ThemeColor('newsmark.comparison.different'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });

  constructor(private readonly tree: ComparisonTree) {}

  paint(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const here = this.tree.comparison && editor.document.uri.toString() === this.tree.comparison.article.toString();
      const all = here ? this.tree.differences() : [];
      const range = (start: number, end: number) => new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
      const theirs = all.flatMap((d) => (d.kind === 'only-theirs' ? [d.what === 'mention' ? d.mention : d.claim.anchor] : []));
      const changed = all.flatMap((d) => (d.kind === 'different-type' ? [d.mine.mention] : d.kind === 'different-verdict' ? [d.mine.anchor] : []));
      editor.setDecorations(this.theirsOnly, theirs.map((a) => ({ range: range(a.start, a.end), hoverMessage: 'Only theirs' })));
      editor.setDecorations(this.different, changed.map((a) => ({ range: range(a.start, a.end), hoverMessage: 'Marked differently by them' })));
    }
  }

  dispose(): void {
    this.theirsOnly.dispose();
    this.different.dispose();
  }
}

/** A difference named by its key, or by the tree item it was clicked on. */
function keyOf(arg: unknown): string | undefined {
  return typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'difference' in arg ? differenceKey((arg as { difference: Difference }).difference) : undefined;
}

/** The commands of a comparison, acting on the one comparison the view shows. */
class ComparisonCommands {
  constructor(
    private readonly store: AnnotationStore,
    private readonly tree: ComparisonTree,
    private readonly view: vscode.TreeView<Node>,
    private readonly highlights: DifferenceHighlights,
  ) {}

  refresh(): void {
    const comparison = this.tree.comparison;
    this.view.message = comparison ? `${basename(comparison.article)}: mine against ${comparison.label}` : undefined;
    this.tree.refresh();
    this.highlights.paint();
  }

  async compareWith(source?: CompareSource): Promise<{ differences: number; figures: string } | undefined> {
    const editor = vscode.window.activeTextEditor;
    const entry = editor && (await this.store.load(editor.document));
    if (!editor || !entry?.annotations) {
      void vscode.window.showInformationMessage('Open an annotated article to compare its annotations with another annotator’s.');
      return undefined;
    }
    const chosen = source ?? (await pickSource(editor.document.uri));
    if (!chosen) {
      return undefined;
    }
    try {
      const { annotations, label } = await readTheirs(editor.document.uri, chosen, editor.document.getText());
      this.tree.comparison = { article: editor.document.uri, label, theirs: annotations };
    } catch (err) {
      void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
      return undefined;
    }
    await vscode.commands.executeCommand('setContext', COMPARING, true);
    this.refresh();
    await vscode.commands.executeCommand(`${VIEW}.focus`);
    return { differences: this.tree.differences().length, figures: figures(entry.annotations, this.tree.comparison.theirs).text };
  }

  async takeTheirs(key?: unknown): Promise<string | undefined> {
    const comparison = this.tree.comparison;
    if (!comparison || !this.find(key)) {
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(comparison.article);
    // Found again inside the change: the annotations may have been read anew since the tree was drawn.
    const wanted = keyOf(key);
    const said = this.store.update(doc, (annotations) => {
      const d = compareAnnotations(annotations, comparison.theirs).find((x) => differenceKey(x) === wanted);
      return d ? takeTheirs(annotations, d) : undefined;
    });
    if (said) {
      void vscode.window.setStatusBarMessage(`Newsmark: ${said}`, 5000);
    }
    this.refresh();
    return said;
  }

  async reveal(key?: unknown): Promise<void> {
    const d = this.find(key);
    if (!d || !this.tree.comparison) {
      return;
    }
    const editor = await vscode.window.showTextDocument(this.tree.comparison.article, { preserveFocus: true });
    const start = editor.document.positionAt(startOf(d));
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async stop(): Promise<void> {
    this.tree.comparison = undefined;
    await vscode.commands.executeCommand('setContext', COMPARING, false);
    this.refresh();
  }

  private find(arg: unknown): Difference | undefined {
    return this.tree.differences().find((d) => differenceKey(d) === keyOf(arg));
  }
}

export function registerCompare(store: AnnotationStore): vscode.Disposable {
  const tree = new ComparisonTree(store);
  const view = vscode.window.createTreeView(VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const highlights = new DifferenceHighlights(tree);
  const commands = new ComparisonCommands(store, tree, view, highlights);
  return vscode.Disposable.from(
    view,
    highlights,
    vscode.commands.registerCommand(Command.CompareWith, (source?: CompareSource) => commands.compareWith(source)),
    vscode.commands.registerCommand(InternalCommand.TakeTheirs, (key?: unknown) => commands.takeTheirs(key)),
    vscode.commands.registerCommand(InternalCommand.RevealDifference, (key?: unknown) => commands.reveal(key)),
    vscode.commands.registerCommand(Command.StopComparing, () => commands.stop()),
    store.onDidChange((uri) => {
      if (tree.comparison && uri.toString() === tree.comparison.article.toString()) {
        commands.refresh();
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => highlights.paint()),
  );
}
