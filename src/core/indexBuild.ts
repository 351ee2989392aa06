// Building the workspace index from disk: each sidecar's record from the cache when its files did not change, else read on worker threads, with progress and cancellation.

import { type ArticleRecord, sameRecord } from './indexRecords';
import { fileStampSync, type IndexJob, type IndexRead, readForIndex } from './indexReader';
import { runSpread, type WorkKind } from './parallel';
import type { DecodeOptions } from './sidecar';
import { type FileStamp, IndexCache } from './workspace';

/** Stats between two turns of the event loop: a few milliseconds of work. */
const STAT_CHUNK = 250;

export interface BuildOptions {
  decode?: DecodeOptions;
  workers?: number;
  /** How far it got: sidecars done of the total, and how many of them had to be read. */
  onProgress?: (progress: { done: number; total: number; read: number }) => void;
  /** Asked as it goes; true stops it, with what was done so far kept. */
  cancelled?: () => boolean;
}

/** Per job, in order: its record, or why it has none (undefined: not reached before cancelling). */
export type Built = { record: ArticleRecord } | { status: 'gone' | 'unreadable' } | undefined;

/**
 * Indexes every sidecar of `jobs`: a sidecar whose files have the sizes and times the
 * cache knows them by (and did not change within RACY_MARGIN of being read) is taken from
 * it; the others are read and decoded, spread over the cores. The cache is updated.
 */
export async function buildIndex(jobs: readonly IndexJob[], cache: IndexCache, options: BuildOptions = {}): Promise<{ built: Built[]; read: number; cancelled: boolean }> {
  const built: Built[] = new Array(jobs.length);
  const stamps = await statAll(jobs, cache, options.cancelled);
  const toRead: number[] = [];
  stamps.forEach((stamp, i) => {
    const record = stamp && cache.byStamp(jobs[i].article, stamp);
    if (record) {
      built[i] = { record };
    } else if (stamp) {
      toRead.push(i);
    } else if (stamp === null) {
      built[i] = { status: 'gone' };
    }
  });
  const total = jobs.length;
  const fromCache = total - toRead.length;
  options.onProgress?.({ done: fromCache, total, read: 0 });
  const work: WorkKind = { kind: 'index', options: options.decode ?? {}, full: false };
  await runSpread(work, toRead.map((i) => jobs[i]), (job) => readForIndex(job, work.options, false), {
    workers: options.workers,
    cancelled: options.cancelled,
    onBatch: (from, reads, done) => {
      reads.forEach((read, k) => (built[toRead[from + k]] = take(cache, jobs[toRead[from + k]], read as IndexRead)));
      options.onProgress?.({ done: fromCache + done, total, read: done });
    },
  });
  return { built, read: toRead.length, cancelled: Boolean(options.cancelled?.()) && built.includes(undefined) };
}

/** Reads one sidecar again, in this thread: what a change reported by the file watcher costs. */
export async function reindexOne(job: IndexJob, cache: IndexCache, decode: DecodeOptions = {}): Promise<Built> {
  return take(cache, job, await readForIndex(job, decode, false));
}

function take(cache: IndexCache, job: IndexJob, read: IndexRead): Built {
  if (read.status !== 'ok') {
    cache.delete(job.article);
    return read;
  }
  // A sidecar written moments before it was read is read again, as its stamp cannot be
  // trusted (RACY_MARGIN); the same stamp and the same record then is the same sidecar, and
  // keeping the record it had tells whoever shows it that nothing changed.
  const before = cache.entry(job.article);
  const record = before && before.seen === read.stamp.seen && sameRecord(before.record, read.record) ? before.record : read.record;
  cache.set(job.article, { seen: read.stamp.seen, readAt: read.readAt, record });
  return { record };
}

/**
 * A sidecar the cache has no entry for is read whatever its stamp, and reading it takes a stamp
 * of its own: a cold start stats nothing here (two stats a sidecar, the length of time the
 * workers took to start), and a sidecar that is gone is found so by its read.
 */
const UNCACHED: FileStamp = { seen: 'uncached', changedAt: Infinity };

/**
 * Every job's stamp, in order: null when the sidecar is gone, undefined when not reached,
 * UNCACHED for one the cache does not hold. A few hundred at a time, letting other work run in
 * between, so that checking a large archive never holds up the thread it runs on for long.
 */
async function statAll(jobs: readonly IndexJob[], cache: IndexCache, cancelled?: () => boolean): Promise<(FileStamp | null | undefined)[]> {
  const stamps: (FileStamp | null | undefined)[] = new Array(jobs.length);
  for (let from = 0; from < jobs.length && !cancelled?.(); from += STAT_CHUNK) {
    for (let i = from; i < Math.min(jobs.length, from + STAT_CHUNK); i++) {
      stamps[i] = cache.entry(jobs[i].article) ? (fileStampSync(jobs[i].sidecar) ?? null) : UNCACHED;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return stamps;
}

export { IndexCache };
