// Tests of the workspace views' pages: claim groups and orphans counted from the index's records, and which articles a page of rows is read from.

import assert from 'node:assert/strict';
import { claimGroupOf, recordOf } from '../../../src/core/indexRecords';
import { anchorAt, type Annotations, type Claim } from '../../../src/core/model';
import { IndexCache } from '../../../src/core/workspace';
import { claimGroupCounts, compareArticles, pageOf } from '../../../src/core/workspacePages';

const TEXT = 'Officials said 2,500 troops took part. Nikol Pashinyan said 3% more. Zoë Aldám disagreed.\n';

function claim(id: string, quote: string, status: Claim['status'], verdict?: string, orphaned = false): Claim {
  const at = TEXT.indexOf(quote);
  const anchor = { ...anchorAt(TEXT, at, at + quote.length), ...(orphaned ? { orphaned: true } : {}) };
  return { id, anchor, status, sources: [], ...(verdict ? { verdict } : {}) };
}

function annotated(claims: Claim[], orphanedMention = false): Annotations {
  const at = TEXT.indexOf('Nikol Pashinyan');
  const mention = anchorAt(TEXT, at, at + 15);
  return {
    article: { file: 'a.txt' },
    actors: [{ id: 'pm', name: 'Nikol Pashinyan', type: 'person', mentions: orphanedMention ? [mention, { ...mention, orphaned: true }] : [mention] }],
    claims,
  };
}

describe('workspace pages', () => {
  it('groups a claim by its status, and a checked one by its verdict', () => {
    assert.equal(claimGroupOf({ status: 'unchecked' }), 'unchecked');
    assert.equal(claimGroupOf({ status: 'in-progress', verdict: 'false' }), 'in-progress');
    assert.equal(claimGroupOf({ status: 'checked', verdict: 'mostly-true' }), 'checked:mostly-true');
    assert.equal(claimGroupOf({ status: 'checked' }), 'checked:');
  });

  it('counts an article’s placed claims per group and its orphans in its record, and keeps them through the cache', () => {
    const claims = [
      claim('c1', '2,500 troops', 'unchecked'),
      claim('c2', '3% more', 'checked', 'false'),
      claim('c3', 'disagreed', 'checked', 'false'),
      claim('c4', 'took part', 'in-progress', undefined, true),
    ];
    const record = recordOf('file:///a.txt', annotated(claims, true), TEXT);
    assert.deepEqual(record.claimGroups, { unchecked: 1, 'checked:false': 2 });
    assert.equal(record.orphanedClaims, 1, 'an orphaned claim is in no group');
    assert.equal(record.orphanedMentions, 1);
    assert.equal(record.actors[0].count, 1, 'only the placed mention has a place');
    const cache = IndexCache.parse(undefined);
    cache.set('file:///a.txt', { seen: 's', readAt: Date.now(), record });
    const back = IndexCache.parse(cache.serialize()).byStamp('file:///a.txt', { seen: 's', changedAt: 0 });
    assert.deepEqual(back, record);
  });

  it('counts orphans of an article whose text is gone, which has no places', () => {
    const record = recordOf('file:///a.txt', annotated([claim('c1', '3% more', 'unchecked', undefined, true)], true), undefined);
    assert.deepEqual([record.orphanedMentions, record.orphanedClaims, record.actors[0].count], [1, 1, 0]);
  });

  it('adds up each group over the records', () => {
    const a = recordOf('file:///a.txt', annotated([claim('c1', '2,500 troops', 'unchecked'), claim('c2', '3% more', 'checked', 'false')]), TEXT);
    const b = recordOf('file:///b.txt', annotated([claim('c1', '2,500 troops', 'unchecked')]), TEXT);
    assert.deepEqual([...claimGroupCounts([a, b])].sort(), [['checked:false', 1], ['unchecked', 2]]);
    assert.deepEqual([...claimGroupCounts([])], []);
  });

  it('reads the first page from whole articles in order of their names, and counts every row', () => {
    const records = ['file:///c.txt', 'file:///a.txt', 'file:///d.txt', 'file:///b.txt', 'file:///e.txt'].map((article) => ({ article }));
    const rows: Record<string, number> = { 'file:///a.txt': 3, 'file:///b.txt': 0, 'file:///c.txt': 4, 'file:///d.txt': 2, 'file:///e.txt': 5 };
    const rowsOf = (r: { article: string }) => rows[r.article];
    const page = (n: number) => pageOf(records as never, rowsOf as never, n);
    assert.deepEqual(page(5), { articles: ['file:///a.txt', 'file:///c.txt'], shown: 7, total: 14 }, 'c’s rows are not split; b has none');
    assert.deepEqual(page(3), { articles: ['file:///a.txt'], shown: 3, total: 14 });
    assert.deepEqual(page(1), { articles: ['file:///a.txt'], shown: 3, total: 14 }, 'at least one article');
    assert.deepEqual(page(100), { articles: ['file:///a.txt', 'file:///c.txt', 'file:///d.txt', 'file:///e.txt'], shown: 14, total: 14 });
    assert.deepEqual(pageOf([], () => 1, 10), { articles: [], shown: 0, total: 0 });
  });

  it('orders articles by their names character by character, whatever the locale', () => {
    const names = ['file:///b.txt', 'file:///B.txt', 'file:///a%20b.txt', 'file:///é.txt', 'file:///a.txt'];
    assert.deepEqual([...names].sort(compareArticles), ['file:///B.txt', 'file:///a%20b.txt', 'file:///a.txt', 'file:///b.txt', 'file:///é.txt']);
    assert.equal(compareArticles('x', 'x'), 0);
  });
});
