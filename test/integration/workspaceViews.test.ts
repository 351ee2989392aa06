// The whole-workspace views on an archive larger than a page: groups counted from the index, a page of claims read at a time, and "Show more".

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { anchorAt, type Annotations } from '../../src/core/model';
import { PAGE_ROWS } from '../../src/core/workspacePages';
import { encodeSidecar } from '../../src/core/sidecar';
import { activateNewsmark, settle, sidecarPath, workspaceFile } from './helpers';
import type { TreeNode } from '../../src/features/tree';

/** Articles of CLAIMS claims each, enough for more than one page of the in-progress group. */
const ARTICLES = 7;
const CLAIMS = 100;

async function until<T>(what: string, read: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  for (let waited = 0; ; waited += 200) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    if (waited >= ms) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await settle(200);
  }
}

function articleOf(n: number): { text: string; annotations: Annotations } {
  const sentences = Array.from({ length: CLAIMS }, (_, i) => `Page article ${n} says figure ${i} rose by ${i % 9}%.`);
  const text = `${sentences.join(' ')}\n`;
  let at = 0;
  const claims = sentences.map((sentence, i) => {
    const start = text.indexOf(sentence, at);
    at = start + sentence.length;
    return { id: `c${i + 1}`, anchor: anchorAt(text, start, start + sentence.length), status: 'in-progress' as const, sources: [] };
  });
  // One claim whose words are gone from the article: orphaned, listed under Orphaned, in no group.
  const lost = 'A sentence no longer in the article.';
  claims.push({ id: 'gone', anchor: { start: 0, end: lost.length, quote: lost, prefix: '', suffix: '', orphaned: true }, status: 'in-progress' as const, sources: [] });
  return { text, annotations: { article: { file: `pages-${n}.txt` }, actors: [], claims } };
}

describe('The whole-workspace views on a large archive', () => {
  let api: Awaited<ReturnType<typeof activateNewsmark>>;
  const files = Array.from({ length: ARTICLES }, (_, n) => workspaceFile(`pages-${n}.txt`));
  const label = (node: TreeNode) => String(api.trees.assertions.getTreeItem(node).label);
  const description = (node: TreeNode) => String(api.trees.assertions.getTreeItem(node).description);
  const inProgress = async () => (await api.trees.assertions.getChildren()).find((n) => n.kind === 'workspaceGroup' && n.group === 'in-progress');
  const orphaned = async () => (await api.trees.assertions.getChildren()).find((n) => n.kind === 'workspaceOrphans');
  let countBefore = 0;
  let orphansBefore = 0;

  before(async () => {
    api = await activateNewsmark();
    await vscode.commands.executeCommand('newsmark.showWorkspace');
    const group = await inProgress();
    countBefore = group?.kind === 'workspaceGroup' ? group.count : 0;
    const orphans = await orphaned();
    orphansBefore = orphans?.kind === 'workspaceOrphans' ? orphans.count : 0;
    files.forEach((file, n) => {
      const { text, annotations } = articleOf(n);
      fs.writeFileSync(file, text);
      fs.writeFileSync(sidecarPath(file), encodeSidecar(annotations, text));
    });
  });

  after(async () => {
    files.forEach((file) => [file, sidecarPath(file)].forEach((f) => fs.rmSync(f, { force: true })));
    await until('the index to forget the articles', async () => {
      const group = await inProgress();
      return (group?.kind === 'workspaceGroup' ? group.count : 0) === countBefore ? true : undefined;
    });
    await vscode.commands.executeCommand('newsmark.showActiveArticle');
  });

  it('counts a group from the index and lists a page of it, then more when asked', async () => {
    const group = await until('the new claims to be counted', async () => {
      const found = await inProgress();
      return found?.kind === 'workspaceGroup' && found.count === countBefore + ARTICLES * CLAIMS ? found : undefined;
    });
    assert.strictEqual(description(group), String(countBefore + ARTICLES * CLAIMS));
    const first = await api.trees.assertions.getChildren(group);
    const more = first.at(-1)!;
    assert.strictEqual(more.kind, 'more', first.map(label).join(', '));
    const claims = first.filter((n) => n.kind === 'claim');
    assert.ok(claims.length >= PAGE_ROWS && claims.length < countBefore + ARTICLES * CLAIMS, `${claims.length} rows on the first page`);
    assert.strictEqual(label(more), 'Show more');
    assert.strictEqual(description(more), `${claims.length} of ${(countBefore + ARTICLES * CLAIMS).toLocaleString('en')} shown`);
    // Whole articles in order of their names, each one's claims in text order.
    const ours = claims.flatMap((n) => (n.kind === 'claim' && /pages-\d\.txt$/.test(n.article.uri.path) ? [n] : []));
    const order = ours.map((n) => (n.kind === 'claim' ? `${n.article.uri.path.slice(-11)}#${n.claim.anchor.start}` : ''));
    assert.deepStrictEqual(order, [...order].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    assert.ok(ours.every((n) => n.kind === 'claim' && n.claim.id !== 'gone'), 'an orphaned claim is in no group');

    // Selecting the row (a click, or Enter on it) asks the view for the next page.
    assert.ok(more.kind === 'more' && api.trees.assertions.showMore(more.parent));
    const again = await api.trees.assertions.getChildren(group);
    assert.strictEqual(again.filter((n) => n.kind === 'claim').length, countBefore + ARTICLES * CLAIMS, 'the second page lists the rest');
    assert.ok(!again.some((n) => n.kind === 'more'));
  });

  it('lists the orphaned claims of the archive, read from their articles', async () => {
    const orphans = await until('the orphans to be counted', async () => {
      const found = await orphaned();
      return found?.kind === 'workspaceOrphans' && found.count === orphansBefore + ARTICLES ? found : undefined;
    });
    const rows = await api.trees.assertions.getChildren(orphans);
    const ours = rows.filter((n) => n.kind === 'orphan' && /pages-\d\.txt$/.test(n.article.uri.path));
    assert.strictEqual(ours.length, ARTICLES);
    assert.ok(ours.every((n) => label(n) === '“A sentence no longer in the article.”'));
  });
});
