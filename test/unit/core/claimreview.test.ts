// Tests of the ClaimReview export: which claims become reviews and what search engines read from each.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBrat } from '../../../src/core/brat';
import { exportClaimReview } from '../../../src/core/claimreview';
import { DEFAULT_EXPORT_SETTINGS, exportArticle } from '../../../src/core/exporters';
import type { Annotations } from '../../../src/core/model';
import { DEFAULT_VERDICT_SCALE } from '../../../src/core/verdicts';

const FIXTURES = join(__dirname, '../../../../test/fixtures/brat');

describe('claimreview', () => {
  // Imported in before(), not while mocha loads the file, so a run that skips this suite does not pay for it.
  let text: string;
  let imported: Annotations;
  before(() => {
    text = readFileSync(join(FIXTURES, 'summit.txt'), 'utf8');
    imported = importBrat(text, readFileSync(join(FIXTURES, 'summit.ann'), 'utf8'), { articleFile: 'summit.txt' }).annotations!;
  });
  const settings = {
    author: { name: 'Factcheck Desk', url: 'https://factcheck.example.org/' },
    url: 'https://factcheck.example.org/checks/{article}#{claim}',
    datePublished: '2024-05-02',
  };
  function annotated(): Annotations {
    const a: Annotations = structuredClone(imported);
    a.article.url = 'https://news.example.com/2024/05/yerevan-summit';
    a.article.title = 'Yerevan summit ends without a peace deal';
    a.article.publisher = 'Caucasus Daily';
    a.article.published = '2024-05-01';
    return a;
  }

  it('reviews checked claims only, with everything a fact-check listing shows', () => {
    const { reviews, warnings } = exportClaimReview(annotated(), text, settings);
    assert.deepEqual(warnings, []);
    assert.deepEqual(reviews, [
      {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: 'We have agreed on 15 of the 17 articles',
        itemReviewed: {
          '@type': 'Claim',
          author: { '@type': 'Person', name: 'Pashinyan' },
          datePublished: '2024-05-01',
          appearance: {
            '@type': 'NewsArticle',
            url: 'https://news.example.com/2024/05/yerevan-summit',
            headline: 'Yerevan summit ends without a peace deal',
            publisher: { '@type': 'Organization', name: 'Caucasus Daily' },
            datePublished: '2024-05-01',
          },
        },
        reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
        url: 'https://factcheck.example.org/checks/summit#c1',
        datePublished: '2024-05-02',
        author: { '@type': 'Organization', name: 'Factcheck Desk', url: 'https://factcheck.example.org/' },
      },
    ]);
  });

  it('quotes a discontinuous claim without the words between its fragments', () => {
    const a = annotated();
    Object.assign(a.claims[1], { status: 'checked', verdict: 'unproven' });
    const { reviews } = exportClaimReview(a, text, settings);
    assert.equal(reviews[1].claimReviewed, 'The agreement, … will be signed before the end of the year.');
  });

  it('gives a verdict off the numeric scale by its label alone', () => {
    const a = annotated();
    Object.assign(a.claims[1], { status: 'checked', verdict: 'unproven' });
    const { reviews } = exportClaimReview(a, text, settings);
    assert.deepEqual(reviews[1].reviewRating, { '@type': 'Rating', alternateName: 'Unproven' });
    for (const r of reviews) {
      const { ratingValue, bestRating, worstRating } = r.reviewRating;
      if (ratingValue !== undefined) {
        assert.ok(ratingValue >= worstRating! && ratingValue <= bestRating!);
      }
    }
  });

  it('uses the configured scale', () => {
    const scale = { verdicts: [{ id: 'pants-on-fire', label: 'Pants on fire', ratingValue: 0 }, { id: 'mostly-false', label: 'Mostly False', ratingValue: 1 }], bestRating: 5, worstRating: 0 };
    const { reviews } = exportClaimReview(annotated(), text, { ...settings, verdicts: scale });
    assert.deepEqual(reviews[0].reviewRating, { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 0, alternateName: 'Mostly False' });
  });

  it('names an organisation as claimant, with its Wikidata page, and leaves the author out when the article itself claims', () => {
    const a = annotated();
    a.claims[0].claimant = a.actors.find((x) => x.name === 'European Union')!.id;
    a.claims[1] = { ...a.claims[1], status: 'checked', verdict: 'true', claimant: undefined };
    const { reviews } = exportClaimReview(a, text, settings);
    assert.deepEqual(reviews[0].itemReviewed.author, { '@type': 'Organization', name: 'European Union', sameAs: 'https://www.wikidata.org/wiki/Q458' });
    assert.equal(reviews[1].itemReviewed.author, undefined);
  });

  it('says what is missing instead of writing incomplete reviews silently', () => {
    const a: Annotations = structuredClone(imported);
    a.claims[1].status = 'checked';
    a.claims[2] = { ...a.claims[2], status: 'checked', verdict: 'pants-on-fire' };
    const { reviews, warnings } = exportClaimReview(a, text, { verdicts: DEFAULT_VERDICT_SCALE });
    assert.equal(reviews.length, 1);
    assert.deepEqual(warnings.map((w) => w.code), ['no-article-url', 'no-author', 'no-url', 'no-verdict', 'unknown-verdict']);
  });

  it('names the setting or command that fills each missing part', () => {
    const a: Annotations = structuredClone(imported);
    const { reviews, warnings } = exportClaimReview(a, text, {});
    assert.deepEqual(reviews[0].itemReviewed, { '@type': 'Claim', author: { '@type': 'Person', name: 'Pashinyan' } });
    const said = Object.fromEntries(warnings.map((w) => [w.code, w.message]));
    assert.match(said['no-article-url'], /run Newsmark: Set Article Details… or set article\.url/);
    assert.match(said['no-author'], /set newsmark\.export\.claimReview\.author \(name, type, url\) — in \.newsmark\.json for the command line/);
    assert.match(said['no-url'], /set newsmark\.export\.claimReview\.url/);
  });

  it('writes no nameless author: an empty or partial author setting is no author, with a warning', () => {
    for (const author of [{}, { name: ' ' }, { url: 'https://factcheck.example.org/' }]) {
      const { reviews, warnings } = exportClaimReview(annotated(), text, { ...settings, author });
      assert.equal(reviews[0].author, undefined, JSON.stringify(author));
      assert.deepEqual(warnings.map((w) => w.code), ['no-author']);
    }
    const { warnings } = exportClaimReview(annotated(), text, { ...settings, author: { url: 'https://factcheck.example.org/' } });
    assert.match(warnings[0].message, /newsmark\.export\.claimReview\.author has no name/);
    const { content } = exportArticle('claimreview', 'file:///summit.txt', annotated(), text, { ...DEFAULT_EXPORT_SETTINGS, claimReview: { author: {}, url: settings.url } });
    assert.doesNotMatch(content, /"author":\{"@type":"Organization"\}/);
  });

  it('describes the article from what the sidecar knows of it, and leaves out a date that is not one', () => {
    const a: Annotations = structuredClone(imported);
    a.article.title = 'Yerevan summit ends without a peace deal';
    a.article.published = '2024-02-30';
    const { reviews, warnings } = exportClaimReview(a, text, settings);
    assert.deepEqual(reviews[0].itemReviewed.appearance, { '@type': 'NewsArticle', headline: 'Yerevan summit ends without a peace deal' });
    assert.equal(reviews[0].itemReviewed.datePublished, undefined);
    assert.deepEqual(warnings.map((w) => w.code), ['no-article-url']);
  });

  it('writes nothing, and warns of nothing, for an article without checked claims', () => {
    const a: Annotations = structuredClone(imported);
    a.claims.forEach((c) => (c.status = 'in-progress'));
    assert.deepEqual(exportClaimReview(a, text), { reviews: [], warnings: [] });
  });

  it('writes JSON that can be pasted into a <script type="application/ld+json"> and still reads the same', () => {
    const a = annotated();
    const hostile = '</script><script>alert(1)</script> <!-- x \u2028\u2029 </SCRIPT >';
    a.article.title = hostile;
    a.article.publisher = hostile;
    a.actors.find((x) => x.name === 'Pashinyan')!.name = hostile;
    const exportSettings = { ...DEFAULT_EXPORT_SETTINGS, claimReview: { author: { name: hostile }, url: settings.url } };
    const { content } = exportArticle('claimreview', 'file:///summit.txt', a, text, exportSettings);
    assert.doesNotMatch(content, /<\/|<!--|[\u2028\u2029]/i);
    // Where the browser's HTML parser would end the script, if anywhere.
    const page = `<script type="application/ld+json">${content}</script>`;
    assert.equal(page.search(/<\/script/i), page.length - '</script>'.length);
    const { reviews } = exportClaimReview(a, text, { verdicts: exportSettings.scale, author: { name: hostile }, url: settings.url });
    assert.deepEqual(JSON.parse(content), reviews);
    assert.equal(JSON.parse(content)[0].itemReviewed.author.name, hostile);
    assert.equal(JSON.parse(content)[0].itemReviewed.appearance.publisher.name, hostile);
  });
});

describe('ClaimReview: who reviewed the claim, from the sidecar', () => {
  const text = 'Nikol Pashinyan said Armenia would not take part.';
  const annotations = (): Annotations => ({
    article: { file: 'a.txt', url: 'https://news.example.com/a' },
    actors: [],
    claims: [
      {
        id: 'c1',
        anchor: { start: 21, end: 48, quote: text.slice(21, 48), prefix: '', suffix: '' },
        status: 'checked',
        verdict: 'false',
        sources: [],
        by: 'Ana Petrosyan',
        at: '2026-12-01T09:05:00Z',
        reviewedBy: 'Davit Hakobyan',
        reviewedAt: '2026-12-03T16:40:11Z',
      },
    ],
  });

  it('gives the rating its author and the review its dateCreated, under the organisation as author', () => {
    const { reviews } = exportClaimReview(annotations(), text, { author: { type: 'Organization', name: 'Factcheck Desk' }, url: 'https://factcheck.example.org/{claim}' });
    assert.deepEqual(reviews[0].author, { '@type': 'Organization', name: 'Factcheck Desk' });
    assert.deepEqual(reviews[0].reviewRating.author, { '@type': 'Person', name: 'Davit Hakobyan' });
    assert.equal(reviews[0].dateCreated, '2026-12-03T16:40:11Z');
    // When the fact check is published is the publisher's to say, not the time of the verdict.
    assert.equal(reviews[0].datePublished, undefined);
  });

  it('names the reviewer as the author when no organisation is set, without asking for one', () => {
    const { reviews, warnings } = exportClaimReview(annotations(), text, { url: 'https://factcheck.example.org/{claim}' });
    assert.deepEqual(reviews[0].author, { '@type': 'Person', name: 'Davit Hakobyan' });
    assert.deepEqual(warnings.map((w) => w.code), []);
  });

  it('leaves out who and when that an old sidecar does not say', () => {
    const old = annotations();
    for (const key of ['by', 'at', 'reviewedBy', 'reviewedAt'] as const) {
      delete old.claims[0][key];
    }
    const { reviews, warnings } = exportClaimReview(old, text, {});
    assert.deepEqual([reviews[0].author, reviews[0].reviewRating.author, reviews[0].dateCreated], [undefined, undefined, undefined]);
    assert.ok(warnings.some((w) => w.code === 'no-author'));
  });
});
