// Checks many sidecars at once, on worker threads, one per core; the results come back in the order asked.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportWork } from './exporters';
import { articlePathFor, type PairRead, readPair } from './pairs';
import type { FileProblem } from './fileRules';
import { type DecodeOptions, type SidecarProblem } from './sidecar';

/** What checking one sidecar found. */
export interface SidecarCheck {
  sidecar: string;
  article: string;
  /** The sidecar or its article is not there: why, in the user's words. */
  missing?: string;
  /** The sidecar or its article could not be read as text (`file` is the one at fault). */
  unreadable?: { file: string; problem: FileProblem };
  /** Every problem of a sidecar that was read, errors and warnings. */
  problems: SidecarProblem[];
  /** Set when the article changed since the sidecar was written: where its sha256 is. */
  stale?: { line: number; column: number };
}

/** What a check needs of the settings: the configured actor types and verdicts. */
export interface CheckSettings {
  actorTypes?: readonly string[];
  scale?: { verdicts: readonly { id: string }[] };
}

/** Fewer sidecars than this are checked in this thread: starting workers costs more than it saves. */
const PARALLEL_FROM = 64;
/** Sidecars a worker is handed at a time: few enough that the cores finish together. */
const BATCH = 16;
/**
 * Items of a batch under way at once, in a worker or here: one at a time, a thread sat idle
 * for most of each read (measured: two thirds of the time of validating 1,000 sidecars).
 */
export const AT_ONCE = 4;
/** The worker's file, beside this one both in the compiled tree and in the bundle. */
const WORKER_FILE = join(__dirname, 'validateWorker.js');

export function decodeOptionsOf(settings: CheckSettings): DecodeOptions {
  return { actorTypes: settings.actorTypes, verdicts: settings.scale?.verdicts.map((v) => v.id), dataOnly: true };
}

/** Reads and checks one sidecar with its article; `blocking` reads without waiting, for a worker thread. */
export async function checkSidecar(sidecar: string, options: DecodeOptions, blocking = false): Promise<SidecarCheck> {
  const read = await readPair(sidecar, options, blocking);
  const base = { sidecar, article: articlePathFor(sidecar), problems: [] };
  if ('missing' in read) {
    return { ...base, missing: read.missing };
  }
  if ('problem' in read) {
    return { ...base, unreadable: { file: read.file, problem: read.problem } };
  }
  const check: SidecarCheck = { ...base, problems: read.decoded.problems };
  if (read.decoded.stale && read.decoded.annotations) {
    check.stale = shaPosition(read.source);
  }
  return check;
}

/**
 * Checks every sidecar in `paths`, spread over the machine's cores, and returns one result
 * per path in the same order. Few sidecars, one core, or workers that cannot start: checked
 * here, one after the other, with the same results.
 */
export function validateMany(paths: readonly string[], settings: CheckSettings, workers = availableParallelism()): Promise<SidecarCheck[]> {
  const options = decodeOptionsOf(settings);
  return runSpread({ kind: 'check', options }, paths, (path) => checkSidecar(path, options), { workers });
}

/** What a worker is asked to do with each item of a batch. */
export type WorkKind = { kind: 'check'; options: DecodeOptions } | { kind: 'index'; options: DecodeOptions; full: boolean } | { kind: 'read'; options: DecodeOptions } | ExportWork;

/**
 * Reads sidecars with their articles (see readPair), spread over the cores, in the order
 * asked. What comes back has no `document`: a worker cannot send one, and a command that
 * only reads does not need it.
 */
export function readMany(paths: readonly string[], options: DecodeOptions, workers = availableParallelism()): Promise<PairRead[]> {
  return runSpread({ kind: 'read', options }, paths, (path) => readPairData(path, options), { workers });
}

/** readPair without the parsed document. */
export async function readPairData(path: string, options: DecodeOptions, blocking = false): Promise<PairRead> {
  const read = await readPair(path, options, blocking);
  return 'decoded' in read ? { ...read, decoded: { ...read.decoded, document: undefined } } : read;
}

/** How work is spread: on how many threads at most, what to report as it goes, when to stop. */
export interface SpreadOptions<O> {
  workers?: number;
  /** Called with each batch's results as they come, with how many items are done. */
  onBatch?: (from: number, results: readonly O[], done: number) => void;
  /** Asked between batches: true stops the work, leaving the rest of the results empty. */
  cancelled?: () => boolean;
  /** The same work for a batch may change (the index stops asking for full annotations once it holds enough). */
  kindFor?: (from: number) => WorkKind;
}

/**
 * Runs `inThread` over every item, on worker threads when there are enough items and cores,
 * returning the results in the order of the items. A worker that fails (out of memory,
 * killed) hands its batch back to this thread, so the results are the same either way.
 */
export async function runSpread<I, O>(kind: WorkKind, items: readonly I[], inThread: (item: I, kind: WorkKind) => Promise<O>, spread: SpreadOptions<O> = {}): Promise<O[]> {
  const threads = Math.min(spread.workers ?? availableParallelism(), Math.ceil(items.length / BATCH));
  const results: O[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const take = (): Batch<I> | undefined => {
    if (next >= items.length || spread.cancelled?.()) {
      return undefined;
    }
    const from = next;
    next = Math.min(items.length, next + BATCH);
    return { from, items: items.slice(from, next), kind: spread.kindFor?.(from) ?? kind };
  };
  const put = (from: number, out: readonly O[]) => {
    out.forEach((result, i) => (results[from + i] = result));
    done += out.length;
    spread.onBatch?.(from, out, done);
  };
  const local = (batch: Batch<I>) => mapConcurrently(batch.items, AT_ONCE, (item) => inThread(item, batch.kind));
  if (items.length < PARALLEL_FROM || threads < 2 || !existsSync(WORKER_FILE)) {
    for (let batch = take(); batch; batch = take()) {
      put(batch.from, await local(batch));
    }
    return results;
  }
  await Promise.all(Array.from({ length: threads }, () => runWorker(take, local, put)));
  return results;
}

interface Batch<I> {
  from: number;
  items: readonly I[];
  kind: WorkKind;
}

/** One worker takes batches until none are left; a batch it could not finish is done here. */
async function runWorker<I, O>(take: () => Batch<I> | undefined, local: (batch: Batch<I>) => Promise<O[]>, put: (from: number, out: readonly O[]) => void): Promise<void> {
  let worker: Worker | undefined = new Worker(WORKER_FILE);
  try {
    for (let batch = take(); batch; batch = take()) {
      const answered = worker ? await ask<O>(worker, batch).catch(() => undefined) : undefined;
      if (!answered) {
        // The worker failed (out of memory, killed): the rest is done in this thread.
        void worker?.terminate();
        worker = undefined;
      }
      put(batch.from, answered ?? (await local(batch)));
    }
  } finally {
    await worker?.terminate();
  }
}

function ask<O>(worker: Worker, batch: Batch<unknown>): Promise<O[]> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', reject);
      worker.off('exit', onExit);
    };
    const onMessage = (answered: O[]) => {
      done();
      resolve(answered);
    };
    const onExit = () => {
      done();
      reject(new Error('the worker stopped'));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.postMessage({ work: batch.kind, items: batch.items });
  });
}

/** Where the article's sha256 is written in a sidecar, for a message about a changed article. */
export function shaPosition(source: string): { line: number; column: number } {
  const key = /^[ \t]+sha256:[ \t]*/m.exec(source);
  const offset = key ? key.index + key[0].length : 0;
  const before = source.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * `fn` over every item with at most `limit` under way at once, results in the order of the
 * items: for work that mostly waits on the disk (reads, flushed writes), whose waits overlap.
 */
export async function mapConcurrently<I, O>(items: readonly I[], limit: number, fn: (item: I, i: number) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
