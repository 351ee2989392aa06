// The Actors and Assertions views: the active article by default, or every article in the workspace.

import { snippet } from '../core/text';
import * as vscode from 'vscode';
import { type Actor, type Anchor, type Annotations, anchorState, type Claim, CLAIM_STATUSES, type Mention, type Source } from '../core/model';
import { claimProvenance, madeBy } from '../core/provenance';
import { PAGE_ROWS } from '../core/workspacePages';
import { actorTypeLabel, actorTypes, statusLabel, verdictLabel, verdicts, actorTypeIcon } from './config';
import { InternalCommand } from './commands/ids';
import { childIds } from '../core/treeIds';
import { type AnnotationStore, type ArticleEntry, basename } from './store';
import type { WorkspaceIndex } from './workspaceIndex';
import { actorRoots, claimRoots, type Labels, type Orphan, orphansOf, workspaceChildren, type WorkspaceRow } from './workspaceTree';

/** Whether the views show the active article or the whole workspace; one instance, owned by activate(). */
export class ViewScope implements vscode.Disposable {
  private value: 'article' | 'workspace' = 'article';
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  get current(): 'article' | 'workspace' {
    return this.value;
  }

  set(value: 'article' | 'workspace'): void {
    if (this.value !== value) {
      this.value = value;
      void vscode.commands.executeCommand('setContext', 'newsmark.scope', value);
      this.emitter.fire();
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** An article's annotations as a view sees them. */
export interface ArticleView {
  uri: vscode.Uri;
  annotations: Annotations;
  text?: string;
}

/** A row of a view; `id` is given by the parent (see childIds) so it is unique for any annotations. */
export type TreeNode = TreeRow & { id?: string };

type TreeRow =
  | WorkspaceRow
  | { kind: 'type'; type: string; actors: { article: ArticleView; actor: Actor }[] }
  | { kind: 'actor'; article: ArticleView; actor: Actor; showArticle?: boolean }
  | { kind: 'mention'; article: ArticleView; actor: Actor; mention: Mention }
  | { kind: 'orphans'; items: Orphan[] }
  | { kind: 'orphan'; article: ArticleView; anchor: Anchor; actor?: Actor; claim?: Claim }
  | { kind: 'group'; group: string; label: string; claims: { article: ArticleView; claim: Claim }[] }
  | { kind: 'claim'; article: ArticleView; claim: Claim; showArticle?: boolean }
  | { kind: 'claimant'; article: ArticleView; claim: Claim; actor?: Actor }
  | { kind: 'source'; article: ArticleView; claim: Claim; source: Source }
  | { kind: 'note'; article: ArticleView; claim?: Claim; actor?: Actor; text: string };

abstract class NewsmarkTree implements vscode.TreeDataProvider<TreeNode> {
  protected readonly emitter = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly listed = new vscode.EventEmitter<void>();
  /** Fired after the view is given a row's children, once the view can have taken them in. */
  readonly onDidList = this.listed.event;

  /** Rows the user expanded or collapsed, by id, so a refresh or a scope switch keeps them so. */
  readonly expansion = new Map<string, vscode.TreeItemCollapsibleState>();

  constructor(
    protected readonly store: AnnotationStore,
    protected readonly index: WorkspaceIndex,
    protected readonly scope: ViewScope,
    readonly rootId: string,
  ) {}

  /** The article entry the view shows in article scope: the active editor's, or the one beside a sidecar or other file. */
  shownEntry(): { entry: ArticleEntry; editor?: vscode.TextEditor } | undefined {
    const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
    const editor = editors.find((e) => e && this.store.get(e.document.uri));
    const entry = editor ? this.store.get(editor.document.uri) : undefined;
    return entry && { entry, editor };
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = await this.children(node);
    const ids = childIds(node?.id ?? this.rootId, children.map(rowKey));
    setTimeout(() => this.listed.fire(), 0);
    return children.map((child, i) => ({ ...child, id: ids[i] }));
  }

  protected abstract children(node?: TreeNode): Promise<TreeNode[]>;

  refresh(): void {
    this.emitter.fire();
  }

  /** The article the view shows in article scope, with its annotations; none when it has no readable sidecar. */
  protected shownArticle(): ArticleView[] {
    // With the sidecar or another non-article editor in front, keep showing the article beside it.
    const shown = this.shownEntry();
    const annotations = shown?.entry.annotations;
    return shown && annotations ? [{ uri: shown.entry.uri, annotations, text: shown.editor?.document.getText() }] : [];
  }

  /** Orphaned mentions belong in the Actors view, orphaned claims in the Assertions view. */
  protected orphansNode(articles: ArticleView[], of: 'mentions' | 'claims'): TreeNode | undefined {
    const items = articles.flatMap((article) => orphansOf(article, of));
    return items.length ? { kind: 'orphans', items } : undefined;
  }

  /** How many children a workspace row lists, at most, before its "Show more" row. */
  private readonly limits = new Map<string, number>();

  protected limitOf(node: TreeNode): number {
    return (node.id && this.limits.get(node.id)) || PAGE_ROWS;
  }

  /** Lists another page of a workspace row's children (its "Show more" row); false if the row is not this view's. */
  showMore(parent: string): boolean {
    if (!parent.startsWith(`${this.rootId}/`)) {
      return false;
    }
    this.limits.set(parent, (this.limits.get(parent) ?? PAGE_ROWS) + PAGE_ROWS);
    // The whole view is refreshed, not the row: the row object last given may be one the view
    // dropped (a refresh it started again before showing it), and a refresh of a row the view
    // does not hold does nothing, so the page would never come. Rows keep their ids, so what is
    // expanded stays expanded, and each page is read from the records and a few articles.
    this.refresh();
    return true;
  }

  /** The "checked before" text of a claim, when the archive of claims checked before is built. */
  checkedBefore: ((uri: vscode.Uri, claim: Claim) => string | undefined) | undefined;

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = treeItem(node);
    const before = node.kind === 'claim' ? this.checkedBefore?.(node.article.uri, node.claim) : undefined;
    if (before) {
      item.description = [item.description, before].filter(Boolean).join(' · ');
      item.tooltip = claimTooltip((node as { claim: Claim }).claim, `${before[0].toUpperCase()}${before.slice(1)}`);
    }
    const kept = node.id ? this.expansion.get(node.id) : undefined;
    if (kept !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      item.collapsibleState = kept;
    }
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
    this.listed.dispose();
  }
}

export class ActorsTree extends NewsmarkTree {
  constructor(store: AnnotationStore, index: WorkspaceIndex, scope: ViewScope) {
    super(store, index, scope, 'actors');
  }

  protected async children(node?: TreeNode): Promise<TreeNode[]> {
    const workspace = this.scope.current === 'workspace';
    if (!node) {
      if (workspace) {
        return actorRoots(this.index, labels());
      }
      const articles = this.shownArticle();
      const all = articles.flatMap((article) => article.annotations.actors.map((actor) => ({ article, actor })));
      const rank = labels().rank;
      const types = [...new Set(all.map((x) => x.actor.type))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      const out: TreeNode[] = types.map((type): TreeNode => ({ kind: 'type', type, actors: all.filter((x) => x.actor.type === type) }));
      const orphans = this.orphansNode(articles, 'mentions');
      return orphans ? [...out, orphans] : out;
    }
    switch (node.kind) {
      case 'type':
        return [...node.actors]
          .sort((a, b) => a.actor.name.localeCompare(b.actor.name))
          .map(({ article, actor }) => ({ kind: 'actor', article, actor }));
      case 'actor': {
        const mentions = node.actor.mentions.filter((m) => !m.orphaned).map((mention): TreeNode => ({ kind: 'mention', article: node.article, actor: node.actor, mention }));
        return node.actor.notes ? [...mentions, { kind: 'note', article: node.article, actor: node.actor, text: node.actor.notes }] : mentions;
      }
      case 'orphans':
        return node.items.map((item) => ({ kind: 'orphan', ...item }));
      default:
        return workspaceChildren(this.index, node, this.limitOf(node));
    }
  }
}

export class AssertionsTree extends NewsmarkTree {
  constructor(store: AnnotationStore, index: WorkspaceIndex, scope: ViewScope) {
    super(store, index, scope, 'assertions');
  }

  protected async children(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      if (this.scope.current === 'workspace') {
        return claimRoots(this.index, labels());
      }
      const articles = this.shownArticle();
      const claims = articles.flatMap((article) => article.annotations.claims.filter((c) => !c.anchor.orphaned).map((claim) => ({ article, claim })));
      const groups: TreeNode[] = [];
      for (const status of CLAIM_STATUSES) {
        if (status === 'checked') {
          continue;
        }
        const inGroup = claims.filter((c) => c.claim.status === status);
        if (inGroup.length) {
          groups.push({ kind: 'group', group: status, label: statusLabel(status), claims: inGroup });
        }
      }
      const checked = claims.filter((c) => c.claim.status === 'checked');
      const verdictRank = labels().verdictRank;
      const verdictIds = [...new Set(checked.map((c) => c.claim.verdict ?? ''))].sort((a, b) => verdictRank(a) - verdictRank(b));
      for (const verdict of verdictIds) {
        const inGroup = checked.filter((c) => (c.claim.verdict ?? '') === verdict);
        groups.push({
          kind: 'group',
          group: `checked:${verdict}`,
          label: verdict ? `${statusLabel('checked')} · ${verdictLabel(verdict)}` : `${statusLabel('checked')} · no verdict`,
          claims: inGroup,
        });
      }
      const orphans = this.orphansNode(articles, 'claims');
      return orphans ? [...groups, orphans] : groups;
    }
    switch (node.kind) {
      case 'group':
        return [...node.claims].sort((a, b) => a.claim.anchor.start - b.claim.anchor.start).map(({ article, claim }) => ({ kind: 'claim', article, claim }));
      case 'claim': {
        const children: TreeNode[] = [
          {
            kind: 'claimant',
            article: node.article,
            claim: node.claim,
            actor: node.article.annotations.actors.find((a) => a.id === node.claim.claimant),
          },
        ];
        children.push(...node.claim.sources.map((source): TreeNode => ({ kind: 'source', article: node.article, claim: node.claim, source })));
        if (node.claim.notes) {
          children.push({ kind: 'note', article: node.article, claim: node.claim, text: node.claim.notes });
        }
        return children;
      }
      case 'orphans':
        return node.items.map((item) => ({ kind: 'orphan', ...item }));
      default:
        return workspaceChildren(this.index, node, this.limitOf(node));
    }
  }
}

/** The settings' order and names of actor types, verdicts and statuses. */
function labels(): Labels {
  const order = actorTypes().map((t) => t.id);
  const scale = verdicts().map((v) => v.id);
  const rankIn = (list: string[]) => (id: string) => (list.includes(id) ? list.indexOf(id) : list.length);
  return { rank: rankIn(order), verdictRank: rankIn(scale), status: (s) => statusLabel(s as Claim['status']), verdict: (v) => verdictLabel(v) ?? v };
}



/** Line and column (from 1) of an offset, as the editor shows them. */
function placeOf(text: string | undefined, offset: number): { line: number; column: number } | undefined {
  if (text === undefined) {
    return undefined;
  }
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The words around a mention, so two rows "Armenia" on one line can be told apart. */
function contextOf(anchor: Anchor): string {
  const before = anchor.prefix.replace(/\s+/g, ' ').trimStart().slice(-18);
  const after = anchor.suffix.replace(/\s+/g, ' ').trimEnd().slice(0, 18);
  return `…${before}${snippet(anchor.quote, 30)}${after}…`;
}

/** The key that tells a row from its siblings; childIds makes the ids unique from these. */
export function rowKey(node: TreeNode): string {
  switch (node.kind) {
    case 'type':
    case 'workspaceType':
      return `type:${node.type}`;
    case 'actor':
      return `actor:${node.article.uri.toString()}#${node.actor.id}`;
    case 'workspaceActor':
      return `wsactor:${node.group.key}`;
    case 'mention':
      return `mention:${node.mention.start}-${node.mention.end}`;
    case 'orphans':
    case 'workspaceOrphans':
      return 'orphans';
    case 'more':
      // Each page's row is a new row: the one clicked stays selected, and a click on a row
      // already selected changes no selection, so a row kept from page to page would list one page.
      return `more:${node.shown}`;
    case 'orphan':
      return `orphan:${node.article.uri.toString()}#${node.claim ? `claim:${node.claim.id}` : `${node.actor?.id}@${node.anchor.start}`}`;
    case 'group':
    case 'workspaceGroup':
      return `group:${node.group}`;
    case 'claim':
      return `claim:${node.article.uri.toString()}#${node.claim.id}`;
    case 'claimant':
      return 'claimant';
    case 'source':
      return `source:${node.source.url}`;
    case 'note':
      return 'note';
  }
}

function revealCommand(article: ArticleView, anchor: Anchor): vscode.Command {
  return {
    command: InternalCommand.RevealAnchor,
    title: 'Reveal in Article',
    // The keyboard stays in the view: a selected mention in a focused editor would be overwritten by the next key.
    arguments: [{ uri: article.uri.toString(), start: anchor.start, end: anchor.end, focus: false }],
  };
}


function statusIcon(claim: Claim): vscode.ThemeIcon {
  if (claim.status === 'unchecked') {
    return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('newsmark.claim.unchecked'));
  }
  if (claim.status === 'in-progress') {
    return new vscode.ThemeIcon('sync', new vscode.ThemeColor('newsmark.claim.inProgress'));
  }
  const color = verdicts().find((v) => v.id === claim.verdict)?.color;
  return new vscode.ThemeIcon('pass-filled', color ? new vscode.ThemeColor(color) : undefined);
}

function capitalised(text: string | undefined): string | undefined {
  return text && text[0].toUpperCase() + text.slice(1);
}

/** A claim's tooltip: its words, who marked it and who last reviewed it (on the local calendar), and what else there is to say. */
function claimTooltip(claim: Claim, more?: string): vscode.MarkdownString {
  const lines = [claim.anchor.quote, capitalised(claimProvenance(claim, 'local')), more].filter(Boolean);
  return new vscode.MarkdownString().appendText(lines.join('\n\n'));
}

export function treeItem(node: TreeNode): vscode.TreeItem {
  const item = rowItem(node);
  item.id = node.id;
  return item;
}

function rowItem(node: TreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'group':
    case 'workspaceGroup':
    case 'claim':
    case 'claimant':
    case 'source':
    case 'note':
      return claimRowItem(node);
    case 'more': {
      const item = new vscode.TreeItem('Show more', vscode.TreeItemCollapsibleState.None);
      item.description = `${node.shown.toLocaleString('en')} of ${node.total.toLocaleString('en')} shown`;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.tooltip = 'List the next rows';
      return item;
    }
    default:
      return actorRowItem(node);
  }
}

/** Rows of the Actors view: types, actors, mentions, orphans. */
function actorRowItem(node: Exclude<TreeNode, { kind: 'group' | 'workspaceGroup' | 'claim' | 'claimant' | 'source' | 'note' | 'more' }>): vscode.TreeItem {
  const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
  switch (node.kind) {
    case 'type':
    case 'workspaceType': {
      const count = node.kind === 'type' ? node.actors.length : node.groups.length;
      const item = new vscode.TreeItem(actorTypeLabel(node.type), Expanded);
      item.description = String(count);
      item.iconPath = actorTypeIcon(node.type);
      item.contextValue = 'actorType';
      return item;
    }
    case 'actor': {
      const live = node.actor.mentions.filter((m) => !m.orphaned).length;
      const item = new vscode.TreeItem(node.showArticle ? basename(node.article.uri) : node.actor.name, live ? Collapsed : None);
      item.description = `${live} ${live === 1 ? 'mention' : 'mentions'}`;
      item.tooltip = `${node.actor.name} (${actorTypeLabel(node.actor.type)})${node.actor.aliases?.length ? `\nAlso called: ${node.actor.aliases.join(', ')}` : ''}`;
      item.iconPath = node.showArticle ? vscode.ThemeIcon.File : actorTypeIcon(node.actor.type);
      item.resourceUri = node.showArticle ? node.article.uri : undefined;
      item.contextValue = 'actor';
      const first = node.actor.mentions.find((m) => !m.orphaned);
      if (first) {
        item.command = revealCommand(node.article, first);
      }
      return item;
    }
    case 'workspaceActor': {
      const mentions = node.group.appearances.reduce((n, a) => n + a.actor.count, 0);
      const item = new vscode.TreeItem(node.group.name, Collapsed);
      const articles = node.group.appearances.length;
      item.description = `${articles} ${articles === 1 ? 'article' : 'articles'} · ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}`;
      item.iconPath = actorTypeIcon(node.group.type);
      item.contextValue = 'workspaceActor';
      return item;
    }
    case 'mention': {
      const item = new vscode.TreeItem(snippet(node.mention.quote), None);
      const at = placeOf(node.article.text, node.mention.start);
      const state = node.article.text !== undefined ? anchorState(node.mention, node.article.text) : 'attached';
      item.description = [at ? `line ${at.line}:${at.column}` : '', contextOf(node.mention), state === 'changed' ? 'text changed' : ''].filter(Boolean).join(' · ');
      item.tooltip = [`${node.mention.prefix}[${node.mention.quote}]${node.mention.suffix}`, capitalised(madeBy('marked', node.mention.by, node.mention.at, 'local'))].filter(Boolean).join('\n');
      item.iconPath = new vscode.ThemeIcon(state === 'changed' ? 'warning' : 'mention');
      item.contextValue = state === 'changed' ? 'mention changed' : 'mention';
      item.command = revealCommand(node.article, node.mention);
      return item;
    }
    case 'orphans':
    case 'workspaceOrphans': {
      const item = new vscode.TreeItem('Orphaned', Expanded);
      item.description = String(node.kind === 'orphans' ? node.items.length : node.count);
      item.tooltip = 'Annotations whose text was not found after the article changed. They are kept; select the text and run Re-attach to Selection.';
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('newsmark.orphaned'));
      item.contextValue = 'orphans';
      return item;
    }
    case 'orphan': {
      const item = new vscode.TreeItem(`“${snippet(node.anchor.quote)}”`, None);
      item.description = node.claim ? `claim ${node.claim.id}` : `mention of ${node.actor?.name}`;
      item.tooltip = `Not found in ${basename(node.article.uri)}. Kept in the sidecar with its quote, which stood in ${contextOf(node.anchor)}`;
      item.iconPath = new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('newsmark.orphaned'));
      item.contextValue = 'orphan';
      item.command = revealCommand(node.article, node.anchor);
      return item;
    }
  }
}

/** Rows of the Assertions view: groups, claims and what a claim holds. */
function claimRowItem(node: Extract<TreeNode, { kind: 'group' | 'workspaceGroup' | 'claim' | 'claimant' | 'source' | 'note' }>): vscode.TreeItem {
  const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
  switch (node.kind) {
    case 'group':
    case 'workspaceGroup': {
      const item = new vscode.TreeItem(node.label, Expanded);
      item.description = String(node.kind === 'group' ? node.claims.length : node.count);
      item.contextValue = 'claimGroup';
      return item;
    }
    case 'claim': {
      const item = new vscode.TreeItem(snippet(node.claim.anchor.quote), Collapsed);
      const claimant = node.article.annotations.actors.find((a) => a.id === node.claim.claimant);
      const changed = node.article.text !== undefined && anchorState(node.claim.anchor, node.article.text) === 'changed';
      item.description = [
        claimant ? claimant.name : 'the article',
        node.showArticle ? basename(node.article.uri) : undefined,
        changed ? 'wording changed' : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      item.tooltip = claimTooltip(node.claim);
      item.iconPath = changed ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('newsmark.orphaned')) : statusIcon(node.claim);
      item.contextValue = changed ? 'claim changed' : 'claim';
      item.command = revealCommand(node.article, node.claim.anchor);
      return item;
    }
    case 'claimant': {
      const item = new vscode.TreeItem(`Claimant: ${node.actor ? node.actor.name : node.claim.claimant ?? 'the article itself'}`, None);
      item.iconPath = node.actor ? actorTypeIcon(node.actor.type) : new vscode.ThemeIcon('file-text');
      item.contextValue = 'claimant';
      const first = node.actor?.mentions.find((m) => !m.orphaned);
      if (first) {
        item.command = revealCommand(node.article, first);
      }
      return item;
    }
    case 'source': {
      const item = new vscode.TreeItem(node.source.title || node.source.url, None);
      item.description = [node.source.archived ? 'archived' : undefined, node.source.accessed].filter(Boolean).join(' · ');
      item.tooltip = node.source.url;
      item.iconPath = new vscode.ThemeIcon('link');
      item.contextValue = node.source.archived ? 'source archived' : 'source';
      item.command = { command: InternalCommand.OpenSource, title: 'Open Source', arguments: [node.source.url] };
      return item;
    }
    case 'note': {
      const item = new vscode.TreeItem(snippet(node.text, 80), None);
      item.iconPath = new vscode.ThemeIcon('note');
      item.tooltip = node.text;
      item.contextValue = 'note';
      return item;
    }
  }
}

export interface TreesHandle extends vscode.Disposable {
  readonly actors: ActorsTree;
  readonly assertions: AssertionsTree;
  readonly actorsView: vscode.TreeView<TreeNode>;
  readonly assertionsView: vscode.TreeView<TreeNode>;
}

/** Whether the shown article's sidecar cannot be read, so its annotations cannot be shown. */
function isBroken(entry: ArticleEntry | undefined): boolean {
  return !!entry && !entry.annotations;
}

/** Remembers what the user expands and collapses, by row id. */
function keepExpansion(view: vscode.TreeView<TreeNode>, tree: NewsmarkTree): vscode.Disposable[] {
  const { Expanded, Collapsed } = vscode.TreeItemCollapsibleState;
  return [
    view.onDidExpandElement((e) => e.element.id && tree.expansion.set(e.element.id, Expanded)),
    view.onDidCollapseElement((e) => e.element.id && tree.expansion.set(e.element.id, Collapsed)),
  ];
}

function showMoreOf(selection: readonly TreeNode[], tree: NewsmarkTree): boolean {
  const [row] = selection;
  return selection.length === 1 && row.kind === 'more' && tree.showMore(row.parent);
}

/**
 * "Show more" acts on being selected (a click, or Enter on it), not through a command: a
 * command's arguments are dropped by the editor when the view is refreshed under the click.
 * A row selected while the view is being refreshed is told as an empty selection, as the view
 * does not know the row again until it is given its parent's children; so an empty selection
 * is read again once they are given.
 */
function followShowMore(view: vscode.TreeView<TreeNode>, tree: NewsmarkTree): vscode.Disposable[] {
  let unread = false;
  return [
    view.onDidChangeSelection((e) => {
      unread = e.selection.length === 0;
      showMoreOf(e.selection, tree);
    }),
    tree.onDidList(() => {
      if (unread && showMoreOf(view.selection, tree)) {
        unread = false;
      }
    }),
  ];
}

export function registerTrees(store: AnnotationStore, index: WorkspaceIndex, scope: ViewScope): TreesHandle {
  const actors = new ActorsTree(store, index, scope);
  const assertions = new AssertionsTree(store, index, scope);
  const actorsView = vscode.window.createTreeView('newsmark.actors', { treeDataProvider: actors, showCollapseAll: true });
  const assertionsView = vscode.window.createTreeView('newsmark.assertions', { treeDataProvider: assertions, showCollapseAll: true });
  // A context key never set reads as false: activation sends nothing until a sidecar is broken.
  let broken = false;
  // Said by the views' welcome, which has an Open Sidecar button; a view's message would hide it.
  const showBroken = () => {
    const now = scope.current === 'article' && isBroken(actors.shownEntry()?.entry);
    if (broken !== now) {
      broken = now;
      void vscode.commands.executeCommand('setContext', 'newsmark.sidecarBroken', broken);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      showBroken();
      actors.refresh();
      assertions.refresh();
    }, 80);
  };
  showBroken();
  const disposables: vscode.Disposable[] = [
    actors,
    assertions,
    actorsView,
    assertionsView,
    ...keepExpansion(actorsView, actors),
    ...keepExpansion(assertionsView, assertions),
    store.onDidChange(refresh),
    index.onDidChange(refresh),
    scope.onDidChange(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    ...followShowMore(actorsView, actors),
    ...followShowMore(assertionsView, assertions),
  ];
  return {
    actors,
    assertions,
    actorsView,
    assertionsView,
    dispose: () => {
      clearTimeout(timer);
      for (const d of disposables) {
        d.dispose();
      }
    },
  };
}
