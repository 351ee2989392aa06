// A worker thread of validateMany: checks the sidecars it is handed and answers with what it found, in order.

import { parentPort, workerData } from 'node:worker_threads';
import { checkSidecar } from './parallel';
import type { DecodeOptions } from './sidecar';

// Loaded outside a worker (a test requiring every module), it does nothing.
const options = (workerData as { options: DecodeOptions } | null)?.options ?? {};
parentPort?.on('message', (paths: readonly string[]) => {
  void (async () => {
    const checked = [];
    for (const path of paths) {
      checked.push(await checkSidecar(path, options));
    }
    parentPort?.postMessage(checked);
  })();
});
