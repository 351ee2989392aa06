// The Actors and Assertions views over the whole workspace: their top rows counted from the index's records, and each row's children read a page of articles at a time, so that an archive of thousands of sidecars opens at once.

import * as vscode from 'vscode';
import { type Anchor, type Actor, type Claim, CLAIM_STATUSES } from '../core/model';
import { claimGroupOf, type IndexedActor } from '../core/indexRecords';
import type { WorkspaceGroup } from '../core/workspace';
import { claimGroupCounts, compareArticles, pageOf } from '../core/workspacePages';
import type { ArticleView, TreeNode } from './tree';
import type { IndexedAnnotations, WorkspaceIndex } from './workspaceIndex';

/** The rows the whole-workspace views have beyond the article views' rows. */
export type WorkspaceRow =
  | { kind: 'workspaceType'; type: string; groups: WorkspaceGroup<IndexedActor>[] }
  | { kind: 'workspaceActor'; group: WorkspaceGroup<IndexedActor> }
  | { kind: 'workspaceGroup'; group: string; label: string; count: number }
  | { kind: 'workspaceOrphans'; of: 'mentions' | 'claims'; count: number }
  /** Under `parent` (a row's id): `shown` of its `total` rows are listed; this row lists more. */
  | { kind: 'more'; parent: string; shown: number; total: number };

/** How the views name and order what they show, from the settings. */
export interface Labels {
  rank: (actorType: string) => number;
  verdictRank: (verdict: string) => number;
  status: (status: string) => string;
  verdict: (verdict: string) => string;
}

/** The Actors view's top rows: a row per actor type, with its actors across articles, and the orphaned mentions. */
export async function actorRoots(index: WorkspaceIndex, labels: Labels): Promise<TreeNode[]> {
  const [groups, records] = await Promise.all([index.groups(), index.records()]);
  const types = [...new Set(groups.map((g) => g.type))].sort((a, b) => labels.rank(a) - labels.rank(b) || a.localeCompare(b));
  const rows: TreeNode[] = types.map((type) => ({ kind: 'workspaceType', type, groups: groups.filter((g) => g.type === type) }));
  const orphans = records.reduce((n, r) => n + r.orphanedMentions, 0);
  return orphans ? [...rows, { kind: 'workspaceOrphans', of: 'mentions', count: orphans }] : rows;
}

/** The Assertions view's top rows: unchecked, in progress, then checked by verdict in the scale's order, and the orphaned claims. */
export async function claimRoots(index: WorkspaceIndex, labels: Labels): Promise<TreeNode[]> {
  const records = await index.records();
  const counts = claimGroupCounts(records);
  const rows: TreeNode[] = [];
  for (const status of CLAIM_STATUSES.filter((s) => s !== 'checked')) {
    const count = counts.get(status);
    if (count) {
      rows.push({ kind: 'workspaceGroup', group: status, label: labels.status(status), count });
    }
  }
  const checked = [...counts.keys()].filter((g) => g.startsWith('checked:')).map((g) => g.slice('checked:'.length));
  for (const verdict of checked.sort((a, b) => labels.verdictRank(a) - labels.verdictRank(b))) {
    const label = verdict ? `${labels.status('checked')} · ${labels.verdict(verdict)}` : `${labels.status('checked')} · no verdict`;
    rows.push({ kind: 'workspaceGroup', group: `checked:${verdict}`, label, count: counts.get(`checked:${verdict}`)! });
  }
  const orphans = records.reduce((n, r) => n + r.orphanedClaims, 0);
  return orphans ? [...rows, { kind: 'workspaceOrphans', of: 'claims', count: orphans }] : rows;
}

/** The children of a workspace row, at most about `limit` of them, then a row to list more. */
export async function workspaceChildren(index: WorkspaceIndex, node: TreeNode, limit: number): Promise<TreeNode[]> {
  switch (node.kind) {
    case 'workspaceType':
      return paged(
        node.groups.slice(0, limit).map((group) => ({ kind: 'workspaceActor', group })),
        node,
        node.groups.length,
      );
    case 'workspaceActor':
      return appearances(index, node.group, node, limit);
    case 'workspaceGroup': {
      const page = pageOf(await index.records(), (r) => r.claimGroups[node.group] ?? 0, limit);
      const rows = (await index.annotationsOf(page.articles)).flatMap((article) =>
        article.annotations.claims
          .filter((claim) => !claim.anchor.orphaned && claimGroupOf(claim) === node.group)
          .sort((a, b) => a.anchor.start - b.anchor.start)
          .map((claim): TreeNode => ({ kind: 'claim', article: view(article), claim, showArticle: true })),
      );
      return paged(rows, node, page.total);
    }
    case 'workspaceOrphans': {
      const page = pageOf(await index.records(), (r) => (node.of === 'mentions' ? r.orphanedMentions : r.orphanedClaims), limit);
      const rows = (await index.annotationsOf(page.articles)).flatMap((article) => orphansOf(view(article), node.of).map((orphan): TreeNode => ({ kind: 'orphan', ...orphan })));
      return paged(rows, node, page.total);
    }
    default:
      return [];
  }
}

/** An actor's appearance in each article, read for the first `limit` articles by name. */
async function appearances(index: WorkspaceIndex, group: WorkspaceGroup<IndexedActor>, node: TreeNode, limit: number): Promise<TreeNode[]> {
  const first = [...group.appearances].sort((a, b) => compareArticles(a.article, b.article) || a.actor.id.localeCompare(b.actor.id)).slice(0, limit);
  const read = new Map((await index.annotationsOf([...new Set(first.map((a) => a.article))])).map((a) => [a.article, a]));
  const rows = first.flatMap(({ article, actor }): TreeNode[] => {
    const found = read.get(article);
    const full = found?.annotations.actors.find((a) => a.id === actor.id);
    return found && full ? [{ kind: 'actor', article: view(found), actor: full, showArticle: true }] : [];
  });
  return paged(rows, node, group.appearances.length);
}

/** An orphaned mention (with its actor) or claim of an article. */
export interface Orphan {
  article: ArticleView;
  anchor: Anchor;
  actor?: Actor;
  claim?: Claim;
}

/** The orphaned mentions or claims of an article. */
export function orphansOf(article: ArticleView, of: 'mentions' | 'claims'): Orphan[] {
  const rows: Orphan[] = [];
  for (const actor of of === 'mentions' ? article.annotations.actors : []) {
    rows.push(...actor.mentions.filter((m) => m.orphaned).map((anchor) => ({ article, anchor, actor })));
  }
  for (const claim of of === 'claims' ? article.annotations.claims : []) {
    if (claim.anchor.orphaned) {
      rows.push({ article, anchor: claim.anchor, claim });
    }
  }
  return rows;
}

function view(article: IndexedAnnotations): ArticleView {
  return { uri: article.uri, annotations: article.annotations, text: article.text ?? openText(article.uri) };
}

/** The text of an article open in an editor, as it is there. */
export function openText(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText();
}

/** The rows, with a "Show more" row after them when there are more than these. */
function paged(rows: TreeNode[], parent: TreeNode, total: number): TreeNode[] {
  return rows.length < total && parent.id ? [...rows, { kind: 'more', parent: parent.id, shown: rows.length, total }] : rows;
}
