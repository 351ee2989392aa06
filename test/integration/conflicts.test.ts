// Merge conflicts in a real VS Code: two branches give a claim different verdicts, git merges them with Newsmark's driver, and the editor shows and resolves the conflict.

import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { decodeSidecar } from '../../src/core/sidecar';
import { activateNewsmark, answeringPicker, hoverText, openArticle, settle, sidecarPath, workspaceFile } from './helpers';

const ARTICLE = 'brenn-water-rationing.txt';
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Alice', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'Alice', GIT_COMMITTER_EMAIL: 'a@example.org' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV });
}

/** A repository in the workspace with the sample article, set up with `newsmark git-setup`, and two branches that set claim c1's verdict two ways, merged. */
function mergedRepository(name: string): string {
  const repo = workspaceFile(name);
  fs.mkdirSync(repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  for (const file of [ARTICLE, sidecarPath(ARTICLE)]) {
    fs.copyFileSync(workspaceFile(file), path.join(repo, file));
  }
  const extension = vscode.extensions.getExtension('newsmark.newsmark')!.extensionPath;
  const cli = path.join(extension, 'dist', 'cli.js');
  const setup = spawnSync(process.execPath, [cli, 'git-setup', '--newsmark', `"${process.execPath}" "${cli}"`], { cwd: repo, encoding: 'utf8', env: GIT_ENV });
  assert.strictEqual(setup.status, 0, setup.stderr);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'base');
  const sidecar = path.join(repo, sidecarPath(ARTICLE));
  const setVerdict = (branch: string, verdict: string) => {
    git(repo, 'checkout', '-q', '-b', branch, 'main');
    const text = fs.readFileSync(sidecar, 'utf8');
    assert.ok(text.includes('verdict: mostly-false'), 'the sample claim c1 is Mostly false');
    fs.writeFileSync(sidecar, text.replace('verdict: mostly-false', `verdict: ${verdict}`));
    git(repo, 'commit', '-qam', `${branch}: ${verdict}`);
  };
  setVerdict('theirs', 'false');
  setVerdict('mine', 'mixed');
  const merge = spawnSync('git', ['merge', '--no-edit', 'theirs'], { cwd: repo, encoding: 'utf8', env: GIT_ENV });
  assert.strictEqual(merge.status, 1, `git reports the conflict: ${merge.stdout}${merge.stderr}`);
  return repo;
}

async function waitFor<T>(value: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 80; i++) {
    const found = value();
    if (found !== undefined) {
      return found;
    }
    await settle(100);
  }
  assert.fail(`timed out waiting for ${what}`);
}

const conflictsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'merge-conflict');
const MESSAGE = 'Verdict conflict on claim c1: yours says “Mixed”, theirs says “False”';

/** The claim's verdict and the conflicts: record as the sidecar on disk has them. */
function onDisk(repo: string): { verdict?: string; conflicts: number; text: string } {
  const text = fs.readFileSync(path.join(repo, sidecarPath(ARTICLE)), 'utf8');
  const decoded = decodeSidecar(text, fs.readFileSync(path.join(repo, ARTICLE), 'utf8'));
  assert.ok(decoded.annotations, JSON.stringify(decoded.problems));
  return { verdict: decoded.annotations.claims.find((c) => c.id === 'c1')?.verdict, conflicts: decoded.annotations.conflicts?.length ?? 0, text };
}

describe('Merge conflicts', () => {
  it('shows a verdict conflict git merged into the sidecar, and Take theirs from the quick fix resolves it, undoably', async () => {
    const api = await activateNewsmark();
    const repo = mergedRepository('team-take-theirs');
    assert.match(onDisk(repo).text, /^conflicts:/m);
    const editor = await openArticle(path.join(repo, ARTICLE));
    const uri = editor.document.uri;
    const [diagnostic] = await waitFor(() => (conflictsOf(uri).length ? conflictsOf(uri) : undefined), 'the conflict in the Problems panel');
    assert.strictEqual(diagnostic.message, MESSAGE);
    const claim = api.store.get(uri)!.annotations!.claims.find((c) => c.id === 'c1')!;
    assert.strictEqual(editor.document.offsetAt(diagnostic.range.start), claim.anchor.start, 'on the claim’s span');
    const sidecarUri = vscode.Uri.file(path.join(repo, sidecarPath(ARTICLE)));
    assert.deepStrictEqual(conflictsOf(sidecarUri).map((d) => d.message), [MESSAGE], 'and on the sidecar’s record');

    const hover = await hoverText(uri, diagnostic.range.start);
    assert.match(hover, /\| \*\*Verdict\*\* \| Mixed \| False \|/);
    assert.match(hover, /\[Take theirs\]\(command:newsmark\.resolveConflict\?/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const titles = actions.map((a) => a.title);
    for (const expected of ['Keep mine — verdict “Mixed”', 'Take theirs — verdict “False”', 'Compare verdicts of claim c1…']) {
      assert.ok(titles.includes(expected), `${expected} in ${titles.join(', ')}`);
    }
    const take = actions.find((a) => a.title.startsWith('Take theirs'))!;
    assert.strictEqual(take.kind?.value, vscode.CodeActionKind.QuickFix.value);
    await vscode.commands.executeCommand(take.command!.command, ...(take.command!.arguments ?? []));
    await api.store.flush();
    const resolved = onDisk(repo);
    assert.strictEqual(resolved.verdict, 'false');
    assert.doesNotMatch(resolved.text, /conflicts/);
    await waitFor(() => (conflictsOf(uri).length + conflictsOf(sidecarUri).length === 0 ? true : undefined), 'the conflict to leave the Problems panel');

    await vscode.commands.executeCommand('newsmark.undoAnnotation', uri);
    await api.store.flush();
    assert.deepStrictEqual([onDisk(repo).verdict, onDisk(repo).conflicts], ['mixed', 1], 'the undo brings the record back');
    await waitFor(() => (conflictsOf(uri).length === 1 ? true : undefined), 'the conflict back in the Problems panel');

    // From the palette: the one conflict goes straight to the choice of side, yours first.
    const done = await answeringPicker(() => vscode.commands.executeCommand<string>('newsmark.resolveConflicts', { uri: uri.toString() }), 'accept');
    assert.strictEqual(done, 'Keep mine: verdict of claim c1');
    assert.deepStrictEqual([onDisk(repo).verdict, onDisk(repo).conflicts], ['mixed', 0]);
  });

  it('compares the two verdicts in a picker and keeps the one chosen', async () => {
    const api = await activateNewsmark();
    const repo = mergedRepository('team-compare');
    const editor = await openArticle(path.join(repo, ARTICLE));
    const uri = editor.document.uri;
    const [diagnostic] = await waitFor(() => (conflictsOf(uri).length ? conflictsOf(uri) : undefined), 'the conflict in the Problems panel');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    const compare = actions.find((a) => a.title.startsWith('Compare verdicts'))!;
    // The picker offers yours first: Enter keeps it.
    const done = await answeringPicker(() => vscode.commands.executeCommand<string>(compare.command!.command, ...(compare.command!.arguments ?? [])), 'accept');
    assert.strictEqual(done, 'Keep mine: verdict of claim c1');
    await api.store.flush();
    assert.deepStrictEqual([onDisk(repo).verdict, onDisk(repo).conflicts], ['mixed', 0]);
    assert.doesNotMatch(onDisk(repo).text, /conflicts/);
    // Already resolved: a stale button says so and changes nothing.
    const before = onDisk(repo).text;
    await vscode.commands.executeCommand(compare.command!.command, ...(compare.command!.arguments ?? []));
    assert.match(api.feedback.last ?? '', /no longer in the sidecar/);
    assert.strictEqual(onDisk(repo).text, before);
  });

  it('shows the conflicts of a sidecar opened on its own, and resolves them from there', async () => {
    const api = await activateNewsmark();
    const repo = mergedRepository('team-sidecar-only');
    const sidecarUri = vscode.Uri.file(path.join(repo, sidecarPath(ARTICLE)));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sidecarUri));
    const [diagnostic] = await waitFor(() => (conflictsOf(sidecarUri).length ? conflictsOf(sidecarUri) : undefined), 'the conflict on the sidecar');
    assert.strictEqual(diagnostic.message, MESSAGE);
    assert.strictEqual(diagnostic.range.start.line, 2, 'on its record, under conflicts:');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecarUri, diagnostic.range);
    const keep = actions.find((a) => a.title.startsWith('Keep mine'));
    assert.ok(keep, actions.map((a) => a.title).join(', '));
    await vscode.commands.executeCommand(keep.command!.command, ...(keep.command!.arguments ?? []));
    await api.store.flush();
    assert.deepStrictEqual([onDisk(repo).verdict, onDisk(repo).conflicts], ['mixed', 0]);
    await waitFor(() => (conflictsOf(sidecarUri).length === 0 ? true : undefined), 'the conflict to leave the sidecar');
  });
});
