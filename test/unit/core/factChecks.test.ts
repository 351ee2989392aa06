import * as assert from 'node:assert/strict';
import { decodeFactChecks, encodeFactChecks, mergeFactChecks, readFactChecks } from '../../../src/core/factChecks';

const review = (url: string, claim: string, rating = 'Mostly false') => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url,
  claimReviewed: claim,
  datePublished: '2024-05-03',
  author: { '@type': 'Organization', name: 'Full Fact' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A Minister' }, datePublished: '2024-05-01' },
  reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: rating },
});

describe('readFactChecks', () => {
  it('reads one ClaimReview with its claimant, publisher, rating and dates', () => {
    const { factChecks, problems } = readFactChecks(JSON.stringify(review('https://fullfact.org/a', '2,500 troops took part')));
    assert.deepEqual(problems, []);
    assert.deepEqual(factChecks, [
      {
        url: 'https://fullfact.org/a',
        claim: '2,500 troops took part',
        claimant: 'A Minister',
        claimDate: '2024-05-01',
        publisher: 'Full Fact',
        rating: 'Mostly false',
        ratingValue: 2,
        bestRating: 5,
        worstRating: 1,
        reviewed: '2024-05-03',
      },
    ]);
  });

  it('reads an array, a @graph and a DataFeed alike', () => {
    const a = review('https://x.org/1', 'one');
    const b = review('https://x.org/2', 'two');
    for (const doc of [[a, b], { '@graph': [a, { '@type': 'WebPage' }, b] }, { '@type': 'DataFeed', dataFeedElement: [{ '@type': 'DataFeedItem', item: [a] }, { item: b }] }]) {
      assert.deepEqual(readFactChecks(JSON.stringify(doc)).factChecks.map((f) => f.claim), ['one', 'two']);
    }
  });

  it('reads the claims search answer of Fact Check Tools', () => {
    const answer = {
      claims: [
        {
          text: 'Unemployment fell to 4.2%',
          claimant: 'The minister',
          claimDate: '2024-03-10T00:00:00Z',
          claimReview: [{ publisher: { name: 'PolitiFact', site: 'politifact.com' }, url: 'https://politifact.com/x', textualRating: 'True', reviewDate: '2024-03-12T00:00:00Z' }],
        },
      ],
    };
    assert.deepEqual(readFactChecks(JSON.stringify(answer, null, 2)).factChecks, [
      { url: 'https://politifact.com/x', claim: 'Unemployment fell to 4.2%', claimant: 'The minister', claimDate: '2024-03-10', publisher: 'PolitiFact', rating: 'True', reviewed: '2024-03-12' },
    ]);
  });

  it('refuses the whole file, at the line of the bad review, when one review lacks its claim or address', () => {
    const doc = JSON.stringify([review('https://x.org/1', 'one'), { '@type': 'ClaimReview', url: 'https://x.org/2' }], null, 2);
    const { factChecks, problems } = readFactChecks(doc);
    assert.deepEqual(factChecks, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, 'ClaimReview 2 of this file never says which claim it reviews ("claimReviewed").');
    assert.equal(doc.split('\n')[problems[0].line - 1].trim(), '{');
    assert.ok(problems[0].line > 10);
  });

  it('says where JSON is broken, in words that name no parser', () => {
    const { problems } = readFactChecks('{\n  "claims": [\n    { "text": "x", }\n  ]\n}');
    assert.equal(problems[0].line, 3);
    assert.doesNotMatch(problems[0].message, /JSON\.parse|SyntaxError|Unexpected token/);
    assert.equal(readFactChecks('').problems[0].message, 'The file is empty.');
  });

  it('refuses a web address that is not http or https', () => {
    assert.equal(readFactChecks(JSON.stringify(review('javascript:alert(1)', 'x'))).problems.length, 1);
  });

  it('says when a valid JSON file holds no fact-checks', () => {
    assert.match(readFactChecks('{"@type": "WebPage"}').problems[0].message, /No ClaimReview/);
  });
});

describe('the fact-checks file', () => {
  it('writes the same bytes for the same checks in any order, and reads them back', () => {
    const a = readFactChecks(JSON.stringify([review('https://x.org/2', 'two'), review('https://x.org/1', 'one')])).factChecks;
    const text = encodeFactChecks(a);
    assert.equal(encodeFactChecks([...a].reverse()), text);
    assert.deepEqual(decodeFactChecks(text).factChecks, [...a].sort((x, y) => x.url.localeCompare(y.url)));
  });

  it('reads a damaged file as a problem, never as an empty list', () => {
    assert.equal(decodeFactChecks('factChecks: [').problems.length, 1);
    assert.equal(decodeFactChecks('other: 1').problems.length, 1);
  });

  it('merges by address, counting what was added and what changed', () => {
    const one = { url: 'https://x.org/1', claim: 'one' };
    const { factChecks, added, updated } = mergeFactChecks([one], [{ ...one, rating: 'False' }, { url: 'https://x.org/2', claim: 'two' }]);
    assert.deepEqual([added, updated, factChecks.length], [1, 1, 2]);
  });
});
