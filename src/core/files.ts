// Atomic file writes for Node (the command-line tool): a reader sees the old file or the new one, never half of either.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` through a temporary file in the same folder, flushed to disk and
 * then renamed over the target. The temporary file lives beside the target because a
 * rename is only atomic within one file system. The folder is flushed too, so the rename
 * itself survives a crash. The target keeps its permissions if it already existed.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(path)).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', mode ?? 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (mode !== undefined) {
      // open() applies the umask; the old file's mode is what its owner chose.
      await fs.chmod(temp, mode);
    }
    await fs.rename(temp, path);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
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
