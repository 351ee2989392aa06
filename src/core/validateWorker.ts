// A worker thread of runSpread: checks sidecars for validate, or reads them for the workspace index, and answers with the results in order.

import { parentPort } from 'node:worker_threads';
import { readForIndex, type IndexJob } from './indexReader';
import { checkSidecar, type WorkKind } from './parallel';

// Loaded outside a worker (a test requiring every module), it does nothing.
parentPort?.on('message', ({ work, items }: { work: WorkKind; items: readonly unknown[] }) => {
  void (async () => {
    const out = [];
    for (const item of items) {
      out.push(work.kind === 'check' ? await checkSidecar(item as string, work.options) : await readForIndex(item as IndexJob, work.options, work.full));
    }
    parentPort?.postMessage(out);
  })();
});
