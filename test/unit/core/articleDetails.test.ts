// Tests of the article's own details: the checks on what the fact-checker types, the proposed headline, and setting them.

import assert from 'node:assert/strict';
import { checkArticleUrl, checkPublished, proposedHeadline, setArticleDetails } from '../../../src/core/articleDetails';
import { emptyAnnotations, type ArticleInfo } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';

describe('articleDetails', () => {
  it('accepts web addresses only, saying in plain words what is wrong', () => {
    assert.equal(checkArticleUrl('https://news.example.com/2026/11/csto'), undefined);
    assert.equal(checkArticleUrl('  '), undefined, 'empty removes the address');
    assert.match(checkArticleUrl('https://')!, /rest of the address/);
    assert.match(checkArticleUrl('file:///home/me/csto.txt')!, /https:\/\//);
    assert.match(checkArticleUrl('news.example.com/csto')!, /not a complete web address/);
    assert.match(checkArticleUrl('https://news.example.com/a b')!, /spaces/);
  });

  it('accepts real dates written YYYY-MM-DD', () => {
    assert.equal(checkPublished('2026-11-28'), undefined);
    assert.equal(checkPublished(''), undefined);
    for (const bad of ['28/11/2026', '2026-02-30', '2026-13-01', 'yesterday']) {
      assert.match(checkPublished(bad)!, /2026-11-28/, bad);
    }
  });

  it('proposes the first line with text as the headline, without Markdown marks', () => {
    assert.equal(proposedHeadline('\n\nArmenia’s Absence Raises Eyebrows at Russian-Led CSTO Training\n\nYEREVAN —'), 'Armenia’s Absence Raises Eyebrows at Russian-Led CSTO Training');
    assert.equal(proposedHeadline('\uFEFF# Summit ends without a deal #\r\nBody'), 'Summit ends without a deal');
    assert.equal(proposedHeadline('  ##  \n**Budget passes**\n'), 'Budget passes');
    assert.equal(proposedHeadline('#hashtag politics'), '#hashtag politics');
    assert.equal(proposedHeadline(' \n\t\n'), '');
  });

  it('sets the details given, removes the emptied ones, and keeps the rest', () => {
    const article: ArticleInfo = { file: 'csto.txt', title: 'Old headline', publisher: 'Example News' };
    assert.equal(setArticleDetails(article, { url: ' https://news.example.com/csto ', title: 'New  headline', published: '2026-11-20', publisher: '' }), true);
    assert.deepEqual(article, { file: 'csto.txt', title: 'New headline', url: 'https://news.example.com/csto', published: '2026-11-20' });
    assert.equal(setArticleDetails(article, { title: 'New headline' }), false, 'nothing changed');
  });

  it('changes nothing when one detail is refused', () => {
    const article: ArticleInfo = { file: 'csto.txt', title: 'Headline' };
    assert.throws(() => setArticleDetails(article, { title: 'Other', url: 'javascript:alert(1)' }), /https:\/\//);
    assert.throws(() => setArticleDetails(article, { title: 'Other', published: '2026-02-30' }), /2026-11-28/);
    assert.deepEqual(article, { file: 'csto.txt', title: 'Headline' });
  });

  it('keeps the details in the sidecar, after the headline and address, and refuses a date that is not one', () => {
    const text = 'Summit ends without a deal\n';
    const a = emptyAnnotations('summit.txt');
    setArticleDetails(a.article, { url: 'https://news.example.com/summit', title: 'Summit ends without a deal', publisher: 'Caucasus Daily', published: '2024-05-01' });
    const yaml = encodeSidecar(a, text);
    assert.match(yaml, /title: Summit ends without a deal\n {2}url: https:\/\/news\.example\.com\/summit\n {2}publisher: Caucasus Daily\n {2}published: 2024-05-01\n {2}sha256:/);
    assert.deepEqual(decodeSidecar(yaml, text).annotations?.article, { ...a.article, sha256: decodeSidecar(yaml, text).annotations?.article.sha256 });
    const bad = decodeSidecar(yaml.replace('2024-05-01', '1 May 2024'), text);
    assert.equal(bad.annotations, undefined);
    assert.equal(bad.problems[0].line, 7);
  });
});
