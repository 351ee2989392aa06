// Tests of the one archive builder the editor and the command line share: what it holds, what it never offers, and how an article is replaced.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { archiveArticle, buildArchive, offersFor } from '../../../../src/core/match';
import type { Annotations } from '../../../../src/core/model';
import { decodeSidecar } from '../../../../src/core/sidecar';

const WORKSPACE = join(__dirname, '../../../../../test/fixtures/workspace');

function annotationsOf(name: string): Annotations {
  const read = decodeSidecar(readFileSync(join(WORKSPACE, `${name}.annotations.yaml`), 'utf8'), readFileSync(join(WORKSPACE, name), 'utf8'));
  assert.ok(read.annotations, `${name} decodes`);
  return read.annotations;
}

const FACT_CHECK = { url: 'https://factcheck.example/dam-volume', claim: 'The dam holds 2,500 million litres', rating: 'Mostly false', publisher: 'Valley Fact Check', reviewed: '2024-06-20' };

describe('buildArchive', () => {
  const brenn = () => ({ path: 'news/brenn-water-rationing.txt', annotations: annotationsOf('brenn-water-rationing.txt') });

  it('holds the checked claims of every article, keyed by article path and id, and the fact-checks by address', () => {
    const archive = buildArchive([brenn()], [FACT_CHECK]);
    const [claim] = archive.search('Rationing began on 3 June in 14 municipalities');
    assert.equal(claim.claim.key, 'news/brenn-water-rationing.txt#c3');
    assert.equal(claim.claim.verdict, 'true');
    assert.equal(claim.score, 1);
    const [review] = archive.search('The dam holds 2,500 million litres of water');
    assert.equal(review.claim.key, FACT_CHECK.url);
    assert.equal(review.claim.source, 'fact-check');
    assert.equal(review.claim.verdict, 'Mostly false');
  });

  it('leaves out claims with neither a verdict nor a source: there is no work of theirs to reuse', () => {
    const annotations = annotationsOf('brenn-water-rationing.txt');
    const bare = annotations.claims.find((c) => c.verdict === undefined && !c.sources.length);
    assert.ok(bare, 'the fixture has a claim with nothing checked yet');
    const archive = buildArchive([{ path: 'a.txt', annotations }], []);
    assert.ok(!archive.search(bare.anchor.quote, { all: true }).some((m) => m.claim.claim === bare.id));
  });

  it('never offers a claim as a match of itself, nor one it was told is another claim', () => {
    const article = brenn();
    const archive = buildArchive([article], []);
    const c3 = article.annotations.claims.find((c) => c.id === 'c3')!;
    assert.ok(!offersFor(archive, article.path, c3, { all: true }).some((m) => m.claim.key === 'news/brenn-water-rationing.txt#c3'));
    const copy = { ...c3, id: 'c99' };
    assert.equal(offersFor(archive, 'other.txt', copy)[0]?.claim.key, 'news/brenn-water-rationing.txt#c3');
    assert.deepEqual(offersFor(archive, 'other.txt', { ...copy, notSameAs: ['news/brenn-water-rationing.txt#c3'] }), []);
  });

  it('replaces an article’s claims when it is archived again, so an edited verdict is what is offered', () => {
    const article = brenn();
    const archive = buildArchive([article], []);
    const edited = structuredClone(article.annotations);
    edited.claims.find((c) => c.id === 'c3')!.verdict = 'false';
    archiveArticle(archive, { path: article.path, annotations: edited });
    const matches = archive.search('Rationing began on 3 June in 14 municipalities', { all: true });
    assert.deepEqual(matches.filter((m) => m.claim.claim === 'c3').map((m) => m.claim.verdict), ['false']);
  });
});
