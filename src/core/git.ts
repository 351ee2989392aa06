// Reading what git knows of a working tree: files at a revision, its branches, who the annotator is. No shell: git is run with its arguments as a list.

import { execFile } from 'node:child_process';
import { dirname, relative, sep } from 'node:path';

/** Outputs larger than this are refused rather than held in memory (a sidecar at a revision, say). */
const MAX_OUTPUT = 64 * 1024 * 1024;

export class GitError extends Error {}

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (err, stdout, stderr) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        reject(new GitError(code === 'ENOENT' ? 'git is not installed (or not on the PATH).' : firstLine(stderr) || err.message));
      } else {
        resolve(stdout);
      }
    });
  });
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim())?.replace(/^(fatal|error): /, '') ?? '';
}

/** The top folder of the repository holding `path`, or undefined outside one. */
export async function repositoryRoot(path: string): Promise<string | undefined> {
  try {
    return (await git(dirname(path), ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    return undefined;
  }
}

/** A file as it was at a revision ("main", "HEAD~2", a commit id), or undefined when it did not exist there. */
export async function fileAtRevision(path: string, revision: string): Promise<string | undefined> {
  if (revision.startsWith('-')) {
    throw new GitError(`"${revision}" is not a revision.`);
  }
  const root = await repositoryRoot(path);
  if (!root) {
    throw new GitError(`${path} is not inside a git repository.`);
  }
  const inRepo = relative(root, path).split(sep).join('/');
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  } catch {
    throw new GitError(`git knows no revision "${revision}".`);
  }
  try {
    return await git(root, ['show', `${revision}:${inRepo}`]);
  } catch {
    return undefined;
  }
}

/** Local and remote branches, most recently changed first. */
export async function branches(path: string): Promise<string[]> {
  const root = await repositoryRoot(path);
  if (!root) {
    return [];
  }
  const out = await git(root, ['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']);
  return out.split('\n').filter((b) => b && !b.endsWith('/HEAD'));
}

/** A git configuration value as the repository sees it, or undefined. */
export async function configValue(folder: string, key: string): Promise<string | undefined> {
  try {
    return (await git(folder, ['config', '--get', key])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Who git says is working in a folder: its user.name, else its user.email, as a commit would record them. */
export async function gitUser(folder: string): Promise<string | undefined> {
  return (await configValue(folder, 'user.name')) ?? (await configValue(folder, 'user.email'));
}

/** Runs git in a folder; for the set-up commands, which write git's own configuration. */
export function runGit(folder: string, args: readonly string[]): Promise<string> {
  return git(folder, args);
}
