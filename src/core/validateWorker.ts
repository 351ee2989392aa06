// A worker thread of runSpread: checks sidecars for validate, reads them for a command or for the workspace index, exports them, and answers with the results in order.

import { parentPort } from 'node:worker_threads';
import { exportPair } from './exporters';
import { readForIndex, type IndexJob } from './indexReader';
import { checkSidecar, readPairData, type WorkKind } from './parallel';

/** One item's answer. The files are read without waiting: this thread has nothing else to do meanwhile (see readTextFileSync). */
function answer(work: WorkKind, item: unknown): Promise<unknown> {
  switch (work.kind) {
    case 'check':
      return checkSidecar(item as string, work.options, true);
    case 'index':
      return readForIndex(item as IndexJob, work.options, work.full, true);
    case 'read':
      return readPairData(item as string, work.options, true);
    case 'export':
      return exportPair(item as string, work, true);
  }
}

// Loaded outside a worker (a test requiring every module), it does nothing.
parentPort?.on('message', ({ work, items }: { work: WorkKind; items: readonly unknown[] }) => {
  void mapSequentially(items, (item) => answer(work, item)).then((out) => parentPort?.postMessage(out));
});

/** The items one after the other: with reads that do not wait, taking several at once only interleaves them. */
async function mapSequentially<I, O>(items: readonly I[], fn: (item: I) => Promise<O>): Promise<O[]> {
  const out: O[] = [];
  for (const item of items) {
    out.push(await fn(item));
  }
  return out;
}
