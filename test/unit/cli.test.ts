// Tests of the newsmark command-line tool: what each command prints, writes and exits with, as a newsroom's CI sees it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, main } from '../../src/cli';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/brat');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(cwd: string, ...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** A fresh repository of articles: the brat fixtures, with a .git folder so settings lookup stops here. */
function newsroom(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-cli-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'articles'));
  for (const f of ['summit.txt', 'summit.ann', 'budget.txt', 'budget.ann']) {
    copyFileSync(join(FIXTURES, f), join(dir, 'articles', f));
  }
  return dir;
}

async function imported(): Promise<string> {
  const dir = newsroom();
  for (const name of ['summit', 'budget']) {
    const r = await run(dir, 'import', 'brat', `articles/${name}.txt`, `articles/${name}.ann`);
    assert.equal(r.code, EXIT.ok, r.err);
  }
  return dir;
}

describe('cli', () => {
  const made: string[] = [];
  const track = (dir: string) => (made.push(dir), dir);
  after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe('usage', () => {
    it('prints help and exits 0 with --help, and 2 when no command is given', async () => {
      const help = await run(tmpdir(), '--help');
      assert.equal(help.code, EXIT.ok);
      assert.match(help.out, /^newsmark \d+\.\d+\.\d+: /);
      assert.match(help.out, /Exit codes: 0 success, 1 the data has problems, 2 wrong usage/);
      assert.equal((await run(tmpdir())).code, EXIT.usage);
    });

    it('prints each command’s help', async () => {
      for (const command of ['validate', 'reanchor', 'export', 'import', 'stats']) {
        const r = await run(tmpdir(), command, '--help');
        assert.equal(r.code, EXIT.ok);
        assert.match(r.out, new RegExp(`^Usage: newsmark ${command}`));
      }
    });

    it('explains a wrong command line on stderr and exits 2', async () => {
      const cases: [string[], RegExp][] = [
        [['publish'], /^newsmark: unknown command "publish"\. Run "newsmark --help" for usage\.\n$/],
        [['validate'], /^newsmark: validate needs at least one path\. Run "newsmark validate --help" for usage\.\n$/],
        [['validate', '--quiet', 'x'], /^newsmark: Unknown option '--quiet'\. Run "newsmark validate --help"/],
        [['export', 'a.txt'], /export needs --format, one of brat, w3c, claimreview, markdown, csv/],
        [['export', '--format', 'pdf', 'a.txt'], /unknown format "pdf"/],
        [['export', '--format', 'w3c', 'a.txt', 'b.txt'], /exporting several articles as w3c needs -o <folder>/],
        [['import', 'conll', 'a', 'b'], /cannot import "conll"; only brat and claimreview are supported/],
        [['import', 'brat', 'a.txt'], /import brat takes exactly two files/],
      ];
      for (const [argv, message] of cases) {
        const r = await run(tmpdir(), ...argv);
        assert.equal(r.code, EXIT.usage, argv.join(' '));
        assert.equal(r.out, '');
        assert.match(r.err, message);
      }
    });
  });

  describe('import brat', () => {
    it('writes the sidecar next to the article and says what it holds', async () => {
      const dir = track(newsroom());
      const r = await run(dir, 'import', 'brat', 'articles/summit.txt', 'articles/summit.ann');
      assert.equal(r.code, EXIT.ok);
      assert.equal(r.out, 'Wrote articles/summit.txt.annotations.yaml: 12 actors, 16 mentions, 3 claims.\n');
      assert.ok(existsSync(join(dir, 'articles/summit.txt.annotations.yaml')));
      assert.deepEqual(readdirSync(join(dir, 'articles')).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left behind');
    });

    it('refuses a bad .ann with every problem by line, and writes nothing', async () => {
      const dir = track(newsroom());
      writeFileSync(join(dir, 'articles/bad.ann'), 'T1\tPerson 70 85\tNikol Pashinyan\nT2\tPerson 71 85\tNikol Pashinyan\nQ1\tWhat T1\n');
      const r = await run(dir, 'import', 'brat', 'articles/summit.txt', 'articles/bad.ann');
      assert.equal(r.code, EXIT.problems);
      assert.equal(r.out, 'articles/bad.ann:3:1: Unknown annotation type "Q1": brat lines start with T, R, E, A, M, N, # or *.\n');
      assert.equal(r.err, '1 problem in articles/bad.ann; nothing was written.\n');
      assert.ok(!existsSync(join(dir, 'articles/summit.txt.annotations.yaml')));
      // Once the layout is right, the text is checked against the article.
      writeFileSync(join(dir, 'articles/bad.ann'), 'T1\tPerson 70 85\tNikol Pashinyan\nT2\tPerson 71 85\tNikol Pashinyan\n');
      const again = await run(dir, 'import', 'brat', 'articles/summit.txt', 'articles/bad.ann');
      assert.match(again.out, /^articles\/bad\.ann:2:17: T2: the line quotes "Nikol Pashinyan", but the text at 71 85 reads "ikol Pashinyan"\.\n$/);
      assert.ok(!existsSync(join(dir, 'articles/summit.txt.annotations.yaml')));
    });

    it('imports a second verdict on one claim into its notes, warning at the .ann line, with exit 0', async () => {
      const dir = track(newsroom());
      const ann = readFileSync(join(dir, 'articles/summit.ann'), 'utf8');
      const line = ann.split('\n').length;
      writeFileSync(join(dir, 'articles/summit.ann'), `${ann}A9\tVerdict T6 true\n`);
      const r = await run(dir, 'import', 'brat', 'articles/summit.txt', 'articles/summit.ann');
      assert.equal(r.code, EXIT.ok, r.err);
      assert.match(r.err, new RegExp(`^articles/summit\\.ann:${line}:\\d+: warning: T6 has a second verdict: "true" on line ${line} \\(A9\\)[^\n]*\n$`));
      const sidecar = readFileSync(join(dir, 'articles/summit.txt.annotations.yaml'), 'utf8');
      assert.match(sidecar, /verdict: mostly-false/);
      assert.match(sidecar, /A9/, 'the second verdict is kept in the claim’s notes');
    });

    it('keeps an existing sidecar unless --force is given', async () => {
      const dir = track(await imported());
      const sidecar = join(dir, 'articles/summit.txt.annotations.yaml');
      writeFileSync(sidecar, readFileSync(sidecar, 'utf8') + '# checked by the desk\n');
      const r = await run(dir, 'import', 'brat', 'articles/summit.txt', 'articles/summit.ann');
      assert.equal(r.code, EXIT.problems);
      assert.match(r.err, /already exists; pass --force to replace it/);
      assert.match(readFileSync(sidecar, 'utf8'), /# checked by the desk/);
      assert.equal((await run(dir, 'import', 'brat', '--force', 'articles/summit.txt', 'articles/summit.ann')).code, EXIT.ok);
      assert.doesNotMatch(readFileSync(sidecar, 'utf8'), /# checked by the desk/);
    });
  });

  describe('validate', () => {
    it('passes a folder of good sidecars with exit 0', async () => {
      const dir = track(await imported());
      const r = await run(dir, 'validate', '.');
      assert.equal(r.code, EXIT.ok);
      assert.equal(r.out, '');
      assert.equal(r.err, '0 errors, 0 warnings in 2 sidecars.\n');
    });

    it('prints every problem as file:line:col: message and exits 1', async () => {
      const dir = track(await imported());
      const sidecar = join(dir, 'articles/budget.txt.annotations.yaml');
      const source = readFileSync(sidecar, 'utf8').replace('status: checked', 'status: done').replace('claimant: daniel-roca', 'claimant: roka');
      writeFileSync(sidecar, source);
      const r = await run(dir, 'validate', 'articles');
      assert.equal(r.code, EXIT.problems);
      const lines = r.out.trimEnd().split('\n');
      assert.equal(lines.length, 1, 'schema errors stop the check before references are followed');
      assert.match(lines[0], /^articles\/budget\.txt\.annotations\.yaml:\d+:\d+: .*status.*unchecked, in-progress, checked/);
      const line = Number(lines[0].split(':')[1]);
      assert.match(source.split('\n')[line - 1], /status: done/);
      assert.equal(r.err, '1 error, 0 warnings in 2 sidecars.\n');
    });

    it('reports an article without a sidecar, and a sidecar without its article', async () => {
      const dir = track(await imported());
      rmSync(join(dir, 'articles/budget.txt'));
      const r = await run(dir, 'validate', 'articles/summit.ann', 'articles');
      assert.equal(r.code, EXIT.problems);
      assert.equal(
        r.out,
        'articles/summit.ann: has no sidecar (summit.ann.annotations.yaml)\n' + 'articles/budget.txt.annotations.yaml:1:1: the article budget.txt is missing next to this sidecar\n',
      );
    });

    it('warns about an article changed since annotated, and fails on it only with --strict', async () => {
      const dir = track(await imported());
      const article = join(dir, 'articles/summit.txt');
      writeFileSync(article, 'Updated at 14:05. ' + readFileSync(article, 'utf8'));
      const r = await run(dir, 'validate', '.');
      assert.equal(r.code, EXIT.ok);
      assert.match(r.out, /^articles\/summit\.txt\.annotations\.yaml:4:11: warning: the article changed since this sidecar was written; run "newsmark reanchor articles\/summit\.txt"\.\n$/);
      assert.equal((await run(dir, 'validate', '--strict', '.')).code, EXIT.problems);
    });
  });

  describe('reanchor', () => {
    it('re-attaches a sidecar to an edited article, prints the counts and rewrites it once', async () => {
      const dir = track(await imported());
      const article = join(dir, 'articles/summit.txt');
      const sidecar = `${article}.annotations.yaml`;
      const text = readFileSync(article, 'utf8');
      // Text added above every annotation: each is found again, exactly.
      writeFileSync(article, 'UPDATED 🕒 14:05 — talks resume next week.\n\n' + text);
      const before = readFileSync(sidecar, 'utf8');

      const dry = await run(dir, 'reanchor', '--dry-run', 'articles/summit.txt');
      assert.equal(dry.out, 'articles/summit.txt: 19 re-attached, 0 changed, 0 orphaned (dry run, sidecar not written)\n');
      assert.equal(readFileSync(sidecar, 'utf8'), before);

      const r = await run(dir, 'reanchor', 'articles/summit.txt');
      assert.equal(r.code, EXIT.ok);
      assert.equal(r.out, 'articles/summit.txt: 19 re-attached, 0 changed, 0 orphaned (sidecar updated)\n');
      assert.notEqual(readFileSync(sidecar, 'utf8'), before);
      assert.deepEqual(readdirSync(join(dir, 'articles')).filter((f) => f.endsWith('.tmp')), []);

      const again = await run(dir, 'reanchor', 'articles/summit.txt.annotations.yaml');
      assert.equal(again.out, 'articles/summit.txt: 19 re-attached, 0 changed, 0 orphaned (sidecar already up to date)\n');
      assert.equal((await run(dir, 'validate', '.')).code, EXIT.ok);
    });

    it('counts what it cannot find again as orphaned, and keeps it', async () => {
      const dir = track(await imported());
      const article = join(dir, 'articles/summit.txt');
      writeFileSync(article, readFileSync(article, 'utf8').replace(' Talks between the Armenian and Azerbaijani foreign ministers will resume in May.', ''));
      const r = await run(dir, 'reanchor', 'articles/summit.txt');
      const counts = /^articles\/summit\.txt: (\d+) re-attached, (\d+) changed, (\d+) orphaned \(sidecar updated\)\n$/.exec(r.out);
      assert.ok(counts, r.out);
      const [attached, changed, orphaned] = counts.slice(1).map(Number);
      assert.equal(attached + changed + orphaned, 19, 'every anchor is accounted for');
      assert.ok(orphaned >= 1, 'the mention in the removed sentence is orphaned');
      const stats = JSON.parse((await run(dir, 'stats', '--json', '.')).out);
      assert.equal(stats.orphaned.mentions + stats.orphaned.claims, orphaned);
    });

    it('exits 1 for an article without a sidecar', async () => {
      const dir = track(newsroom());
      const r = await run(dir, 'reanchor', 'articles/summit.txt');
      assert.equal(r.code, EXIT.problems);
      assert.equal(r.err, 'articles/summit.txt: has no sidecar (summit.txt.annotations.yaml)\n');
    });
  });

  describe('export', () => {
    it('writes brat to standard output, giving back the imported file', async () => {
      const dir = track(await imported());
      const r = await run(dir, 'export', '--format', 'brat', 'articles/summit.txt');
      assert.equal(r.code, EXIT.ok);
      assert.equal(r.out, readFileSync(join(FIXTURES, 'summit.ann'), 'utf8'));
      assert.equal(r.err, '');
    });

    it('writes each format to -o, one file per article when there are several', async () => {
      const dir = track(await imported());
      const single = await run(dir, 'export', '-f', 'w3c', '-o', 'out/summit.jsonld', 'articles/summit.txt');
      assert.equal(single.code, EXIT.ok);
      const collection = JSON.parse(readFileSync(join(dir, 'out/summit.jsonld'), 'utf8'));
      assert.equal(collection.type, 'AnnotationCollection');
      // Without a web address the target is a name-based URN: a local path would tell readers where files are kept.
      assert.match(collection.first.items[0].target.source, /^urn:uuid:/);
      assert.doesNotMatch(readFileSync(join(dir, 'out/summit.jsonld'), 'utf8'), /file:/);
      for (const format of ['brat', 'w3c', 'claimreview', 'markdown']) {
        const r = await run(dir, 'export', '--format', format, '-o', `by-format/${format}`, 'articles/summit.txt', 'articles/budget.txt');
        assert.equal(r.code, EXIT.ok, r.err);
      }
      assert.deepEqual(readdirSync(join(dir, 'by-format/brat')).sort(), ['budget.ann', 'summit.ann']);
      assert.deepEqual(readdirSync(join(dir, 'by-format/w3c')).sort(), ['budget.annotations.jsonld', 'summit.annotations.jsonld']);
      assert.deepEqual(readdirSync(join(dir, 'by-format/claimreview')).sort(), ['budget.claimreview.jsonld', 'summit.claimreview.jsonld']);
      assert.deepEqual(readdirSync(join(dir, 'by-format/markdown')).sort(), ['budget.report.md', 'summit.report.md']);
      assert.equal(readFileSync(join(dir, 'by-format/brat/budget.ann'), 'utf8'), readFileSync(join(FIXTURES, 'budget.ann'), 'utf8'));
    });

    it('gathers the claims of several articles into one CSV', async () => {
      const dir = track(await imported());
      const r = await run(dir, 'export', '--format', 'csv', 'articles/summit.txt', 'articles/budget.txt');
      const rows = r.out.trimEnd().split('\r\n');
      assert.equal(rows.length, 1 + 3 + 3);
      assert.match(rows[0], /^article,claim_id,claim,/);
      mkdirSync(join(dir, 'sheets'));
      await run(dir, 'export', '--format', 'csv', '-o', 'sheets', 'articles/summit.txt', 'articles/budget.txt');
      assert.deepEqual(readdirSync(join(dir, 'sheets')), ['claims.csv']);
      assert.equal(readFileSync(join(dir, 'sheets/claims.csv'), 'utf8'), r.out);
    });

    it('prints what a format cannot carry as warnings on stderr', async () => {
      const dir = track(await imported());
      const r = await run(dir, 'export', '--format', 'claimreview', 'articles/summit.txt');
      assert.equal(r.code, EXIT.ok);
      assert.equal(JSON.parse(r.out).length, 1);
      assert.match(r.err, /^articles\/summit\.txt: warning: The article has no web address, .*Set Article Details… or set article\.url/m);
      assert.match(r.err, /^articles\/summit\.txt: warning: .*set newsmark\.export\.claimReview\.author .*\.newsmark\.json/m);
    });

    it('refuses to export from a changed article or a broken sidecar, and exits 1', async () => {
      const dir = track(await imported());
      writeFileSync(join(dir, 'articles/summit.txt'), 'Rewritten. ' + readFileSync(join(dir, 'articles/summit.txt'), 'utf8'));
      writeFileSync(join(dir, 'articles/budget.txt.annotations.yaml'), 'newsmark: 1\narticle: {}\n');
      const r = await run(dir, 'export', '--format', 'csv', 'articles/summit.txt', 'articles/budget.txt');
      assert.equal(r.code, EXIT.problems);
      assert.equal(r.out, '');
      assert.match(r.err, /^articles\/summit\.txt: the article changed since its sidecar was written.*run "newsmark reanchor articles\/summit\.txt" first\.$/m);
      assert.match(r.err, /^articles\/budget\.txt\.annotations\.yaml:2:10: .*"file"/m);
    });

    it('writes no file of any article, nor a folder for them, when one article cannot be exported', async () => {
      const dir = track(await imported());
      writeFileSync(join(dir, 'articles/budget.txt.annotations.yaml'), 'newsmark: 1\narticle: {}\n');
      mkdirSync(join(dir, 'out'));
      for (const output of ['out/', 'new/reports/']) {
        const r = await run(dir, 'export', '--format', 'w3c', '-o', output, 'articles/summit.txt', 'articles/budget.txt');
        assert.equal(r.code, EXIT.problems);
        assert.match(r.err, /^articles\/budget\.txt\.annotations\.yaml:2:10: /m);
      }
      assert.deepEqual(readdirSync(join(dir, 'out')), [], 'neither the export of the good article nor a temporary file');
      assert.equal(existsSync(join(dir, 'new')), false);
    });
  });

  describe('stats', () => {
    it('counts actors, claims by status and verdict, and orphans', async () => {
      const dir = track(await imported());
      const r = await run(dir, 'stats', '.');
      assert.equal(r.code, EXIT.ok);
      assert.equal(
        r.out,
        [
          'Articles:  2',
          'Actors:    17, with 22 mentions',
          'Claims:    6: 3 unchecked, 1 in progress, 2 checked',
          'Verdicts:  1 True, 1 Mostly false',
          'Orphans:   0 mentions, 0 claims',
          '',
        ].join('\n'),
      );
      const json = JSON.parse((await run(dir, 'stats', '--json', 'articles')).out);
      assert.deepEqual(json.byVerdict, { 'mostly-false': 1, true: 1 });
      assert.deepEqual(json.orphaned, { mentions: 0, claims: 0 });
    });
  });

  describe('settings', () => {
    it('reads .newsmark.json from the repository root for the verdict scale and ClaimReview', async () => {
      const dir = track(await imported());
      writeFileSync(
        join(dir, '.newsmark.json'),
        // As copied from VS Code's settings.json, and nested: both are read.
        JSON.stringify({
          'newsmark.verdicts': [
            { id: 'true', label: 'Correct', ratingValue: 3 },
            { id: 'mostly-false', label: 'Misleading', ratingValue: 1 },
          ],
          'newsmark.verdictScale': { bestRating: 3, worstRating: 1 },
          export: { claimReview: { author: { name: 'Factcheck Desk', url: 'https://factcheck.example.org/' }, url: 'https://factcheck.example.org/{article}#{claim}' } },
        }),
      );
      mkdirSync(join(dir, 'articles/nested'));
      const r = await run(join(dir, 'articles/nested'), 'export', '--format', 'claimreview', '../summit.txt');
      const [review] = JSON.parse(r.out);
      assert.deepEqual(review.reviewRating, { '@type': 'Rating', ratingValue: 1, bestRating: 3, worstRating: 1, alternateName: 'Misleading' });
      assert.equal(review.url, 'https://factcheck.example.org/summit#c1');
      assert.deepEqual(review.author, { '@type': 'Organization', name: 'Factcheck Desk', url: 'https://factcheck.example.org/' });
    });

    it('exits 2 with the file and key when the settings are wrong', async () => {
      const dir = track(await imported());
      writeFileSync(join(dir, '.newsmark.json'), JSON.stringify({ 'brat.mapping': { claimType: 'Claim' } }));
      const r = await run(dir, 'stats', '.');
      assert.equal(r.code, EXIT.usage);
      assert.match(r.err, /^newsmark: \.newsmark\.json: "brat\.mapping\.claimType" is not a brat mapping setting/);
      writeFileSync(join(dir, '.newsmark.json'), JSON.stringify({ export: { claimreview: {} } }));
      assert.match((await run(dir, 'stats', '.')).err, /^newsmark: \.newsmark\.json: "export\.claimreview" is not a Newsmark setting \(actorTypes, verdicts, /);
      writeFileSync(join(dir, '.newsmark.json'), '{ "verdicts": [ }');
      assert.match((await run(dir, 'stats', '.')).err, /^newsmark: \.newsmark\.json: not valid JSON/);
      writeFileSync(join(dir, '.newsmark.json'), JSON.stringify({ verdicts: [{ id: 'Pants on fire', label: 'Pants on fire', ratingValue: 0 }] }));
      const scale = await run(dir, 'export', '--format', 'claimreview', 'articles/summit.txt');
      assert.equal(scale.code, EXIT.usage);
      assert.match(scale.err, /^newsmark: \.newsmark\.json: Verdict 1 needs an id \(lower-case letters, digits and "-"\)/);
    });
  });

  describe('as a process', () => {
    it('exits with the documented codes and keeps messages off standard output', () => {
      const dir = track(newsroom());
      const cli = join(ROOT, 'out/src/cli.js');
      const ok = spawnSync(process.execPath, [cli, 'import', 'brat', 'articles/budget.txt', 'articles/budget.ann'], { cwd: dir, encoding: 'utf8' });
      assert.equal(ok.status, 0, ok.stderr);
      const usage = spawnSync(process.execPath, [cli, 'validate'], { cwd: dir, encoding: 'utf8' });
      assert.equal(usage.status, 2);
      assert.equal(usage.stdout, '');
      writeFileSync(join(dir, 'articles/budget.txt.annotations.yaml'), 'newsmark: 2\n');
      const problems = spawnSync(process.execPath, [cli, 'validate', 'articles'], { cwd: dir, encoding: 'utf8' });
      assert.equal(problems.status, 1);
      assert.match(problems.stdout, /^articles\/budget\.txt\.annotations\.yaml:1:11: This sidecar is format version 2/);
    });

    it('ships a bundle that runs as an executable', function () {
      const bundle = join(ROOT, 'dist/cli.js');
      if (!existsSync(bundle)) {
        this.skip();
      }
      assert.match(readFileSync(bundle, 'utf8'), /^#!\/usr\/bin\/env node\n/);
      const r = spawnSync(bundle, ['--version'], { encoding: 'utf8' });
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
    });
  });
});
