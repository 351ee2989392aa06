// A worker thread of runSpread: checks sidecars for validate, reads them for a command or for the workspace index, exports them, and answers with the results in order.

import { parentPort } from 'node:worker_threads';
import { exportPair } from './exporters';
import { readForIndex, type IndexJob } from './indexReader';
import { AT_ONCE, checkSidecar, mapConcurrently, readPairData, type WorkKind } from './parallel';

function answer(work: WorkKind, item: unknown): Promise<unknown> {
  switch (work.kind) {
    case 'check':
      return checkSidecar(item as string, work.options);
    case 'index':
      return readForIndex(item as IndexJob, work.options, work.full);
    case 'read':
      return readPairData(item as string, work.options);
    case 'export':
      return exportPair(item as string, work);
  }
}

// Loaded outside a worker (a test requiring every module), it does nothing.
parentPort?.on('message', ({ work, items }: { work: WorkKind; items: readonly unknown[] }) => {
  void mapConcurrently(items, AT_ONCE, (item) => answer(work, item)).then((out) => parentPort?.postMessage(out));
});
