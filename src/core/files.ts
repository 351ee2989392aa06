// The user's files on a local disk: reading only regular files within a size limit, and writing atomically through symlinks, never over a read-only file or an edit made meanwhile.

import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import {
  decodeArticle,
  decodeSidecarBytes,
  type FileKind,
  type FileProblem,
  fileProblem,
  inFormOf,
  kindWords,
  MAX_FILE_BYTES,
  notAFileProblem,
  STALE_TEMP_MS,
  tempNameFor,
  tempOwner,
  tooLargeProblem,
} from './fileRules';

/** A file read as text, or why it could not be. */
export type TextRead = { status: 'ok'; text: string } | { status: 'missing' } | { status: 'problem'; problem: FileProblem };

/** How a file's bytes become text: an article drops its byte-order mark; a sidecar refuses any byte that is not UTF-8. */
export type Decoding = 'article' | 'sidecar';

export type FileErrorCode = 'read-only' | 'not-a-file' | 'unwritable' | 'unreadable';

/** A write Newsmark refused or could not make (or a folder it could not list); the message is worded for the user and names the file. */
export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly path: string,
    /** What is wrong, as a sentence that follows the file's name and a colon. */
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** A sidecar's text (strict UTF-8), or why it could not be read. */
export function readSidecarFile(path: string): Promise<TextRead> {
  return readTextFile(path, 'sidecar');
}

/** An article's text (UTF-8 without a byte-order mark, the editor's rule), or why it could not be read. */
export function readArticleFile(path: string): Promise<TextRead> {
  return readTextFile(path, 'article');
}

/** readSidecarFile without waiting (see readTextFileSync). */
export function readSidecarFileSync(path: string): TextRead {
  return readTextFileSync(path, 'sidecar');
}

/** readArticleFile without waiting (see readTextFileSync). */
export function readArticleFileSync(path: string): TextRead {
  return readTextFileSync(path, 'article');
}

/**
 * Reads a file as text. Only a regular file is read (symlinks are followed to their target):
 * a folder, FIFO, device or socket is a problem, found by stat before opening, and again on
 * the open handle, opened non-blocking so that a FIFO can never hang the reader.
 */
export async function readTextFile(path: string, decoding: Decoding, limit = MAX_FILE_BYTES): Promise<TextRead> {
  return textOf(await readBytes(path, limit), decoding);
}

/**
 * readTextFile without waiting, with the same checks, for a worker thread, which a blocking
 * read holds up nothing else on. Each of the five calls of an async read is a round trip
 * through the small pool of threads that every worker shares; on a file the system has in
 * memory a blocking call returns in microseconds, and two workers reading at once with async
 * calls were each half as fast as one.
 */
export function readTextFileSync(path: string, decoding: Decoding, limit = MAX_FILE_BYTES): TextRead {
  return textOf(readBytesSync(path, limit), decoding);
}

function textOf(read: BytesRead, decoding: Decoding): TextRead {
  if (read.status !== 'ok') {
    return read;
  }
  if (decoding === 'article') {
    return { status: 'ok', text: decodeArticle(read.bytes) };
  }
  const decoded = decodeSidecarBytes(read.bytes);
  return 'text' in decoded ? { status: 'ok', text: decoded.text } : { status: 'problem', problem: decoded.problem };
}

type BytesRead = { status: 'ok'; bytes: Uint8Array } | { status: 'missing' } | { status: 'problem'; problem: FileProblem };

/** Opened without blocking: opening a FIFO to read waits for a writer otherwise. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

async function readBytes(path: string, limit: number): Promise<BytesRead> {
  let stat: Stats;
  try {
    stat = await fs.stat(path);
  } catch (err) {
    return statFailed(err);
  }
  const refused = refusal(stat, limit);
  if (refused) {
    return refused;
  }
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, OPEN_FLAGS);
    const opened = await handle.stat();
    if (!opened.isFile()) {
      return { status: 'problem', problem: notAFileProblem(kindOf(opened)) };
    }
    return await readLimited((chunk) => handle!.read(chunk, 0, chunk.length, null).then((r) => r.bytesRead), limit, opened.size);
  } catch (err) {
    return readFailed(err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function readBytesSync(path: string, limit: number): BytesRead {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (err) {
    return statFailed(err);
  }
  const refused = refusal(stat, limit);
  if (refused) {
    return refused;
  }
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const opened = fstatSync(fd);
    if (!opened.isFile()) {
      return { status: 'problem', problem: notAFileProblem(kindOf(opened)) };
    }
    const open = fd;
    return readLimitedSync((chunk) => readSync(open, chunk, 0, chunk.length, null), limit, opened.size);
  } catch (err) {
    return readFailed(err);
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // The bytes are read; a failed close loses nothing.
      }
    }
  }
}

function statFailed(err: unknown): BytesRead {
  return errno(err) === 'ENOENT' || errno(err) === 'ENOTDIR' ? { status: 'missing' } : { status: 'problem', problem: fileProblem('unreadable', `This file could not be read: ${describeFsError(err)}`) };
}

function readFailed(err: unknown): BytesRead {
  return errno(err) === 'ENOENT' ? { status: 'missing' } : { status: 'problem', problem: fileProblem('unreadable', `This file could not be read: ${describeFsError(err)}`) };
}

/** Why a file with this stat is not read, if it is not: anything but a regular file, or one over the limit. */
function refusal(stat: Stats, limit: number): BytesRead | undefined {
  if (!stat.isFile()) {
    return { status: 'problem', problem: notAFileProblem(kindOf(stat)) };
  }
  return stat.size > limit ? { status: 'problem', problem: tooLargeProblem(stat.size, limit) } : undefined;
}

/**
 * Reads to the end, but never past the limit: a file may grow, or claim a size it does not
 * have. The first read takes the size the file claims in one piece, so a large sidecar is
 * not held twice (chunks, then their concatenation). It hands out each buffer to fill and
 * is told how many bytes went in, so that the waiting and the blocking read share it.
 */
function* limitedRead(limit: number, claimed: number): Generator<Buffer, BytesRead, number> {
  const chunks: Buffer[] = [];
  let total = 0;
  // A file claiming no size (as some special files do) is read 64 KiB at a time. After a read
  // that did not fill its buffer, the end is most likely reached: a small buffer confirms it,
  // where a megabyte for every file read was memory outside the heap that made the collector
  // run several times as often while the workspace was indexed.
  let size = claimed > 0 ? claimed + 1 : 1 << 16;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(size, limit + 1 - total));
    const bytesRead = yield chunk;
    if (bytesRead === 0) {
      break;
    }
    size = bytesRead === chunk.length ? 1 << 20 : 1 << 10;
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) {
      return { status: 'problem', problem: tooLargeProblem(undefined, limit) };
    }
  }
  return { status: 'ok', bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
}

async function readLimited(read: (chunk: Buffer) => Promise<number>, limit: number, claimed: number): Promise<BytesRead> {
  const steps = limitedRead(limit, claimed);
  for (let step = steps.next(); ; step = steps.next(await read(step.value))) {
    if (step.done) {
      return step.value;
    }
  }
}

function readLimitedSync(read: (chunk: Buffer) => number, limit: number, claimed: number): BytesRead {
  const steps = limitedRead(limit, claimed);
  for (let step = steps.next(); ; step = steps.next(read(step.value))) {
    if (step.done) {
      return step.value;
    }
  }
}

function kindOf(stat: Stats): FileKind {
  if (stat.isFile()) {
    return 'file';
  }
  if (stat.isDirectory()) {
    return 'folder';
  }
  if (stat.isFIFO()) {
    return 'pipe';
  }
  if (stat.isCharacterDevice() || stat.isBlockDevice()) {
    return 'device';
  }
  return stat.isSocket() ? 'socket' : 'other';
}

export interface WriteOptions {
  /**
   * What the caller read from the file before deciding what to write: its text, or null
   * when it did not exist. If the file on disk is no longer that, nothing is written and
   * the outcome says what is there now, so the caller can merge or refuse.
   */
  expected?: string | null;
  /** Run just before the rename, after the last check (tests use it to make a change land in between). */
  beforeRename?: () => void | Promise<void>;
  /** Convert text to the line endings and byte-order mark of the file it replaces (default true). */
  keepForm?: boolean;
  /**
   * The caller removed the stale temporary files of this target already (removeStaleTemps
   * with every name it writes): a batch writing a thousand files into one folder then lists
   * the folder once, not once per file.
   */
  staleTempsRemoved?: boolean;
}

/** A write either happened (`data` is what is now on disk, in the file's own line endings), or did not because the file changed since it was read. */
export type WriteOutcome = { status: 'written'; data: string | Uint8Array } | { status: 'changed'; current: TextRead };

/**
 * Writes `data` to `path` through a temporary file in the target's folder, flushed to disk
 * and renamed over the target, so a reader sees the old file or the new one, never half of
 * either; the folder is flushed too, so the rename survives a crash. A symlink is written
 * through (the link stays a link); the target keeps its mode and, for text, its line endings.
 * A read-only file, or anything but a regular file, is refused with a FileError and left as
 * it is. Temporary files of this target left by a crashed writer are removed first.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<WriteOutcome> {
  const target = await resolveTarget(path);
  const folder = dirname(target);
  if (!options.staleTempsRemoved) {
    await removeStaleTemps(folder, basename(target));
  }
  const existing = await fs.stat(target).catch((err: unknown) => (errno(err) === 'ENOENT' ? undefined : Promise.reject(unwritable(path, err))));
  await refuseUnwritable(path, existing);
  const current = existing ? await readTextFile(target, 'sidecar') : ({ status: 'missing' } as const);
  if (changedSince(options.expected, current)) {
    return { status: 'changed', current };
  }
  const text = typeof data === 'string' && options.keepForm !== false && current.status === 'ok' ? inFormOf(current.text, data) : data;
  const temp = join(folder, tempNameFor(basename(target), process.pid, randomBytes(6).toString('hex')));
  try {
    await writeTemp(temp, text, existing);
    await options.beforeRename?.();
    if (options.expected !== undefined) {
      const now = await readTextFile(target, 'sidecar');
      if (changedSince(options.expected, now)) {
        await fs.rm(temp, { force: true });
        return { status: 'changed', current: now };
      }
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err instanceof FileError ? err : unwritable(path, err);
  }
  await syncFolder(folder);
  return { status: 'written', data: text };
}

function changedSince(expected: string | null | undefined, current: TextRead): boolean {
  if (expected === undefined) {
    return false;
  }
  if (expected === null) {
    return current.status !== 'missing';
  }
  return current.status !== 'ok' || current.text !== expected;
}

async function writeTemp(temp: string, data: string | Uint8Array, existing: Stats | undefined): Promise<void> {
  const mode = existing ? existing.mode & 0o7777 : undefined;
  const handle = await fs.open(temp, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(data);
    if (existing) {
      // open() applies the umask; the old file's mode is what its owner chose.
      await handle.chmod(mode!);
      if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
        // Run as root (a CI container), the new file would belong to root; it stays its owner's.
        await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function refuseUnwritable(path: string, stat: Stats | undefined): Promise<void> {
  if (!stat) {
    return;
  }
  if (!stat.isFile()) {
    throw new FileError('not-a-file', path, `this is ${kindWords(kindOf(stat))}, not a regular file, so nothing was written to it.`);
  }
  // Write permission is the owner's statement that the file is not to change; a process
  // running as root would otherwise replace it regardless.
  const writable =
    (stat.mode & 0o222) !== 0 &&
    (await fs.access(path, constants.W_OK).then(
      () => true,
      () => false,
    ));
  if (!writable) {
    throw new FileError('read-only', path, `the file is read-only, so it was not changed; make it writable (chmod u+w) to let Newsmark update it.`);
  }
}

/**
 * The file a write of `path` must replace: the target of a symlink (followed through every
 * link, even to a file not yet there), else the path itself with its folder's real path.
 */
export async function resolveTarget(path: string): Promise<string> {
  let current = resolve(path);
  // 40 links are followed, as the system does when it reads the path; one more is its ELOOP.
  for (let hops = 0; hops <= 40; hops++) {
    const link = await fs.readlink(current).catch(() => undefined);
    if (link === undefined) {
      const folder = await fs.realpath(dirname(current)).catch(() => dirname(current));
      return join(folder, basename(current));
    }
    current = isAbsolute(link) ? link : resolve(dirname(current), link);
  }
  throw new FileError('unwritable', path, `this is a chain of more than 40 symbolic links, so nothing was written.`);
}

/** Removes the temporary files of these targets whose writer is gone (no such process) or that are too old to be in use. */
export async function removeStaleTemps(folder: string, names: string | ReadonlySet<string>): Promise<string[]> {
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = typeof names === 'string' ? tempOwner(names, entry) : tempOwnerAmong(names, entry);
    if (pid === undefined) {
      continue;
    }
    const path = join(folder, entry);
    const stat = await fs.lstat(path).catch(() => undefined);
    if (!stat?.isFile()) {
      continue;
    }
    const old = Date.now() - stat.mtimeMs > STALE_TEMP_MS;
    if (old || (pid !== process.pid && !isAlive(pid))) {
      await fs.rm(path, { force: true }).catch(() => undefined);
      removed.push(entry);
    }
  }
  return removed;
}

/** tempOwner for any of several targets: the name is read out of the entry, not tried against each. */
function tempOwnerAmong(names: ReadonlySet<string>, entry: string): number | undefined {
  const target = /^\.(.+)\.\d+\.[0-9a-z]+\.tmp$/.exec(entry)?.[1];
  return target !== undefined && names.has(target) ? tempOwner(target, entry) : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return errno(err) === 'EPERM';
  }
}

/** Flushes a folder to disk, so that the renames made in it survive a crash. */
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for flushing; there the rename is as durable as it gets.
  if (process.platform === 'win32') {
    return;
  }
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on folders; the data itself is already flushed.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The real path of a file, or of the file a path would create (its folder's real path), for telling two names of one file apart. */
export async function realPathOf(path: string): Promise<string> {
  return fs.realpath(path).catch(() => resolveTarget(path));
}

function unwritable(path: string, err: unknown): FileError {
  return new FileError('unwritable', path, `could not be written: ${describeFsError(err)}`);
}

function errno(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An operating-system error in a sentence, without the system call's jargon. */
export function describeFsError(err: unknown): string {
  const words: Record<string, string> = {
    EACCES: 'permission denied.',
    EPERM: 'the operation is not permitted.',
    ENOSPC: 'the disk is full.',
    EDQUOT: 'the disk quota is used up.',
    EROFS: 'the file system is read-only.',
    EISDIR: 'it is a folder.',
    EEXIST: 'a file of that name is in the way.',
    ENOTDIR: 'a part of the path is not a folder.',
    ENOENT: 'the file or its folder does not exist.',
    ELOOP: 'too many symbolic links.',
    EMFILE: 'too many files are open.',
    EIO: 'the disk reported an input/output error.',
    EXDEV: 'the temporary file and the target are on different file systems.',
  };
  const code = errno(err);
  return (code && words[code]) ?? `${err instanceof Error ? err.message : String(err)}.`;
}
