// Tests of workspace-wide helpers: one entry per actor across articles, symbol search, and editing the sidecar of an article that is not open.

import assert from 'node:assert/strict';
import { anchorAt, type Annotations } from '../../../src/core/model';
import { renameActor } from '../../../src/core/operations';
import { encodeSidecar } from '../../../src/core/sidecar';
import { editSidecar, groupActors, groupOf, IndexCache, symbolMatches } from '../../../src/core/workspace';

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
  // Encoded in before(), not while mocha loads the file, so a run that skips this suite does not pay for it.
  let annotations: Annotations;
  let source: string;
  before(() => {
    annotations = withActor('Nikol Pashinyan');
    source = encodeSidecar(annotations, TEXT);
  });

  it('gives back annotations only for the same sidecar and article text, across a save and a load', () => {
    const cache = IndexCache.parse(undefined);
    const stamp = IndexCache.stamp(source, TEXT);
    cache.set('file:///a.txt', stamp, annotations);
    assert.ok(cache.dirty);
    const again = IndexCache.parse(cache.serialize());
    assert.equal(cache.dirty, false);
    assert.deepEqual(again.get('file:///a.txt', stamp), annotations);
    assert.equal(again.get('file:///a.txt', IndexCache.stamp(source, `Today ${TEXT}`)), undefined, 'the article changed');
    assert.equal(again.get('file:///a.txt', IndexCache.stamp(`# note\n${source}`, TEXT)), undefined, 'the sidecar changed');
    assert.equal(again.get('file:///b.txt', stamp), undefined);
  });

  it('starts empty from a damaged cache or one written by another version', () => {
    const stamp = IndexCache.stamp(source, TEXT);
    for (const json of ['{', '[]', JSON.stringify({ version: IndexCache.VERSION + 1, entries: { 'file:///a.txt': { stamp, annotations } } })]) {
      assert.equal(IndexCache.parse(json).get('file:///a.txt', stamp), undefined);
    }
  });

  it('forgets sidecars that are gone', () => {
    const cache = IndexCache.parse(undefined);
    const stamp = IndexCache.stamp(source, TEXT);
    cache.set('file:///a.txt', stamp, annotations);
    cache.set('file:///b.txt', stamp, annotations);
    cache.serialize();
    assert.equal(cache.dirty, false, 'written');
    cache.keepOnly(new Set(['file:///b.txt']));
    assert.ok(cache.dirty);
    assert.equal(cache.get('file:///a.txt', stamp), undefined);
    assert.ok(cache.get('file:///b.txt', stamp));
  });
});
