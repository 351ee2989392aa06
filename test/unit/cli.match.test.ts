// Tests of newsmark match and newsmark import claimreview: what a newsroom's script reads back, and that a bad file of fact-checks changes nothing.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, main } from '../../src/cli';
import { DAM_FACT_CHECK } from '../factCheck';

const WORKSPACE = join(__dirname, '../../../test/fixtures/workspace');

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

interface Row {
  score: number;
  article: string;
  claim: string | null;
  text: string;
  verdict: string | null;
  source: string;
  for?: string;
}

describe('cli match and import claimreview', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsmark-match-'));
    mkdirSync(join(dir, '.git'));
    cpSync(WORKSPACE, join(dir, 'news'), { recursive: true });
    // The fixture's broken sidecar is tested below; the rest of the tests want a clean newsroom.
    rmSync(join(dir, 'news', 'broken.txt.annotations.yaml'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the checked claim a wording repeats, with its score, article, claim id, verdict and wording', async () => {
    const r = await run(dir, 'match', 'Rationing began on 3 June in 14 municipalities');
    assert.equal(r.code, EXIT.ok, r.err);
    assert.equal(r.out, '1.00  news/brenn-water-rationing.txt, claim c3: True\n      “Rationing began on 3 June in 14 municipalities”\n');
  });

  it('--json prints one array a script can read, workspace claims and fact-checks alike', async () => {
    writeFileSync(join(dir, 'review.json'), JSON.stringify(DAM_FACT_CHECK));
    assert.equal((await run(dir, 'import', 'claimreview', 'review.json')).code, EXIT.ok);
    const r = await run(dir, 'match', 'Rationing started on 3 June in 14 municipalities', '--json');
    assert.equal(r.code, EXIT.ok, r.err);
    const rows = JSON.parse(r.out) as Row[];
    assert.deepEqual(rows.map((x) => [x.article, x.claim, x.verdict, x.source]), [['news/brenn-water-rationing.txt', 'c3', 'true', 'workspace']]);
    assert.ok(rows[0].score >= 0.5 && rows[0].score < 1);
    const dam = JSON.parse((await run(dir, 'match', 'The dam holds 2,500 million litres of water', '--json')).out) as Row[];
    assert.deepEqual(dam.map((x) => [x.article, x.claim, x.text, x.verdict, x.source]), [[DAM_FACT_CHECK.url, null, DAM_FACT_CHECK.claimReviewed, 'Mostly false', 'fact-check']]);
  });

  it('offers nothing below the threshold unless --all is given, and a different amount is not the same claim', async () => {
    const plain = await run(dir, 'match', 'Rationing began on 3 June in 15 municipalities', '--json');
    assert.deepEqual(JSON.parse(plain.out), []);
    const all = JSON.parse((await run(dir, 'match', 'Rationing began on 3 June in 15 municipalities', '--json', '--all', '--limit', '3')).out) as Row[];
    assert.equal(all.length, 3);
    assert.equal(all[0].claim, 'c3');
    assert.ok(all.every((x) => x.score < 0.5));
    assert.ok(all[0].score >= all[1].score && all[1].score >= all[2].score, 'best first');
    assert.match((await run(dir, 'match', 'Rationing began on 3 June in 15 municipalities')).out, /^No claim checked before looks like it \(none scores 0\.5 or more; --all shows the rest\)\.\n$/);
  });

  it('--article matches every claim of one article with the others, never a claim with itself', async () => {
    const r = await run(dir, 'match', '--article', 'news/brenn-water-rationing.txt', '--json', '--all');
    assert.equal(r.code, EXIT.ok, r.err);
    const rows = JSON.parse(r.out) as Row[];
    assert.ok(rows.length > 0);
    assert.ok(!rows.some((x) => x.article === 'news/brenn-water-rationing.txt' && x.claim === x.for), 'no claim matched with itself');
    const text = await run(dir, 'match', '--article', 'news/brenn-water-rationing.txt');
    assert.match(text.out, /^c1 “/m);
  });

  it('reports a sidecar it cannot read with line and column, searches the rest, and exits 1', async () => {
    cpSync(join(WORKSPACE, 'broken.txt.annotations.yaml'), join(dir, 'news', 'broken.txt.annotations.yaml'));
    const r = await run(dir, 'match', 'Rationing began on 3 June in 14 municipalities');
    assert.equal(r.code, EXIT.problems);
    assert.match(r.err, /^news\/broken\.txt\.annotations\.yaml:\d+:\d+: /);
    assert.match(r.out, /claim c3: True/);
  });

  it('refuses usage it cannot follow', async () => {
    assert.equal((await run(dir, 'match')).code, EXIT.usage);
    assert.equal((await run(dir, 'match', 'x', '--limit', '0')).code, EXIT.usage);
  });

  it('import claimreview adds a file’s fact-checks to the workspace, then says what was new and what updated', async () => {
    writeFileSync(join(dir, 'review.json'), JSON.stringify(DAM_FACT_CHECK));
    const first = await run(join(dir, 'news'), 'import', 'claimreview', '../review.json');
    assert.equal(first.code, EXIT.ok, first.err);
    assert.equal(first.out, 'Imported 1 fact-check from ../review.json into ../.newsmark/fact-checks.yaml: 1 new, 0 updated.\n');
    const file = readFileSync(join(dir, '.newsmark', 'fact-checks.yaml'), 'utf8');
    assert.match(file, /rating: Mostly false/);
    writeFileSync(join(dir, 'review.json'), JSON.stringify({ ...DAM_FACT_CHECK, reviewRating: { '@type': 'Rating', alternateName: 'False' } }));
    const again = await run(dir, 'import', 'claimreview', 'review.json');
    assert.equal(again.out, 'Imported 1 fact-check from review.json into .newsmark/fact-checks.yaml: 0 new, 1 updated.\n');
    assert.match(readFileSync(join(dir, '.newsmark', 'fact-checks.yaml'), 'utf8'), /rating: "?False"?\n/);
  });

  it('import claimreview refuses malformed JSON with its line and column and writes nothing', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"@type": "ClaimReview",\n  "url": "https://x.example/a"\n  "claimReviewed": "A claim"}\n');
    const r = await run(dir, 'import', 'claimreview', 'bad.json');
    assert.equal(r.code, EXIT.problems);
    assert.match(r.err, /^bad\.json:3:3: /);
    assert.match(r.err, /nothing was imported\.\n$/);
    assert.ok(!existsSync(join(dir, '.newsmark')), 'nothing was written');
  });

  it('import claimreview never overwrites a file of fact-checks it cannot read', async () => {
    mkdirSync(join(dir, '.newsmark'));
    writeFileSync(join(dir, '.newsmark', 'fact-checks.yaml'), 'factChecks: [oops\n');
    writeFileSync(join(dir, 'review.json'), JSON.stringify(DAM_FACT_CHECK));
    const r = await run(dir, 'import', 'claimreview', 'review.json');
    assert.equal(r.code, EXIT.problems);
    assert.match(r.err, /^\.newsmark\/fact-checks\.yaml:\d+:\d+: /);
    assert.equal(readFileSync(join(dir, '.newsmark', 'fact-checks.yaml'), 'utf8'), 'factChecks: [oops\n');
  });
});
