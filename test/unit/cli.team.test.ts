// Teams on git: git-setup, the merge driver run by a real `git merge`, the pure merge, and `newsmark agree`.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';
import { mergeSidecarTexts } from '../../src/core/mergeDriver';
import { decodeSidecar } from '../../src/core/sidecar';

const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'out/src/cli.js');
const ARTICLE = 'brenn-water-rationing.txt';
const SIDECAR = `${ARTICLE}.annotations.yaml`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

/** Replaces the first occurrence of `from` in the sidecar and commits it on the current branch. */
function edit(dir: string, from: string, to: string): void {
  const path = join(dir, SIDECAR);
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `the sample holds ${from}`);
  writeFileSync(path, text.replace(from, to));
}

/** A repository holding one annotated sample, set up with `newsmark git-setup` run as a process. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-team-'));
  git(dir, 'init', '-q', '-b', 'main');
  copyFileSync(join(ROOT, 'samples', ARTICLE), join(dir, ARTICLE));
  copyFileSync(join(ROOT, 'samples', SIDECAR), join(dir, SIDECAR));
  const setup = spawnSync('node', [CLI, 'git-setup', '--newsmark', `node "${CLI}"`], { cwd: dir, encoding: 'utf8' });
  assert.equal(setup.status, 0, setup.stderr);
  assert.match(setup.stdout, /Added "\*\.annotations\.yaml merge=newsmark" to a new \.gitattributes/);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  return dir;
}

function branch(dir: string, name: string, from: string, to: string): void {
  git(dir, 'checkout', '-q', '-b', name, 'main');
  edit(dir, from, to);
  git(dir, 'commit', '-qam', name);
}

describe('teams on git', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('git-setup keeps other .gitattributes lines and adds its own once', () => {
    const dir = repository();
    dirs.push(dir);
    writeFileSync(join(dir, '.gitattributes'), `*.png binary\n${readFileSync(join(dir, '.gitattributes'), 'utf8')}`);
    const again = spawnSync('node', [CLI, 'git-setup'], { cwd: dir, encoding: 'utf8' });
    assert.equal(again.status, 0);
    assert.match(again.stdout, /already sends sidecars/);
    assert.equal(readFileSync(join(dir, '.gitattributes'), 'utf8'), '*.png binary\n*.annotations.yaml merge=newsmark\n');
    assert.equal(git(dir, 'config', 'merge.newsmark.name').trim(), 'Newsmark sidecar merge');
  });

  it('git merge combines changes to different claims without a conflict', () => {
    const dir = repository();
    dirs.push(dir);
    branch(dir, 'alice', 'verdict: mostly-false', 'verdict: false');
    branch(dir, 'bob', 'notes: Social media post; ask the union which wells and since when.', 'notes: The union named the wells.');
    const merge = spawnSync('git', ['merge', '-q', '--no-edit', 'alice'], { cwd: dir, encoding: 'utf8' });
    assert.equal(merge.status, 0, merge.stderr + merge.stdout);
    const merged = readFileSync(join(dir, SIDECAR), 'utf8');
    assert.match(merged, /verdict: "false"/);
    assert.match(merged, /notes: The union named the wells\./);
    assert.doesNotMatch(merged, /conflicts:|<<<<<<</);
    const decoded = decodeSidecar(merged, readFileSync(join(dir, ARTICLE), 'utf8'));
    assert.deepEqual(decoded.problems, []);
  });

  it('conflicting verdicts leave a readable conflicts: record and git reports the file conflicted', () => {
    const dir = repository();
    dirs.push(dir);
    branch(dir, 'alice', 'verdict: mostly-false', 'verdict: false');
    branch(dir, 'bob', 'verdict: mostly-false', 'verdict: mixed');
    const merge = spawnSync('git', ['merge', '--no-edit', 'alice'], { cwd: dir, encoding: 'utf8' });
    assert.equal(merge.status, 1);
    assert.match(git(dir, 'status', '--porcelain'), new RegExp(`^UU ${SIDECAR.replace(/\./g, '\\.')}`, 'm'));
    const merged = readFileSync(join(dir, SIDECAR), 'utf8');
    assert.doesNotMatch(merged, /<<<<<<<|>>>>>>>/);
    const decoded = decodeSidecar(merged, readFileSync(join(dir, ARTICLE), 'utf8'));
    assert.ok(decoded.annotations, 'the merged sidecar reads');
    const [conflict, ...others] = decoded.annotations.conflicts ?? [];
    assert.deepEqual(others, []);
    const { evidence, ...values } = conflict;
    assert.deepEqual(values, { kind: 'claim', id: 'c1', field: 'verdict', base: 'mostly-false', ours: 'mixed', theirs: 'false' });
    // Each side's sources come with its verdict, to weigh the two side by side.
    assert.deepEqual(evidence?.ours?.sources, decoded.annotations.claims.find((c) => c.id === 'c1')?.sources);
    assert.equal(decoded.annotations.claims.find((c) => c.id === 'c1')?.verdict, 'mixed');
    const warnings = decoded.problems.filter((p) => p.code === 'merge-conflict');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].severity, 'warning');
    assert.match(warnings[0].message, /Verdict conflict on claim c1: yours says “Mixed”, theirs says “False”/);
    assert.equal(warnings[0].line, 3);
  });
});

describe('mergeSidecarTexts', () => {
  const sample = readFileSync(join(ROOT, 'samples', SIDECAR), 'utf8');
  const text = readFileSync(join(ROOT, 'samples', ARTICLE), 'utf8');

  it('keeps the comments of ours and is the same for the same input', () => {
    const ours = `# checked by the desk\n${sample.replace('status: unchecked', 'status: checked')}`;
    const theirs = sample.replace('verdict: mostly-false', 'verdict: false');
    const first = mergeSidecarTexts(sample, ours, theirs, text);
    assert.deepEqual(first.conflicts, []);
    assert.match(first.text!, /^# checked by the desk\n/);
    assert.match(first.text!, /verdict: "false"/);
    assert.equal(mergeSidecarTexts(sample, ours, theirs, text).text, first.text);
  });

  it('writes nothing when a side cannot be read, and says which', () => {
    const result = mergeSidecarTexts(sample, 'newsmark: 1\narticle: [', sample, text);
    assert.equal(result.text, undefined);
    assert.match(result.problems[0], /^your version of the sidecar cannot be read \(line/);
  });

  it('without a base, claims both added under the same id are both kept', () => {
    const ours = sample.replace('verdict: mostly-false', 'verdict: false');
    const result = mergeSidecarTexts(undefined, ours, sample, text);
    const decoded = decodeSidecar(result.text!, text);
    const ids = decoded.annotations!.claims.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length > decodeSidecar(sample, text).annotations!.claims.length);
  });
});

describe('newsmark agree', () => {
  async function agree(cwd: string, ...argv: string[]) {
    let out = '';
    let err = '';
    const code = await main(['agree', ...argv], { cwd, out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  }

  it('finds full agreement between a folder and itself, and less after a verdict changes on a revision', async () => {
    const dir = repository();
    edit(dir, 'verdict: mostly-false', 'verdict: false');
    git(dir, 'commit', '-qam', 'changed');
    const same = await agree(dir, '.', '.', '--json');
    assert.equal(same.code, 0, same.err);
    assert.equal(JSON.parse(same.out).overall.verdicts.alpha, 1);
    const table = await agree(dir, '--rev', 'main~1', '--rev', 'main');
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /^2 annotators, 1 article\n/);
    assert.match(table.out, new RegExp(`^${ARTICLE.replace('.', '\\.')} +1\\.00 +1\\.00`, 'm'));
    const report = JSON.parse((await agree(dir, '--rev', 'main~1', '--rev', 'main', '--json')).out) as { overall: { verdicts: { alpha: number } } };
    assert.ok(report.overall.verdicts.alpha < 1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('needs two annotators', async () => {
    assert.equal((await agree(ROOT, 'samples')).code, 2);
  });
});
