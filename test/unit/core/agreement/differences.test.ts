import * as assert from 'node:assert/strict';
import { compareAnnotations, differenceKey, takeTheirs } from '../../../../src/core/agreement';
import { type Annotations, anchorAt } from '../../../../src/core/model';

const text = 'Nikol Pashinyan said Armenia would not take part. Russia sent 2,500 troops to Belarus.';
const at = (quote: string) => {
  const start = text.indexOf(quote);
  return anchorAt(text, start, start + quote.length);
};

function mine(): Annotations {
  return {
    article: { file: 'a.txt' },
    actors: [
      { id: 'armenia', name: 'Armenia', type: 'country', mentions: [at('Armenia')] },
      { id: 'russia', name: 'Russia', type: 'country', mentions: [at('Russia')] },
    ],
    claims: [{ id: 'c1', anchor: at('Russia sent 2,500 troops to Belarus'), status: 'checked', verdict: 'false', sources: [] }],
  };
}

function theirs(): Annotations {
  return {
    article: { file: 'a.txt' },
    actors: [
      { id: 'armenia', name: 'Armenia', type: 'organisation', mentions: [at('Armenia')] },
      { id: 'pashinyan', name: 'Nikol Pashinyan', type: 'person', mentions: [at('Nikol Pashinyan')] },
    ],
    claims: [
      { id: 'c1', anchor: at('Russia sent 2,500 troops'), status: 'checked', verdict: 'mostly-false', sources: [{ url: 'https://example.org/troops' }] },
      { id: 'c2', anchor: at('Armenia would not take part'), claimant: 'pashinyan', status: 'unchecked', sources: [] },
    ],
  };
}

describe('compareAnnotations', () => {
  it('lists marks only one annotator made, other types and other verdicts, in reading order', () => {
    const kinds = compareAnnotations(mine(), theirs()).map((d) => `${d.kind} ${'what' in d ? d.what : ''}`.trim());
    assert.deepEqual(kinds, ['only-theirs mention', 'different-type', 'only-theirs claim', 'only-mine mention', 'different-verdict']);
  });

  it('finds nothing between two equal annotations, and leaves orphans out', () => {
    assert.deepEqual(compareAnnotations(mine(), mine()), []);
    const orphaned = mine();
    orphaned.actors[1].mentions[0].orphaned = true;
    assert.deepEqual(compareAnnotations(orphaned, orphaned), []);
  });
});

describe('takeTheirs', () => {
  const take = (key: (k: string) => boolean) => {
    const a = mine();
    const d = compareAnnotations(a, theirs()).find((x) => key(differenceKey(x)))!;
    const said = takeTheirs(a, d);
    return { a, said };
  };

  it('adds their mention, creating their actor when I have none', () => {
    const { a, said } = take((k) => k.startsWith('only-theirs:mention'));
    assert.deepEqual(a.actors.find((x) => x.id === 'pashinyan')?.mentions.map((m) => m.quote), ['Nikol Pashinyan']);
    assert.match(said, /Nikol Pashinyan/);
  });

  it('adds their claim with its claimant, under a new id when mine is taken', () => {
    const { a } = take((k) => k.startsWith('only-theirs:claim'));
    const added = a.claims.find((c) => c.anchor.quote === 'Armenia would not take part');
    assert.equal(added?.id, 'c2');
    assert.equal(added?.claimant, 'pashinyan');
    assert.ok(a.actors.some((x) => x.id === 'pashinyan'));
  });

  it('takes their type and their verdict with its sources', () => {
    const { a } = take((k) => k.startsWith('different-type'));
    assert.equal(a.actors[0].type, 'organisation');
    const { a: b } = take((k) => k.startsWith('different-verdict'));
    assert.equal(b.claims[0].verdict, 'mostly-false');
    assert.deepEqual(b.claims[0].sources, [{ url: 'https://example.org/troops' }]);
  });

  it('removes a mark only I made', () => {
    const { a } = take((k) => k.startsWith('only-mine:mention'));
    assert.deepEqual(a.actors.find((x) => x.id === 'russia')?.mentions, []);
  });

  it('leaves no difference behind once theirs is taken for each', () => {
    const a = mine();
    for (let guard = 0; guard < 10; guard++) {
      const left = compareAnnotations(a, theirs());
      if (!left.length) break;
      takeTheirs(a, left[0]);
    }
    assert.deepEqual(compareAnnotations(a, theirs()), []);
  });
});
