// Bundles the extension (and the command-line tool) with esbuild; type-checking is `npm run typecheck`.

import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [{ in: 'src/extension.ts', out: 'extension' }];
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
  // Lazily imported modules (exporters, NLP) become their own chunks only with ESM; in CJS
  // esbuild inlines them, which keeps one file but still defers their evaluation.
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
