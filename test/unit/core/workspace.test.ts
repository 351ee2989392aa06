// Tests of workspace-wide helpers: one entry per actor across articles, symbol search, and editing the sidecar of an article that is not open.

import assert from 'node:assert/strict';
import { anchorAt, type Annotations } from '../../../src/core/model';
import { renameActor } from '../../../src/core/operations';
import { encodeSidecar } from '../../../src/core/sidecar';
import { placesOf, recordOf } from '../../../src/core/indexRecords';
import { editSidecar, groupActors, groupOf, IndexCache, RACY_MARGIN, symbolMatches } from '../../../src/core/workspace';

const TEXT = 'Nikol Pashinyan spoke in Yerevan.\n';

function withActor(name: string, extra: Partial<Annotations['actors'][number]> = {}): Annotations {
  const at = TEXT.indexOf(name.split(' ').pop()!);
  return {
    article: { file: 'a.txt' },
    actors: [{ id: 'x', name, type: 'person', mentions: at >= 0 ? [anchorAt(TEXT, at, at + name.split(' ').pop()!.length)] : [], ...extra }],
    claims: [],
  };
}

describe('workspace', () => {
  it('groups the same actor across articles by Wikidata id, else by name or alias', () => {
    const groups = groupActors([
      { article: 'a', annotations: withActor('Nikol Pashinyan', { wikidata: 'Q7035' }) },
      { article: 'b', annotations: withActor('Pashinyan', { wikidata: 'Q7035' }) },
      { article: 'c', annotations: withActor('nikol  PASHINYAN') },
      { article: 'd', annotations: withActor('Yerevan') },
    ]);
    assert.deepEqual(
      groups.map((g) => [g.name, g.appearances.map((a) => a.article).join('')]),
      [
        ['Nikol Pashinyan', 'abc'],
        ['Yerevan', 'd'],
      ],
    );
    assert.equal(groupOf(groups, 'c', 'x'), groups[0]);
    assert.equal(groupOf(groups, 'e', 'x'), undefined);
  });

  it('matches symbol queries by letters in order, ignoring case and accents', () => {
    assert.ok(symbolMatches('npash', 'Nikol Pashinyan'));
    assert.ok(symbolMatches('zoe al', 'Zoë Aldám'));
    assert.ok(symbolMatches('', 'anything'));
    assert.ok(symbolMatches('nikolp yan', 'Nikol Pashinyan'));
    assert.ok(!symbolMatches('yerevan', 'Nikol Pashinyan'));
  });

  describe('editSidecar', () => {
    let source: string;
    before(() => (source = '# Checked by the desk on Monday.\n' + encodeSidecar(withActor('Nikol Pashinyan'), TEXT)));

    it('applies a change and keeps the comments of the sidecar', () => {
      const edit = editSidecar(source, TEXT, (a) => renameActor(a.actors[0], 'Nikol Vovayi Pashinyan'));
      assert.ok('text' in edit);
      assert.ok(edit.text.startsWith('# Checked by the desk on Monday.\n'), edit.text);
      assert.ok(edit.text.includes('name: Nikol Vovayi Pashinyan'), edit.text);
      assert.equal(edit.text.replace('name: Nikol Vovayi Pashinyan', 'name: Nikol Pashinyan'), source);
    });

    it('finds anchors again when the article changed since the sidecar was written', () => {
      const changed = `Today ${TEXT}`;
      const edit = editSidecar(source, changed, () => undefined);
      assert.ok('annotations' in edit);
      const mention = edit.annotations.actors[0].mentions[0];
      assert.equal(changed.slice(mention.start, mention.end), 'Pashinyan');
    });

    it('returns the problems of a sidecar it cannot read, and no text', () => {
      const edit = editSidecar(source.replace('type: person', 'type: [person'), TEXT, () => undefined);
      assert.ok('problems' in edit && edit.problems.length > 0);
    });
  });
});

describe('IndexCache', () => {
  const record = recordOf('file:///a.txt', withActor('Nikol Pashinyan', { aliases: ['the premier'], wikidata: 'Q1' }), TEXT);
  const entry = (readAt: number) => ({ seen: '10:200/10:34', readAt, record });
  const longAgo = Date.now() - 60_000;

  it('keeps records across a save and a load, trusted by unchanged file stamps', () => {
    const cache = IndexCache.parse(undefined);
    cache.set('file:///a.txt', entry(Date.now()));
    assert.ok(cache.dirty);
    const again = IndexCache.parse(cache.serialize());
    assert.equal(cache.dirty, false);
    const back = again.byStamp('file:///a.txt', { seen: '10:200/10:34', changedAt: longAgo });
    assert.deepEqual(back, record);
    assert.deepEqual(placesOf(back!, back!.actors[0]), [{ start: [0, 6], end: [0, 15] }]);
    assert.equal(again.byStamp('file:///a.txt', { seen: '11:200/10:34', changedAt: longAgo }), undefined, 'the sidecar changed');
    assert.equal(again.byStamp('file:///a.txt', { seen: '10:200/12:34', changedAt: longAgo }), undefined, 'the article changed');
    assert.equal(again.byStamp('file:///b.txt', { seen: '10:200/10:34', changedAt: longAgo }), undefined);
  });

  it('does not trust the stamps of files changed just before they were read', () => {
    const cache = IndexCache.parse(undefined);
    const readAt = Date.now();
    cache.set('file:///a.txt', entry(readAt));
    // Written a moment before the read: another write in the same instant would keep the same stamp.
    assert.equal(cache.byStamp('file:///a.txt', { seen: '10:200/10:34', changedAt: readAt - RACY_MARGIN / 2 }), undefined);
    assert.equal(cache.byStamp('file:///a.txt', { seen: '10:200/10:34', changedAt: readAt - RACY_MARGIN * 2 }), record);
  });

  it('starts empty from a damaged cache or one written by another version', () => {
    const good = JSON.parse(IndexCache.parse(undefined).serialize()) as { entries: unknown[] };
    const cache = IndexCache.parse(undefined);
    cache.set('file:///a.txt', entry(longAgo));
    const written = JSON.parse(cache.serialize()) as { version: number; entries: unknown[][] };
    const tuple = written.entries[0][3] as unknown[];
    const damaged = [
      '{',
      '[]',
      JSON.stringify({ ...written, version: IndexCache.VERSION + 1 }),
      JSON.stringify({ ...written, entries: [[...written.entries[0].slice(0, 3), [tuple[0], tuple[1], tuple[2], [1, 2, 3], ...tuple.slice(4)]]] }),
      JSON.stringify({ ...written, entries: [[...written.entries[0].slice(0, 3), [tuple[0], tuple[1], [['x', 7]], ...tuple.slice(3)]]] }),
      JSON.stringify({ ...written, entries: [[...written.entries[0].slice(0, 3), [...tuple.slice(0, 4), [0], ...tuple.slice(5)]]] }),
      JSON.stringify({ ...written, entries: [[...written.entries[0].slice(0, 3), [...tuple.slice(0, 4), [999, 1], ...tuple.slice(5)]]] }),
      JSON.stringify({ ...written, entries: [[...written.entries[0].slice(0, 3), [...tuple.slice(0, 5), -1, tuple[6]]]] }),
      JSON.stringify({ ...written, entries: [[...written.entries[0].slice(0, 3), tuple.slice(0, 4)]] }),
    ];
    assert.deepEqual(good.entries, []);
    for (const json of damaged) {
      assert.equal(IndexCache.parse(json).size, 0, json);
    }
    assert.equal(IndexCache.parse(JSON.stringify(written)).size, 1);
  });

  it('forgets sidecars that are gone', () => {
    const cache = IndexCache.parse(undefined);
    cache.set('file:///a.txt', entry(longAgo));
    cache.set('file:///b.txt', entry(longAgo));
    cache.serialize();
    assert.equal(cache.dirty, false, 'written');
    cache.keepOnly(new Set(['file:///b.txt']));
    assert.ok(cache.dirty);
    const stamp = { seen: '10:200/10:34', changedAt: longAgo - 2 * RACY_MARGIN };
    assert.equal(cache.byStamp('file:///a.txt', stamp), undefined);
    assert.ok(cache.byStamp('file:///b.txt', stamp));
  });
});
