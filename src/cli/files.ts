// Reading what the commands work on: settings, sidecars and their articles, through the core's one file layer.

import { promises as fs } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describeFsError, FileError, readArticleFile } from '../core/files';
import { SIDECAR_SUFFIX, sidecarNameFor } from '../core/sidecar';
import { ConfigError, readSettings, type Settings, SETTINGS_FILE } from '../core/settingsFile';
import { articlePathFor, type PairRead, readPair as readCorePair } from '../core/pairs';
import { type Io, shownPath } from './io';

export { articlePathFor, type PairRead };

/**
 * Reads the settings named by --config, else the nearest .newsmark.json from the working
 * folder up to the repository root (the first folder holding .git); defaults without one.
 */
export async function loadSettings(cwd: string, explicit: string | undefined): Promise<Settings> {
  let path = explicit === undefined ? undefined : resolve(cwd, explicit);
  if (path === undefined) {
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      if (await exists(join(dir, SETTINGS_FILE))) {
        path = join(dir, SETTINGS_FILE);
        break;
      }
      if ((await exists(join(dir, '.git'))) || dirname(dir) === dir) {
        break;
      }
    }
  }
  if (path === undefined) {
    return readSettings({}, SETTINGS_FILE);
  }
  const where = relative(cwd, path) || path;
  const source = await readText(path);
  if (source === undefined) {
    throw new ConfigError(`${where}: cannot be read.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (err) {
    throw new ConfigError(`${where}: not valid JSON (${(err as Error).message}).`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${where}: the settings must be a JSON object.`);
  }
  return readSettings(raw as Record<string, unknown>, where);
}

// ---------------------------------------------------------------------------------------------
// Files: every read and write goes through src/core/files.ts, the rules the editor follows.

/** The sidecar of an article path; a sidecar path is taken as itself. */
export function sidecarPathFor(path: string): string {
  return path.endsWith(SIDECAR_SUFFIX) ? path : sidecarNameFor(path);
}

/** Reads a sidecar and its article with the settings' actor types and verdicts (see the core's readPair). */
export function readPair(sidecar: string, settings: Settings, dataOnly = false): Promise<PairRead> {
  return readCorePair(sidecar, { actorTypes: settings.actorTypes, verdicts: settings.scale.verdicts.map((v) => v.id), dataOnly });
}

/** Prints why a pair could not be read: `where` is how the article is named when the sidecar is missing. Returns true if it could not. */
export function reportUnread(io: Io, read: PairRead, where: string, print: (text: string) => void = io.err): read is Exclude<PairRead, { source: string }> {
  if ('missing' in read) {
    print(`${where}: ${read.missing}\n`);
    return true;
  }
  if ('problem' in read) {
    print(`${shownPath(io, read.file)}:${read.problem.line}:${read.problem.column}: ${read.problem.message}\n`);
    return true;
  }
  return false;
}

/**
 * The sidecars a path names: itself, an article's sidecar, or every sidecar below a folder
 * (skipping dot-folders and node_modules). Anything named like a sidecar is listed, folders
 * and pipes too, so that reading it reports what it is rather than skipping it in silence.
 * A string explains why there are none.
 */
export async function sidecarsAt(path: string): Promise<string[] | string | undefined> {
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat) {
    return (await fs.lstat(path).catch(() => undefined)) ? [sidecarPathFor(path)] : undefined;
  }
  if (!stat.isDirectory() || path.endsWith(SIDECAR_SUFFIX)) {
    const sidecar = sidecarPathFor(path);
    return sidecar === path || (await fs.lstat(sidecar).then(() => true, () => false)) ? [sidecar] : `has no sidecar (${basename(sidecar)})`;
  }
  const found: string[] = [];
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
      throw new FileError('unreadable', dir, `the folder could not be listed: ${describeFsError(err)}`);
    });
    for (const e of entries) {
      if (e.name.endsWith(SIDECAR_SUFFIX)) {
        found.push(join(dir, e.name));
      } else if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') {
        await walk(join(dir, e.name));
      }
    }
  };
  await walk(path);
  return found.sort();
}

/** Text that is not a sidecar (settings, a brat pair), read with the article rule; undefined when missing or unreadable. */
export async function readText(path: string): Promise<string | undefined> {
  const read = await readArticleFile(path);
  return read.status === 'ok' ? read.text : undefined;
}

export async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The workspace a path belongs to: the nearest folder, from it up, that holds Newsmark's
 * folder, settings or a repository; the path itself when none does.
 */
export async function workspaceRootOf(path: string): Promise<string> {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    for (const marker of ['.newsmark', SETTINGS_FILE, '.git']) {
      if (await exists(join(dir, marker))) {
        return dir;
      }
    }
    if (dirname(dir) === dir) {
      return resolve(path);
    }
  }
}

export async function isFolder(path: string): Promise<boolean> {
  return fs.stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
