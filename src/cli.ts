#!/usr/bin/env node
// The newsmark command-line tool: validates, re-anchors, exports, imports and counts sidecars in newsroom pipelines, on the editor's own core.

import { main } from './cli/main';

export { EXIT, type Io } from './cli/io';
export { main } from './cli/main';

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // One sentence for the user; the stack only for whoever debugs the tool.
      const debug = Boolean(process.env.NEWSMARK_DEBUG) && err instanceof Error && err.stack;
      const message = debug || (err instanceof Error ? err.message : String(err));
      process.stderr.write(`newsmark: something unexpected went wrong: ${message}\n${debug ? '' : 'Nothing more was written. Set NEWSMARK_DEBUG=1 to see where it happened.\n'}`);
      process.exitCode = 3;
    },
  );
}
