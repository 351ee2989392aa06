// Tests of the workspace views' pages: claim groups and orphans counted from the index's records, and which articles a page of rows is read from.

import assert from 'node:assert/strict';
import { claimGroupOf, recordOf, sameRecord } from '../../../src/core/indexRecords';
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

  it('tells a record read again that says the same from one that changed in any part', () => {
    const claims = () => [claim('c1', '2,500 troops', 'unchecked'), claim('c2', '3% more', 'checked', 'false')];
    const record = recordOf('file:///a.txt', annotated(claims()), TEXT);
    assert.ok(sameRecord(record, recordOf('file:///a.txt', annotated(claims()), TEXT)));
    assert.ok(sameRecord(undefined, undefined));
    assert.ok(!sameRecord(record, undefined));
    const changed: [string, Annotations, string?][] = [
      ['another article', annotated(claims()), 'file:///b.txt'],
      ['a claim more', annotated([...claims(), claim('c3', 'disagreed', 'unchecked')])],
      ['another verdict', annotated([claims()[0], claim('c2', '3% more', 'checked', 'true')])],
      ['an orphaned claim', annotated([claims()[0], claim('c2', '3% more', 'checked', 'false', true)])],
      ['an orphaned mention', annotated(claims(), true)],
    ];
    const renamed = annotated(claims());
    renamed.actors[0].name = 'N. Pashinyan';
    const aliased = annotated(claims());
    aliased.actors[0].aliases = ['the premier'];
    const linked = annotated(claims());
    linked.actors[0].wikidata = 'Q1';
    const retyped = annotated(claims());
    retyped.actors[0].type = 'organisation';
    const moved = annotated(claims());
    const at = TEXT.indexOf('Zoë Aldám');
    moved.actors[0].mentions = [anchorAt(TEXT, at, at + 9)];
    const second = annotated(claims());
    second.actors.push({ id: 'za', name: 'Zoë Aldám', type: 'person', mentions: [] });
    changed.push(['renamed', renamed], ['an alias', aliased], ['a Wikidata id', linked], ['another type', retyped], ['a moved mention', moved], ['an actor more', second]);
    for (const [what, annotations, article] of changed) {
      assert.ok(!sameRecord(record, recordOf(article ?? 'file:///a.txt', annotations, TEXT)), what);
    }
    const otherAlias = annotated(claims());
    otherAlias.actors[0].aliases = ['the prime minister'];
    assert.ok(!sameRecord(recordOf('file:///a.txt', aliased, TEXT), recordOf('file:///a.txt', otherAlias, TEXT)), 'another alias');
  });
});
