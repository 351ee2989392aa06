// The sidecars under test/fixtures/malformed/encoding-*.yaml are not UTF-8: every command refuses each at its first bad byte and changes nothing.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'out/src/cli.js');
const MALFORMED = join(ROOT, 'test/fixtures/malformed');

/** Where each fixture's first bad byte is, and what the message names. */
const EXPECTED: Record<string, [line: number, column: number, says: RegExp]> = {
  'encoding-latin1.yaml': [8, 30, /The byte 0xE9 is not valid UTF-8/],
  'encoding-cp1252-quotes.yaml': [8, 25, /The byte 0x93 is not valid UTF-8/],
  'encoding-utf16le.yaml': [1, 1, /saved as UTF-16/],
  'encoding-utf16be.yaml': [1, 1, /saved as UTF-16/],
  'encoding-overlong.yaml': [8, 15, /The byte 0xC0 is not valid UTF-8/],
  'encoding-surrogate.yaml': [8, 26, /The byte 0xED is not valid UTF-8/],
  'encoding-truncated.yaml': [9, 41, /The byte 0xE2 is not valid UTF-8/],
  'encoding-lone-continuation.yaml': [8, 20, /The byte 0x80 is not valid UTF-8/],
  'encoding-beyond-unicode.yaml': [8, 12, /The byte 0xF5 is not valid UTF-8/],
  'encoding-binary.yaml': [1, 1, /The byte 0x89 is not valid UTF-8/],
};

function cli(cwd: string, ...argv: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8', timeout: 30_000 });
  assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('sidecars that are not UTF-8', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsmark-encoding-'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'articles'));
    for (const fixture of Object.keys(EXPECTED)) {
      const article = fixture.replace(/\.yaml$/, '.txt');
      copyFileSync(join(MALFORMED, fixture), join(dir, 'articles', `${article}.annotations.yaml`));
      writeFileSync(join(dir, 'articles', article), 'José García said so.\n');
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('covers every encoding fixture', () => {
    assert.deepEqual(
      readdirSync(MALFORMED)
        .filter((f) => f.startsWith('encoding-'))
        .sort(),
      Object.keys(EXPECTED).sort(),
    );
  });

  it('are each refused at the first bad byte by validate, reanchor and export, and left byte for byte', () => {
    const before = new Map(Object.keys(EXPECTED).map((f) => [f, readFileSync(join(MALFORMED, f))]));
    const articles = Object.keys(EXPECTED).map((f) => `articles/${f.replace(/\.yaml$/, '.txt')}`);
    const validate = cli(dir, 'validate', 'articles');
    const reanchor = cli(dir, 'reanchor', ...articles);
    const exported = cli(dir, 'export', '--format', 'csv', ...articles);
    for (const r of [validate, reanchor, exported]) {
      assert.equal(r.code, 1);
    }
    assert.equal(exported.out, '', 'nothing is exported from a sidecar that cannot be read');
    for (const [fixture, [line, column, says]] of Object.entries(EXPECTED)) {
      const shown = `articles/${fixture.replace(/\.yaml$/, '.txt')}.annotations.yaml`;
      for (const [name, output] of [
        ['validate', validate.out],
        ['reanchor', reanchor.err],
        ['export', exported.err],
      ]) {
        const reported = output.split('\n').find((l) => l.startsWith(`${shown}:`));
        assert.ok(reported, `${name} reports ${fixture}`);
        assert.ok(reported.startsWith(`${shown}:${line}:${column}: `), `${name}: ${reported}`);
        assert.match(reported, says);
      }
      assert.deepEqual(readFileSync(join(dir, shown)), before.get(fixture), `${fixture} is unchanged`);
    }
  });
});
