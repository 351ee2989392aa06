// Tests that every malformed sidecar in test/fixtures/malformed/ (and a few too big to commit) is refused with a positioned problem in plain words, by the codec and by validate, reanchor and export, and is never changed.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../src/cli';
import { decodeSidecar, NESTING_LIMIT, type SidecarProblem } from '../../../src/core/sidecar';

const ROOT = path.resolve(__dirname, '../../../..');
const FOLDER = path.join(ROOT, 'test', 'fixtures', 'malformed');
const ARTICLE = fs.readFileSync(path.join(FOLDER, 'article.txt'), 'utf8');
const CONTROL = fs.readFileSync(path.join(FOLDER, 'control.yaml'), 'utf8');
const VERDICTS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unproven'];

/** Byte-level cases (invalid UTF-8, BOMs, binary) are refused by the file layer, so only the command line sees them as they are. */
const byteLevel = (name: string) => /^enc(oding)?-/.test(name);

/** Cases too big to commit, built here: 10,000 levels deep, megabytes long. */
function generated(): Record<string, string> {
  const deep = 10_000;
  const extra = (body: string) => CONTROL.replace('claims:\n', `extra:\n${body}claims:\n`);
  return {
    'generated: 2,000 levels of block maps': extra(Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i + 2)}level:\n`).join('')),
    'generated: 2,000 levels of block lists': extra(`  deep:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i + 3)}-\n`).join('')}`),
    'generated: 10,000 nested [ of a flow list': extra(`  deep: ${'['.repeat(deep)}${']'.repeat(deep)}\n`),
    'generated: 10,000 nested { of a flow map': extra(`  deep: ${'{a: '.repeat(deep)}1${'}'.repeat(deep)}\n`),
    'generated: 10,000 dashes of compact lists': extra(`  deep:\n    ${'- '.repeat(deep)}x\n`),
    'generated: 10,000 unclosed [': extra(`  deep: ${'['.repeat(deep)}\n`),
    'generated: a billion laughs, twelve levels of ten aliases': extra(
      `  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 12 }, (_, i) => `  l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]\n`).join('')}`,
    ),
    'generated: a 100,000-digit offset': CONTROL.replace('{ start: 196,', `{ start: ${'9'.repeat(100_000)},`),
    'generated: a 3 MB note never closed': CONTROL.replace('notes: The ministry report gives 3.9%.', `notes: "${'The ministry report gives 3.9%. '.repeat(100_000)}`),
    'generated: a 2 MB key': extra(`  ${'k'.repeat(2_000_000)}: 1\n`),
  };
}

const fixtures: [string, string][] = [
  ...fs
    .readdirSync(FOLDER)
    .filter((name) => name.endsWith('.yaml') && name !== 'control.yaml')
    .sort()
    .map((name): [string, string] => [name, fs.readFileSync(path.join(FOLDER, name), 'latin1')]),
  ...Object.entries(generated()).map(([name, text]): [string, string] => [name, Buffer.from(text, 'utf8').toString('latin1')]),
];

/** Words that only a programmer would recognise: library names, error classes, a stack. */
function assertPlainWords(text: string, what: string): void {
  const withoutFileNames = text.replaceAll('.annotations.yaml', '');
  assert.doesNotMatch(withoutFileNames, /\byaml\b|\bajv\b|js-yaml|YAMLParseError|YAMLException|RangeError|TypeError|call stack|undefined|\[object/, `${what}: ${text}`);
  assert.doesNotMatch(text, /\n\s+at /, `${what} has a stack trace: ${text}`);
}

/** The problem points at a place that exists in the text: a line it has, a column of that line. */
function assertInside(source: string, problem: SidecarProblem): void {
  const lines = source.split('\n');
  assert.ok(problem.line >= 1 && problem.line <= lines.length, `line ${problem.line} of ${lines.length}`);
  assert.ok(problem.column >= 1 && problem.column <= lines[problem.line - 1].length + 1, `column ${problem.column} of line ${problem.line}`);
  assert.ok(problem.offset >= 0 && problem.offset <= source.length);
}

describe('malformed sidecars', () => {
  it('has a well-formed control sidecar that reads cleanly, so the cases below fail for their one fault', () => {
    const result = decodeSidecar(CONTROL, ARTICLE, { verdicts: VERDICTS });
    assert.deepEqual(result.problems, []);
    assert.equal(result.annotations?.claims.length, 2);
  });

  it('has at least 80 cases', () => {
    assert.ok(fixtures.length >= 80, `${fixtures.length} cases`);
  });

  describe('read by the codec', () => {
    for (const [name, latin1] of fixtures.filter(([n]) => !byteLevel(n))) {
      it(name, () => {
        const source = Buffer.from(latin1, 'latin1').toString('utf8');
        for (const dataOnly of [false, true]) {
          const result = decodeSidecar(source, ARTICLE, { verdicts: VERDICTS, dataOnly });
          assert.equal(result.annotations, undefined, 'a malformed sidecar gives no annotations');
          const errors = result.problems.filter((p) => p.severity === 'error');
          assert.ok(errors.length >= 1, 'at least one error');
          for (const problem of errors) {
            assertInside(source, problem);
            assertPlainWords(problem.message, 'the message');
          }
        }
      });
    }
  });

  describe('on the command line', () => {
    let dir: string;
    let sidecar: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-malformed-'));
      fs.mkdirSync(path.join(dir, '.git'));
      fs.writeFileSync(path.join(dir, 'article.txt'), ARTICLE);
      sidecar = path.join(dir, 'article.txt.annotations.yaml');
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const [name, latin1] of fixtures) {
      it(name, async () => {
        const bytes = Buffer.from(latin1, 'latin1');
        fs.writeFileSync(sidecar, bytes);
        for (const argv of [['validate', 'article.txt'], ['reanchor', 'article.txt'], ['export', '--format', 'w3c', 'article.txt']]) {
          let said = '';
          const code = await main(argv, { cwd: dir, out: (t) => (said += t), err: (t) => (said += t) });
          assert.notEqual(code, 0, `${argv[0]} exits non-zero`);
          assert.match(said, /article\.txt\.annotations\.yaml:\d+:\d+: /, `${argv[0]} says where the problem is`);
          assertPlainWords(said, argv[0]);
          assert.ok(fs.readFileSync(sidecar).equals(bytes), `${argv[0]} leaves the sidecar byte for byte as it was`);
          assert.deepEqual(
            fs.readdirSync(dir).filter((f) => f !== '.git' && f !== 'article.txt' && f !== 'article.txt.annotations.yaml'),
            [],
            `${argv[0]} writes no other file`,
          );
        }
      });
    }
  });

  it(`refuses nesting one level past ${NESTING_LIMIT} and reads it at the limit of what a sidecar plausibly needs`, () => {
    const nested = (levels: number) => CONTROL.replace('claims:\n', `extra:\n  deep: ${'['.repeat(levels)}${']'.repeat(levels)}\nclaims:\n`);
    assert.ok(decodeSidecar(nested(20), ARTICLE).annotations, '20 levels of imported data still read');
    const refused = decodeSidecar(nested(NESTING_LIMIT + 1), ARTICLE);
    assert.equal(refused.problems[0].code, 'nesting');
    assert.equal(refused.problems[0].line, 29);
  });
});
