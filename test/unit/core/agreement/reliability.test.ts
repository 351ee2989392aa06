import * as assert from 'node:assert/strict';
import { cohenKappa, krippendorffAlpha, type Unit } from '../../../../src/core/agreement/reliability';

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: four coders,
// twelve units, values 1–5, with missing values (written here as undefined).
const _ = undefined;
const coders = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const units: Unit<number>[] = coders[0].map((_v, u) => coders.map((c) => c[u]));

const round3 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 1000) / 1000);

describe('krippendorffAlpha', () => {
  it('gives the published figures of the 2011 worked example at every level', () => {
    assert.equal(round3(krippendorffAlpha(units, 'nominal')), 0.743);
    assert.equal(round3(krippendorffAlpha(units, 'ordinal')), 0.815);
    assert.equal(round3(krippendorffAlpha(units, 'interval')), 0.849);
    assert.equal(round3(krippendorffAlpha(units, 'ratio')), 0.797);
  });

  it('drops units only one coder coded: unit 12 changes nothing', () => {
    const without12 = units.slice(0, 11);
    assert.equal(krippendorffAlpha(without12, 'nominal'), krippendorffAlpha(units, 'nominal'));
  });

  it('is 1 for perfect agreement and falls below 0 for systematic disagreement', () => {
    assert.equal(krippendorffAlpha([[1, 1], [2, 2], [3, 3]], 'nominal'), 1);
    const opposed = krippendorffAlpha([[1, 2], [2, 1], [1, 2], [2, 1]], 'nominal')!;
    assert.ok(opposed < 0, `alpha ${opposed}`);
  });

  it('is undefined when nothing varies or nothing is pairable', () => {
    assert.equal(krippendorffAlpha([[1, 1], [1, 1]], 'nominal'), undefined);
    assert.equal(krippendorffAlpha([[1, _], [_, 2]], 'nominal'), undefined);
  });

  it('takes text values for nominal agreement and refuses them for numeric levels', () => {
    assert.equal(krippendorffAlpha([['person', 'person'], ['country', 'country']], 'nominal'), 1);
    assert.throws(() => krippendorffAlpha([['a', 'b']], 'interval'));
  });
});

describe('cohenKappa', () => {
  it('gives 0.4 on the two-reader example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no', () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, () => ['yes', 'yes'] as [string, string]),
      ...Array.from({ length: 5 }, () => ['yes', 'no'] as [string, string]),
      ...Array.from({ length: 10 }, () => ['no', 'yes'] as [string, string]),
      ...Array.from({ length: 15 }, () => ['no', 'no'] as [string, string]),
    ];
    assert.equal(round3(cohenKappa(pairs)), 0.4);
  });

  it('is 1 for identical coding, 0 at chance, undefined without items', () => {
    assert.equal(cohenKappa([['a', 'a'], ['b', 'b']]), 1);
    assert.equal(cohenKappa([['a', 'a'], ['a', 'b'], ['b', 'a'], ['b', 'b']]), 0);
    assert.equal(cohenKappa([]), undefined);
  });
});
