// Bundles the extension (and the command-line tool) with esbuild; type-checking is `npm run typecheck`.

import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// The NLP suggester is its own file: compromise is large, and the extension should not even
// parse it before a fact-checker asks for suggestions.
const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/core/suggest/index.ts', out: 'suggest' },
  // validateMany's worker threads load this file, found beside the command-line tool.
  { in: 'src/core/validateWorker.ts', out: 'validateWorker' },
];
if (existsSync('src/cli.ts')) {
  entries.push({ in: 'src/cli.ts', out: 'cli' });
}

const options = {
  entryPoints: entries,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  plugins: [
    {
      name: 'suggester-apart',
      setup(build) {
        build.onResolve({ filter: /\/core\/suggest$/ }, (args) =>
          args.kind === 'dynamic-import' ? { path: './suggest.js', external: true } : undefined,
        );
      },
    },
  ],
  logLevel: 'warning',
  legalComments: 'none',
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('[build] watching for changes');
} else {
  await esbuild.build(options);
}
