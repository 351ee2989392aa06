// Reading what the commands work on: settings, sidecars and their articles, through the core's one file layer.

import { promises as fs } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describeFsError, FileError, readArticleFile, readSidecarFile } from '../core/files';
import { type FileProblem } from '../core/fileRules';
import { type DecodeResult, decodeSidecar, SIDECAR_SUFFIX, sidecarNameFor } from '../core/sidecar';
import { ConfigError, readSettings, type Settings, SETTINGS_FILE } from '../core/settingsFile';
import { type Io, shownPath } from './io';

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

export function articlePathFor(sidecar: string): string {
  return sidecar.slice(0, -SIDECAR_SUFFIX.length);
}

/** A sidecar and its article, read; or what kept them from being read (`file` is the one at fault). */
export type PairRead = { missing: string } | { problem: FileProblem; file: string } | { source: string; text: string; article: string; decoded: DecodeResult };

/**
 * `dataOnly`: only the annotations are needed, not the YAML document (to write it back), so the
 * fast reader is used; it keeps a 30 MB sidecar in about a tenth of the memory, and a sidecar with
 * any problem is still read again the full way for positions.
 */
export async function readPair(sidecar: string, settings: Settings, dataOnly = false): Promise<PairRead> {
  const article = articlePathFor(sidecar);
  const source = await readSidecarFile(sidecar);
  if (source.status === 'missing') {
    return { missing: `has no sidecar (${basename(sidecar)})` };
  }
  if (source.status === 'problem') {
    return { problem: source.problem, file: sidecar };
  }
  const text = await readArticleFile(article);
  if (text.status === 'missing') {
    return { missing: `the article ${basename(article)} is missing next to this sidecar` };
  }
  if (text.status === 'problem') {
    return { problem: text.problem, file: article };
  }
  const decoded = decodeSidecar(source.text, text.text, { actorTypes: settings.actorTypes, verdicts: settings.scale.verdicts.map((v) => v.id), dataOnly });
  return { source: source.text, text: text.text, article, decoded };
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
