// A writer killed at random moments (kill -9) never leaves a torn sidecar, and its temporary files go with the next write.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../src/core/files';
import { decodeSidecar } from '../../../src/core/sidecar';

const FILES = join(__dirname, '../../../src/core/files.js');
const KILLS = 32;

/** A sidecar of about 3 MB: large enough that a write takes a while, so kills land inside one. */
function bigSidecar(version: string): string {
  const actors = Array.from({ length: 9000 }, (_, i) => `  - id: actor-${i}\n    name: Actor ${i} ${version}\n    type: person\n    notes: ${'A note long enough to make the sidecar heavy. '.repeat(6)}\n    mentions: []\n`);
  return `newsmark: 1\narticle:\n  file: a.txt\nactors:\n${actors.join('')}claims: []\n# ${version}\n`;
}

/** Writes the two versions in turn, for ever, through the file layer; says "writing" once started. */
const WRITER = `
const { writeFileAtomic } = require(process.argv[2]);
const fs = require('node:fs');
const [path, a, b] = process.argv.slice(3);
const versions = [fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8')];
(async () => {
  process.stdout.write('writing\\n');
  for (let i = 1; ; i++) await writeFileAtomic(path, versions[i % 2]);
})();
`;

/** A seeded random source, so a failing run can be run again the same way. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('files under kill -9', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'newsmark-crash-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the old sidecar or the new one, never a torn one, and no temporary file after the next write', async function () {
    this.timeout(240_000);
    const path = join(dir, 'a.txt.annotations.yaml');
    const [a, b] = [bigSidecar('version A'), bigSidecar('version B')];
    for (const version of [a, b]) {
      assert.ok(decodeSidecar(version, '').annotations, 'both versions are sidecars that read');
    }
    writeFileSync(join(dir, 'a'), a);
    writeFileSync(join(dir, 'b'), b);
    writeFileSync(path, a);
    writeFileSync(join(dir, 'writer.cjs'), WRITER);
    const next = random(9);
    let leftBehind = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const child = spawn(process.execPath, [join(dir, 'writer.cjs'), FILES, path, join(dir, 'a'), join(dir, 'b')], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((started) => child.stdout.once('data', () => started()));
      await new Promise((wait) => setTimeout(wait, 5 + next() * 250));
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;

      const now = readFileSync(path, 'utf8');
      assert.ok(now === a || now === b, `after kill ${kill + 1} the sidecar is one whole version (${now.length} characters)`);
      const temps = () => readdirSync(dir).filter((f) => f.startsWith('.a.txt.annotations.yaml.'));
      leftBehind += temps().length > 0 ? 1 : 0;
      await writeFileAtomic(path, now);
      assert.deepEqual(temps(), [], `after kill ${kill + 1} the next write removed what the killed writer left`);
    }
    // Kills that never caught a write in progress would prove nothing about temporary files.
    assert.ok(leftBehind > 0, 'some kills landed while a temporary file was being written');
  });
});
