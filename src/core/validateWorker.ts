// A worker thread of validateMany: checks the sidecars it is handed and answers with what it found, in order.

import { parentPort, workerData } from 'node:worker_threads';
import { checkSidecar } from './parallel';
import type { DecodeOptions } from './sidecar';

const options = (workerData as { options: DecodeOptions }).options;
parentPort?.on('message', (paths: readonly string[]) => {
  void (async () => {
    const checked = [];
    for (const path of paths) {
      checked.push(await checkSidecar(path, options));
    }
    parentPort?.postMessage(checked);
  })();
});
