// The Actors and Assertions views: the active article by default, or every article in the workspace.

import { snippet } from '../core/describe';
import * as vscode from 'vscode';
import { type Actor, type Anchor, type Annotations, anchorState, type Claim, CLAIM_STATUSES, type Source } from '../core/model';
import { groupActors, type WorkspaceActor } from '../core/workspace';
import { actorTypeLabel, actorTypes, statusLabel, verdictLabel, verdicts, actorTypeIcon } from './config';
import { type AnnotationStore, basename } from './store';
import type { WorkspaceIndex } from './workspaceIndex';

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
interface ArticleView {
  uri: vscode.Uri;
  annotations: Annotations;
  text?: string;
}

export type TreeNode =
  | { kind: 'type'; type: string; actors: { article: ArticleView; actor: Actor }[] }
  | { kind: 'workspaceType'; type: string; groups: WorkspaceActor[] }
  | { kind: 'actor'; article: ArticleView; actor: Actor; showArticle?: boolean }
  | { kind: 'workspaceActor'; group: WorkspaceActor }
  | { kind: 'mention'; article: ArticleView; actor: Actor; mention: Anchor }
  | { kind: 'orphans'; items: { article: ArticleView; anchor: Anchor; actor?: Actor; claim?: Claim }[] }
  | { kind: 'orphan'; article: ArticleView; anchor: Anchor; actor?: Actor; claim?: Claim }
  | { kind: 'group'; id: string; label: string; claims: { article: ArticleView; claim: Claim }[] }
  | { kind: 'claim'; article: ArticleView; claim: Claim; showArticle?: boolean }
  | { kind: 'claimant'; article: ArticleView; claim: Claim; actor?: Actor }
  | { kind: 'source'; article: ArticleView; claim: Claim; source: Source }
  | { kind: 'note'; text: string };

abstract class NewsmarkTree implements vscode.TreeDataProvider<TreeNode> {
  protected readonly emitter = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(
    protected readonly store: AnnotationStore,
    protected readonly index: WorkspaceIndex,
    protected readonly scope: ViewScope,
  ) {}

  refresh(): void {
    this.emitter.fire();
  }

  /** The articles in scope: the active one, or all of them. */
  protected async articles(): Promise<ArticleView[]> {
    if (this.scope.current === 'workspace') {
      await this.index.ensureBuilt();
      return this.index.all().map((a) => ({ uri: a.uri, annotations: a.annotations, text: a.text ?? openText(a.uri) }));
    }
    // With the sidecar or another non-article editor in front, keep showing the article beside it.
    const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
    const editor = editors.find((e) => e && this.store.get(e.document.uri));
    const entry = editor ? this.store.get(editor.document.uri) : undefined;
    return entry?.annotations ? [{ uri: entry.uri, annotations: entry.annotations, text: editor?.document.getText() }] : [];
  }

  protected orphansNode(articles: ArticleView[]): TreeNode | undefined {
    const items: { article: ArticleView; anchor: Anchor; actor?: Actor; claim?: Claim }[] = [];
    for (const article of articles) {
      for (const actor of article.annotations.actors) {
        for (const anchor of actor.mentions) {
          if (anchor.orphaned) {
            items.push({ article, anchor, actor });
          }
        }
      }
      for (const claim of article.annotations.claims) {
        if (claim.anchor.orphaned) {
          items.push({ article, anchor: claim.anchor, claim });
        }
      }
    }
    return items.length ? { kind: 'orphans', items } : undefined;
  }

  abstract getChildren(node?: TreeNode): Promise<TreeNode[]>;

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return treeItem(node);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export class ActorsTree extends NewsmarkTree {
  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const articles = await this.articles();
      const order = actorTypes().map((t) => t.id);
      const rank = (type: string) => (order.includes(type) ? order.indexOf(type) : order.length);
      const out: TreeNode[] = [];
      if (this.scope.current === 'workspace') {
        const groups = groupActors(articles.map((a) => ({ article: a.uri.toString(), annotations: a.annotations })));
        const types = [...new Set(groups.map((g) => g.type))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
        out.push(...types.map((type): TreeNode => ({ kind: 'workspaceType', type, groups: groups.filter((g) => g.type === type) })));
      } else {
        const all = articles.flatMap((article) => article.annotations.actors.map((actor) => ({ article, actor })));
        const types = [...new Set(all.map((x) => x.actor.type))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
        out.push(...types.map((type): TreeNode => ({ kind: 'type', type, actors: all.filter((x) => x.actor.type === type) })));
      }
      const orphans = this.orphansNode(articles);
      return orphans ? [...out, orphans] : out;
    }
    switch (node.kind) {
      case 'type':
        return [...node.actors]
          .sort((a, b) => a.actor.name.localeCompare(b.actor.name))
          .map(({ article, actor }) => ({ kind: 'actor', article, actor }));
      case 'workspaceType':
        return node.groups.map((group) => ({ kind: 'workspaceActor', group }));
      case 'workspaceActor': {
        const articles = await this.articles();
        return node.group.appearances.flatMap(({ article, actor }) => {
          const view = articles.find((a) => a.uri.toString() === article);
          return view ? [{ kind: 'actor', article: view, actor, showArticle: true } as TreeNode] : [];
        });
      }
      case 'actor':
        return node.actor.mentions.filter((m) => !m.orphaned).map((mention) => ({ kind: 'mention', article: node.article, actor: node.actor, mention }));
      case 'orphans':
        return node.items.map((item) => ({ kind: 'orphan', ...item }));
      default:
        return [];
    }
  }
}

export class AssertionsTree extends NewsmarkTree {
  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const articles = await this.articles();
      const claims = articles.flatMap((article) => article.annotations.claims.filter((c) => !c.anchor.orphaned).map((claim) => ({ article, claim })));
      const groups: TreeNode[] = [];
      for (const status of CLAIM_STATUSES) {
        if (status === 'checked') {
          continue;
        }
        const inGroup = claims.filter((c) => c.claim.status === status);
        if (inGroup.length) {
          groups.push({ kind: 'group', id: status, label: statusLabel(status), claims: inGroup });
        }
      }
      const checked = claims.filter((c) => c.claim.status === 'checked');
      const scale = verdicts().map((v) => v.id);
      const verdictIds = [...new Set(checked.map((c) => c.claim.verdict ?? ''))].sort(
        (a, b) => (scale.includes(a) ? scale.indexOf(a) : scale.length) - (scale.includes(b) ? scale.indexOf(b) : scale.length),
      );
      for (const verdict of verdictIds) {
        const inGroup = checked.filter((c) => (c.claim.verdict ?? '') === verdict);
        groups.push({
          kind: 'group',
          id: `checked:${verdict}`,
          label: verdict ? `${statusLabel('checked')} · ${verdictLabel(verdict)}` : `${statusLabel('checked')} · no verdict`,
          claims: inGroup,
        });
      }
      const orphans = this.orphansNode(articles);
      return orphans ? [...groups, orphans] : groups;
    }
    switch (node.kind) {
      case 'group':
        return [...node.claims]
          .sort((a, b) => a.article.uri.toString().localeCompare(b.article.uri.toString()) || a.claim.anchor.start - b.claim.anchor.start)
          .map(({ article, claim }) => ({ kind: 'claim', article, claim, showArticle: this.scope.current === 'workspace' }));
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
          children.push({ kind: 'note', text: node.claim.notes });
        }
        return children;
      }
      case 'orphans':
        return node.items.map((item) => ({ kind: 'orphan', ...item }));
      default:
        return [];
    }
  }
}

function openText(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText();
}


function lineOf(text: string | undefined, offset: number): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
  }
  return line;
}

function revealCommand(article: ArticleView, anchor: Anchor): vscode.Command {
  return {
    command: 'newsmark.revealAnchor',
    title: 'Reveal in Article',
    arguments: [{ uri: article.uri.toString(), start: anchor.start, end: anchor.end }],
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

export function treeItem(node: TreeNode): vscode.TreeItem {
  const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
  switch (node.kind) {
    case 'type':
    case 'workspaceType': {
      const count = node.kind === 'type' ? node.actors.length : node.groups.length;
      const item = new vscode.TreeItem(actorTypeLabel(node.type), Expanded);
      item.id = `type:${node.type}`;
      item.description = String(count);
      item.iconPath = actorTypeIcon(node.type);
      item.contextValue = 'actorType';
      return item;
    }
    case 'actor': {
      const live = node.actor.mentions.filter((m) => !m.orphaned).length;
      const item = new vscode.TreeItem(node.showArticle ? basename(node.article.uri) : node.actor.name, live ? Collapsed : None);
      item.id = `actor:${node.article.uri.toString()}#${node.actor.id}`;
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
      const mentions = node.group.appearances.reduce((n, a) => n + a.actor.mentions.filter((m) => !m.orphaned).length, 0);
      const item = new vscode.TreeItem(node.group.name, Collapsed);
      item.id = `wsactor:${node.group.key}`;
      const articles = node.group.appearances.length;
      item.description = `${articles} ${articles === 1 ? 'article' : 'articles'} · ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}`;
      item.iconPath = actorTypeIcon(node.group.type);
      item.contextValue = 'workspaceActor';
      return item;
    }
    case 'mention': {
      const item = new vscode.TreeItem(snippet(node.mention.quote), None);
      item.id = `mention:${node.article.uri.toString()}#${node.actor.id}@${node.mention.start}`;
      const line = lineOf(node.article.text, node.mention.start);
      const state = node.article.text !== undefined ? anchorState(node.mention, node.article.text) : 'attached';
      item.description = `${line ? `line ${line}` : ''}${state === 'changed' ? ' · text changed' : ''}`;
      item.tooltip = `${node.mention.prefix}[${node.mention.quote}]${node.mention.suffix}`;
      item.iconPath = new vscode.ThemeIcon(state === 'changed' ? 'warning' : 'mention');
      item.contextValue = 'mention';
      item.command = revealCommand(node.article, node.mention);
      return item;
    }
    case 'orphans': {
      const item = new vscode.TreeItem('Orphaned', Expanded);
      item.id = 'orphans';
      item.description = String(node.items.length);
      item.tooltip = 'Annotations whose text was not found after the article changed. They are kept; select the text and run Re-attach to Selection.';
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('newsmark.orphaned'));
      item.contextValue = 'orphans';
      return item;
    }
    case 'orphan': {
      const item = new vscode.TreeItem(`“${snippet(node.anchor.quote)}”`, None);
      item.id = `orphan:${node.article.uri.toString()}#${node.claim ? node.claim.id : `${node.actor?.id}@${node.anchor.start}:${node.anchor.quote}`}`;
      item.description = node.claim ? `claim ${node.claim.id}` : `mention of ${node.actor?.name}`;
      item.tooltip = `Not found in ${basename(node.article.uri)}. Kept in the sidecar with its quote.`;
      item.iconPath = new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('newsmark.orphaned'));
      item.contextValue = 'orphan';
      item.command = revealCommand(node.article, node.anchor);
      return item;
    }
    case 'group': {
      const item = new vscode.TreeItem(node.label, Expanded);
      item.id = `group:${node.id}`;
      item.description = String(node.claims.length);
      item.contextValue = 'claimGroup';
      return item;
    }
    case 'claim': {
      const item = new vscode.TreeItem(snippet(node.claim.anchor.quote), Collapsed);
      item.id = `claim:${node.article.uri.toString()}#${node.claim.id}`;
      const claimant = node.article.annotations.actors.find((a) => a.id === node.claim.claimant);
      const changed = node.article.text !== undefined && anchorState(node.claim.anchor, node.article.text) === 'changed';
      item.description = [
        claimant ? claimant.name : 'the article',
        node.showArticle ? basename(node.article.uri) : undefined,
        changed ? 'wording changed' : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      item.tooltip = new vscode.MarkdownString().appendText(node.claim.anchor.quote);
      item.iconPath = changed ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('newsmark.orphaned')) : statusIcon(node.claim);
      item.contextValue = changed ? 'claim changed' : 'claim';
      item.command = revealCommand(node.article, node.claim.anchor);
      return item;
    }
    case 'claimant': {
      const item = new vscode.TreeItem(`Claimant: ${node.actor ? node.actor.name : node.claim.claimant ?? 'the article itself'}`, None);
      item.id = `claimant:${node.article.uri.toString()}#${node.claim.id}`;
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
      item.id = `source:${node.article.uri.toString()}#${node.claim.id}:${node.source.url}`;
      item.description = [node.source.archived ? 'archived' : undefined, node.source.accessed].filter(Boolean).join(' · ');
      item.tooltip = node.source.url;
      item.iconPath = new vscode.ThemeIcon('link');
      item.contextValue = 'source';
      item.command = { command: 'newsmark.openSource', title: 'Open Source', arguments: [node.source.url] };
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
}

export function registerTrees(store: AnnotationStore, index: WorkspaceIndex, scope: ViewScope): TreesHandle {
  const actors = new ActorsTree(store, index, scope);
  const assertions = new AssertionsTree(store, index, scope);
  let timer: NodeJS.Timeout | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      actors.refresh();
      assertions.refresh();
    }, 80);
  };
  const disposables: vscode.Disposable[] = [
    actors,
    assertions,
    vscode.window.createTreeView('newsmark.actors', { treeDataProvider: actors, showCollapseAll: true }),
    vscode.window.createTreeView('newsmark.assertions', { treeDataProvider: assertions, showCollapseAll: true }),
    store.onDidChange(refresh),
    index.onDidChange(refresh),
    scope.onDidChange(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
  ];
  return {
    actors,
    assertions,
    dispose: () => {
      clearTimeout(timer);
      for (const d of disposables) {
        d.dispose();
      }
    },
  };
}
