import * as assert from 'node:assert/strict';
import { measureAgreement } from '../../../../src/core/agreement';
import { type Annotations, anchorAt, type Claim } from '../../../../src/core/model';
import { DEFAULT_VERDICT_SCALE } from '../../../../src/core/verdicts';

const text = 'Nikol Pashinyan said Armenia would not take part. Russia sent 2,500 troops to Belarus.';
const at = (quote: string) => {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return anchorAt(text, start, start + quote.length);
};

function annotations(mentions: [string, string][], claims: [string, string | undefined][]): Annotations {
  return {
    article: { file: 'a.txt' },
    actors: mentions.map(([quote, type], i) => ({ id: `a${i}`, name: quote, type, mentions: [at(quote)] })),
    claims: claims.map(([quote, verdict], i): Claim => ({ id: `c${i}`, anchor: at(quote), status: 'checked', sources: [], ...(verdict ? { verdict } : {}) })),
  };
}

describe('measureAgreement', () => {
  it('scores two identical annotations as full agreement', () => {
    const one = annotations([['Nikol Pashinyan', 'person'], ['Russia', 'country']], [['Russia sent 2,500 troops', 'false']]);
    const report = measureAgreement([{ article: 'a.txt', versions: [one, structuredClone(one)] }], DEFAULT_VERDICT_SCALE);
    assert.equal(report.overall.mentions.exact, 1);
    assert.equal(report.overall.claims.overlap, 1);
    assert.equal(report.overall.actorTypes.units, 2);
  });

  it('tells exact from overlapping spans, and counts type and verdict disagreements on matched spans', () => {
    const a = annotations(
      [['Nikol Pashinyan', 'person'], ['Armenia', 'country'], ['Russia', 'country']],
      [['Russia sent 2,500 troops to Belarus', 'false'], ['Armenia would not take part', 'true']],
    );
    const b = annotations(
      [['Pashinyan', 'person'], ['Armenia', 'organisation'], ['Belarus', 'country']],
      [['Russia sent 2,500 troops', 'mostly-false'], ['Armenia would not take part', 'true']],
    );
    const { overall } = measureAgreement([{ article: 'a.txt', versions: [a, b] }], DEFAULT_VERDICT_SCALE);
    // Mentions: Armenia exact; Pashinyan overlaps Nikol Pashinyan; Russia and Belarus unmatched.
    assert.equal(overall.mentions.exact, (2 * 1) / 6);
    assert.equal(overall.mentions.overlap, (2 * 2) / 6);
    assert.equal(overall.claims.exact, (2 * 1) / 4);
    assert.equal(overall.claims.overlap, 1);
    // Types on the two matched spans: person/person agree, country/organisation do not.
    assert.equal(overall.actorTypes.units, 2);
    assert.ok(overall.actorTypes.kappa !== undefined && overall.actorTypes.kappa < 1);
    // Verdicts: false vs mostly-false disagree nominally, yet lie close on the ordinal scale.
    assert.equal(overall.verdicts.units, 2);
    assert.ok(overall.verdicts.alphaOrdinal! > overall.verdicts.alpha!);
  });

  it('pools articles before dividing, and reports each article on its own', () => {
    const a = annotations([['Russia', 'country']], []);
    const b = annotations([['Armenia', 'country']], []);
    const report = measureAgreement(
      [
        { article: 'one.txt', versions: [a, structuredClone(a)] },
        { article: 'two.txt', versions: [a, b] },
      ],
      DEFAULT_VERDICT_SCALE,
    );
    assert.equal(report.articles[0].figures.mentions.exact, 1);
    assert.equal(report.articles[1].figures.mentions.exact, 0);
    assert.equal(report.overall.mentions.exact, 0.5);
  });

  it('leaves orphaned annotations and a missing sidecar out, and gives α but no κ for three annotators', () => {
    const a = annotations([['Russia', 'country']], [['Russia sent 2,500 troops', 'false']]);
    const orphaned = structuredClone(a);
    orphaned.actors[0].mentions[0].orphaned = true;
    const report = measureAgreement([{ article: 'a.txt', versions: [a, orphaned, undefined] }], DEFAULT_VERDICT_SCALE);
    assert.equal(report.annotators, 3);
    assert.equal(report.overall.mentions.counts.exact.matched, 0);
    assert.equal(report.overall.claims.counts.exact.matched, 1);
    assert.equal(report.overall.verdicts.kappa, undefined);
  });
});
