import * as assert from 'node:assert/strict';
import { quantities } from '../../../../src/core/match/numbers';

const values = (text: string) => quantities(text).map((q) => (q.unit === '%' ? `${q.value}%` : q.value));

describe('quantities', () => {
  it('reads one amount however it is written', () => {
    for (const text of ['2,500 personnel', '2500 personnel', '2.5k personnel', 'two and a half thousand personnel', 'twenty-five hundred personnel']) {
      assert.deepEqual(values(text), [2500], text);
    }
  });

  it('reads scales, suffixes and number words', () => {
    assert.deepEqual(values('2.5 million euros'), [2500000]);
    assert.deepEqual(values('half a million people'), [500000]);
    assert.deepEqual(values('a thousand troops'), [1000]);
    assert.deepEqual(values('three hundred and twenty tanks'), [320]);
    assert.deepEqual(values('£3m on the bridge'), [3000000]);
  });

  it('reads percentages and shares written as fractions alike', () => {
    assert.deepEqual(values('12% of the budget'), ['12%']);
    assert.deepEqual(values('up 12 per cent'), ['12%']);
    assert.deepEqual(values('forty-five percent of voters'), ['45%']);
    assert.deepEqual(values('half of all teachers'), ['50%']);
    assert.deepEqual(values('one in five children'), ['20%']);
    assert.deepEqual(values('a quarter of all teachers'), ['25%']);
  });

  it('tells different amounts apart', () => {
    assert.notDeepEqual(values('2,500 personnel'), values('2,000 personnel'));
    assert.notDeepEqual(values('25,000 personnel'), values('2,500 personnel'));
  });

  it('does not read a pronoun "one" or a lone fraction word as an amount', () => {
    assert.deepEqual(values('one of the largest exercises'), []);
    assert.deepEqual(values('the other half'), []);
  });

  it('keeps the word after the amount as its unit', () => {
    assert.equal(quantities('2,500 personnel').at(0)?.unit, 'personnel');
    assert.equal(quantities('2,500 of the personnel').at(0)?.unit, undefined);
  });
});
