import * as assert from 'node:assert/strict';
import { ClaimArchive, claimFeatures, MATCH_THRESHOLD } from '../../../../src/core/match';

const actors = [
  { key: 'armenia', names: ['Armenia', 'Armenian'] },
  { key: 'kazakhstan', names: ['Kazakhstan'] },
  { key: 'csto', names: ['CSTO', 'Collective Security Treaty Organization'] },
];

function archive(): ClaimArchive {
  const a = new ClaimArchive(actors);
  const claims = [
    'Approximately 2,500 personnel and various military equipment are involved in the exercises',
    'Armenia will not take part in the CSTO exercises this year',
    'Unemployment fell to 4.2% in March 2024',
    'The council spent 3 million pounds on the new bridge',
  ];
  claims.forEach((text, i) => a.add({ key: `k${i}`, text, article: `a${i}.txt`, claim: `c${i}`, verdict: 'true', source: 'workspace' }));
  return a;
}
const best = (a: ClaimArchive, text: string) => a.search(text, { all: true, limit: 1 })[0];

describe('claimFeatures', () => {
  it('stems words, leaves stop words out and takes amounts apart from words', () => {
    const f = claimFeatures('The exercises involve about 2.5k personnel');
    assert.deepEqual(f.numbers, ['2500']);
    assert.ok(f.words.includes('exercis'));
    assert.ok(!f.words.includes('the'));
  });

  it('counts negation, with a double negation cancelling and "no longer" as one', () => {
    assert.equal(claimFeatures('Armenia will not take part').negated, true);
    assert.equal(claimFeatures("Armenia won't take part").negated, true);
    assert.equal(claimFeatures('Armenia is no longer a member').negated, true);
    assert.equal(claimFeatures('It is not true that Armenia did not take part').negated, false);
    assert.equal(claimFeatures('Armenia will take part').negated, false);
  });

  it('names the actors it mentions by their names and aliases, accents and case aside', () => {
    assert.deepEqual(claimFeatures('ARMENIAN troops joined the collective security treaty organization drills', actors).actors, ['armenia', 'csto']);
  });

  it('reads a month and year as a date', () => {
    assert.deepEqual(claimFeatures('Unemployment fell in March 2024').dates, ['2024', '2024-03']);
  });
});

describe('ClaimArchive', () => {
  it('finds the same claim reworded, with its numbers written differently, above the threshold', () => {
    const match = best(archive(), 'Some two and a half thousand personnel, along with military equipment, are involved in the exercises');
    assert.equal(match.claim.key, 'k0');
    assert.ok(match.score >= MATCH_THRESHOLD, `score ${match.score}`);
  });

  it('scores a changed number, a negation and another actor below the threshold, however many words they share', () => {
    const a = archive();
    for (const text of [
      'Approximately 2,000 personnel and various military equipment are involved in the exercises',
      'Armenia will take part in the CSTO exercises this year',
      'Kazakhstan will not take part in the CSTO exercises this year',
      'Unemployment fell to 4.2% in March 2023',
    ]) {
      assert.deepEqual(a.search(text), [], text);
      assert.ok(best(a, text).score < MATCH_THRESHOLD);
    }
  });

  it('orders a closer wording before a looser one', () => {
    const a = archive();
    const close = best(a, 'Armenia is not taking part in the CSTO exercises this year').score;
    const loose = best(a, 'Armenia is not taking part in the drills').score;
    assert.ok(close > loose, `${close} > ${loose}`);
  });

  it('forgets the claims of an article that was removed, and replaces a claim added again', () => {
    const a = archive();
    a.removeArticle('a1.txt');
    assert.equal(a.size, 3);
    assert.notEqual(best(a, 'Armenia will not take part in the CSTO exercises this year')?.claim.key, 'k1');
    a.add({ key: 'k0', text: 'The bridge cost 3 million pounds', article: 'a0.txt', source: 'workspace' });
    assert.equal(a.size, 3);
  });

  it('offers nothing for an unrelated claim', () => {
    assert.deepEqual(archive().search('The striker scored twice in the second half'), []);
  });
});
