// Writing one export per article: each new file through a flushed temporary file while the rest are still read, renamed into place only once every article could be exported, each folder flushed once.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError, FileError, removeStaleTemps, syncFolder, writeFileAtomic } from '../core/files';
import { tempNameFor } from '../core/fileRules';
import { mapConcurrently } from '../core/parallel';

/** Files written or renamed at once: their waits on the disk overlap. */
const AT_ONCE = 16;

/** Where a target goes: a new file in `folder` (a real path), or, when it exists already, the full atomic write (links, mode, line endings). */
type Place = { folder: string; name: string } | { existing: true };

/**
 * The exports of one command, written atomically and durably: a reader of any target sees the
 * old file or the new one, never half of either, and when commit resolves every file and
 * every rename is on the disk. Until commit nothing is renamed, so an article that cannot be
 * exported leaves every target as it was (abandon removes the temporary files).
 */
export class ExportWrites {
  private readonly places: Promise<Place[]>;
  /** The folders this export made, deepest first: removed again, if still empty, by abandon. */
  private readonly made: string[] = [];
  private readonly staged = new Map<number, Promise<string | undefined>>();
  private readonly contents = new Map<number, string | Uint8Array>();
  private failure: unknown;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /** Nothing is made or written before `allowed` resolves to true (the targets were checked). */
  constructor(
    private readonly targets: readonly string[],
    allowed: Promise<boolean> = Promise.resolve(true),
  ) {
    this.places = allowed.then((yes) => (yes ? placesOf(targets, this.made) : Promise.reject(new Error('the targets were refused'))));
    // Awaited by every write and by commit; a failure is theirs to report.
    this.places.catch(() => undefined);
  }

  /** Starts writing target `i`; a new file goes to a temporary file of its own, flushed. */
  stage(i: number, content: string | Uint8Array): void {
    const temp = this.places.then(async (places) => {
      const place = places[i];
      if ('existing' in place) {
        // Written at commit the full way, which keeps the replaced file's line endings: as text.
        this.contents.set(i, typeof content === 'string' ? content : new TextDecoder().decode(content));
        return undefined;
      }
      return this.failure !== undefined ? undefined : this.limited(() => writeTemp(this.targets[i], place, content));
    });
    this.staged.set(
      i,
      temp.catch((err: unknown) => {
        this.failure ??= err;
        return undefined;
      }),
    );
  }

  /** Puts every staged export in place, then flushes each folder once; the first failure is thrown, after the temporary files are removed. */
  async commit(): Promise<void> {
    const places = await this.places;
    const temps = await this.settled();
    if (this.failure !== undefined) {
      await removeAll(temps);
      throw this.failure;
    }
    const renamed = new Set<string>();
    await mapConcurrently([...temps], AT_ONCE, async ([i, temp]) => {
      const place = places[i];
      if (this.failure !== undefined || 'existing' in place) {
        return;
      }
      await fs.rename(temp, join(place.folder, place.name)).then(
        () => renamed.add(place.folder),
        (err: unknown) => void (this.failure ??= unwritable(this.targets[i], err)),
      );
    });
    if (this.failure === undefined) {
      await mapConcurrently([...this.contents], AT_ONCE, ([i, content]) =>
        writeFileAtomic(this.targets[i], content).then(
          () => undefined,
          (err: unknown) => void (this.failure ??= err),
        ),
      );
    }
    // Each file was flushed before its rename; the folders' flush makes the renames last.
    await Promise.all([...renamed].map((folder) => syncFolder(folder)));
    if (this.failure !== undefined) {
      await removeAll(temps);
      throw this.failure;
    }
  }

  /** Nothing is put in place: the temporary files staged so far are removed. */
  async abandon(): Promise<void> {
    await this.places.catch(() => undefined);
    await removeAll(await this.settled());
    for (const folder of this.made) {
      await fs.rmdir(folder).catch(() => undefined);
    }
  }

  /** The temporary file of each staged target, once every write under way has ended. */
  private async settled(): Promise<Map<number, string>> {
    const temps = new Map<number, string>();
    for (const [i, staged] of this.staged) {
      const temp = await staged;
      if (temp !== undefined) {
        temps.set(i, temp);
      }
    }
    return temps;
  }

  private async limited<T>(fn: () => Promise<T>): Promise<T> {
    while (this.running >= AT_ONCE) {
      await new Promise<void>((go) => this.waiting.push(go));
    }
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Makes each folder the targets go into, removes what crashed writers left there, and lists
 * it once: a target not in the listing is a new file at the folder's real path, with none of
 * the per-file look-ups (links, mode, read-only) that replacing a file needs.
 */
async function placesOf(targets: readonly string[], made: string[]): Promise<Place[]> {
  const byFolder = new Map<string, Set<string>>();
  for (const target of targets) {
    const names = byFolder.get(dirname(target)) ?? new Set<string>();
    byFolder.set(dirname(target), names.add(basename(target)));
  }
  const folders = new Map<string, FolderListing | undefined>();
  for (const [folder, names] of byFolder) {
    const first = await fs.mkdir(folder, { recursive: true }).catch((err: unknown) => {
      throw new FileError('unwritable', folder, `the folder could not be made: ${describeFsError(err)}`);
    });
    for (let up = folder; first !== undefined && up.length >= first.length; up = dirname(up)) {
      made.push(up);
    }
    const listing = await listFolder(folder);
    if (listing) {
      await removeStaleTemps(listing.real, names);
    }
    folders.set(folder, listing);
  }
  return targets.map((target) => {
    const listing = folders.get(dirname(target));
    // A folder that cannot be listed: its targets are written the full way, which says why they cannot be.
    return !listing || isListed(listing, basename(target)) ? { existing: true } : { folder: listing.real, name: basename(target) };
  });
}

/** A folder's real path and the names in it, folded (see isListed); no names when it does not exist. */
export interface FolderListing {
  real: string;
  names: Set<string>;
}

/** Lists a folder once for many targets; undefined when it exists but cannot be listed (then each target is looked up itself). */
export async function listFolder(folder: string): Promise<FolderListing | undefined> {
  const entries = await fs.readdir(folder).catch((err: unknown) => ((err as { code?: unknown }).code === 'ENOENT' ? [] : undefined));
  if (!entries) {
    return undefined;
  }
  // The real path a write resolves to: the folder's, or the path as given when it is not there.
  const real = await fs.realpath(folder).catch(() => folder);
  return { real, names: new Set(entries.map(fold)) };
}

/**
 * Whether a name may be in the folder. Names are compared folded, so that on a file system that
 * ignores case or Unicode form (macOS, Windows) a file that is there under another spelling
 * counts as there: it is then looked up or written the full way, never replaced unasked.
 */
export function isListed(listing: FolderListing, name: string): boolean {
  return listing.names.has(fold(name));
}

function fold(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase();
}

/** Writes a temporary file beside the target's place and flushes it; its path. */
async function writeTemp(target: string, place: { folder: string; name: string }, content: string | Uint8Array): Promise<string> {
  const temp = join(place.folder, tempNameFor(place.name, process.pid, randomBytes(6).toString('hex')));
  try {
    const handle = await fs.open(temp, 'wx', 0o666);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw unwritable(target, err);
  }
  return temp;
}

async function removeAll(temps: Map<number, string>): Promise<void> {
  await mapConcurrently([...temps.values()], AT_ONCE, (temp) => fs.rm(temp, { force: true }).catch(() => undefined));
}

function unwritable(target: string, err: unknown): FileError {
  return new FileError('unwritable', target, `could not be written: ${describeFsError(err)}`);
}
