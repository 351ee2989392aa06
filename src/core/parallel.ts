// Checks many sidecars at once, on worker threads, one per core; the results come back in the order asked.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { articlePathFor, readPair } from './pairs';
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
/** The worker's file, beside this one both in the compiled tree and in the bundle. */
const WORKER_FILE = join(__dirname, 'validateWorker.js');

export function decodeOptionsOf(settings: CheckSettings): DecodeOptions {
  return { actorTypes: settings.actorTypes, verdicts: settings.scale?.verdicts.map((v) => v.id), dataOnly: true };
}

/** Reads and checks one sidecar with its article. */
export async function checkSidecar(sidecar: string, options: DecodeOptions): Promise<SidecarCheck> {
  const read = await readPair(sidecar, options);
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
export async function validateMany(paths: readonly string[], settings: CheckSettings, workers = availableParallelism()): Promise<SidecarCheck[]> {
  const options = decodeOptionsOf(settings);
  const threads = Math.min(workers, Math.ceil(paths.length / BATCH));
  if (paths.length < PARALLEL_FROM || threads < 2 || !existsSync(WORKER_FILE)) {
    return checkInThread(paths, options);
  }
  const results: SidecarCheck[] = new Array(paths.length);
  let next = 0;
  const take = (): [number, readonly string[]] | undefined => {
    if (next >= paths.length) {
      return undefined;
    }
    const from = next;
    next = Math.min(paths.length, next + BATCH);
    return [from, paths.slice(from, next)];
  };
  await Promise.all(Array.from({ length: threads }, () => runWorker(take, options, results)));
  return results;
}

async function checkInThread(paths: readonly string[], options: DecodeOptions): Promise<SidecarCheck[]> {
  const results: SidecarCheck[] = [];
  for (const path of paths) {
    results.push(await checkSidecar(path, options));
  }
  return results;
}

/** One worker takes batches until none are left; a batch it could not finish is checked here. */
async function runWorker(take: () => [number, readonly string[]] | undefined, options: DecodeOptions, results: SidecarCheck[]): Promise<void> {
  let worker: Worker | undefined = new Worker(WORKER_FILE, { workerData: { options } });
  try {
    for (let batch = take(); batch; batch = take()) {
      const [from, paths] = batch;
      const checked = worker ? await ask(worker, paths).catch(() => undefined) : undefined;
      if (!checked) {
        // The worker failed (out of memory, killed): the rest is checked in this thread.
        void worker?.terminate();
        worker = undefined;
      }
      const done = checked ?? (await checkInThread(paths, options));
      done.forEach((result, i) => (results[from + i] = result));
    }
  } finally {
    await worker?.terminate();
  }
}

function ask(worker: Worker, paths: readonly string[]): Promise<SidecarCheck[]> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', reject);
      worker.off('exit', onExit);
    };
    const onMessage = (checked: SidecarCheck[]) => {
      done();
      resolve(checked);
    };
    const onExit = () => {
      done();
      reject(new Error('the worker stopped'));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.postMessage(paths);
  });
}

/** Where the article's sha256 is written in a sidecar, for a message about a changed article. */
export function shaPosition(source: string): { line: number; column: number } {
  const key = /^[ \t]+sha256:[ \t]*/m.exec(source);
  const offset = key ? key.index + key[0].length : 0;
  const before = source.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
