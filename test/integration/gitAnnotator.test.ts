// Who did what without newsmark.annotator, in a real VS Code: an article in a git repository is marked in the name of the repository's git user.

import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import * as vscode from 'vscode';
import { activateNewsmark, openArticle, select, sidecarPath, workspaceFile, writeArticle } from './helpers';

const run = promisify(execFile);
const ARTICLE = 'YEREVAN — Nikol Pashinyan said Armenia would not take part. Approximately 2,500 personnel are involved in the exercises.\n';

/**
 * The git configuration outside the repository, as the extension's own git runs see it: the
 * extension host is this process, and Newsmark runs git with its environment. The machine's own
 * git user must not decide what these tests see.
 */
const ISOLATION = ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'] as const;

function isolateGit(global: string): void {
  process.env.GIT_CONFIG_GLOBAL = global;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
}

/** A new git repository in the workspace whose own configuration holds `config`, with the article in it. */
async function repositoryWith(name: string, config: Record<string, string>): Promise<string> {
  const repo = workspaceFile(name);
  fs.mkdirSync(repo, { recursive: true });
  await run('git', ['init', '-q'], { cwd: repo, env: process.env });
  for (const [key, value] of Object.entries(config)) {
    await run('git', ['config', key, value], { cwd: repo, env: process.env });
  }
  return writeArticle(path.join(name, 'article.txt'), ARTICLE);
}

describe('Who did what, from git', () => {
  const settings = () => vscode.workspace.getConfiguration('newsmark');
  let before: string | undefined;
  const saved: Partial<Record<(typeof ISOLATION)[number], string>> = {};
  let machine: string;

  beforeEach(async () => {
    for (const key of ISOLATION) {
      saved[key] = process.env[key];
    }
    machine = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-git-')), 'gitconfig');
    before = settings().inspect<string>('annotator')?.globalValue;
    await settings().update('annotator', undefined, vscode.ConfigurationTarget.Global);
    assert.strictEqual(settings().get('annotator'), '', 'newsmark.annotator is cleared');
  });
  afterEach(async () => {
    for (const key of ISOLATION) {
      if (saved[key] === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = saved[key];
      }
    }
    fs.rmSync(path.dirname(machine), { recursive: true, force: true });
    await settings().update('annotator', before, vscode.ConfigurationTarget.Global);
  });

  it('stamps an actor marked through Mark Actor with the repository’s user.name, over the user’s global one', async () => {
    fs.writeFileSync(machine, '[user]\n\tname = Machine Person\n\temail = machine@example.org\n');
    isolateGit(machine);
    const api = await activateNewsmark();
    const file = await repositoryWith('team-git-name', { 'user.name': 'Git Person', 'user.email': 'git.person@example.org' });
    const editor = await openArticle(file);
    select(editor, 'Nikol Pashinyan');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Nikol Pashinyan', type: 'person' });
    await api.store.flush();

    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.match(yaml, /\n {4}type: person\n {4}by: Git Person\n {4}at: \S+Z\n/);
    assert.ok(yaml.includes('quote: Nikol Pashinyan, prefix: "YEREVAN — ", suffix: " said Armenia would not take par", by: Git Person, at: '), yaml);
    assert.ok(!yaml.includes('Machine Person'), yaml);
    assert.strictEqual(settings().get('annotator'), '', 'git’s name is not copied into the setting');
  });

  it('stamps a claim marked through Mark Claim with the repository’s user.email when git has no user.name', async () => {
    isolateGit(os.devNull);
    const api = await activateNewsmark();
    const file = await repositoryWith('team-git-email', { 'user.email': 'ana@newsroom.example' });
    const editor = await openArticle(file);
    select(editor, 'Approximately 2,500 personnel are involved in the exercises');
    await vscode.commands.executeCommand('newsmark.markClaim', { claimant: null });
    await api.store.flush();

    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.match(yaml, /\nclaims:\n {2}- id: c1\n(?: {4}.*\n)*? {4}by: ana@newsroom\.example\n {4}at: \S+Z\n/);
  });
});
