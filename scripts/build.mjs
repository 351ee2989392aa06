// Bundles the extension (and the command-line tool) with esbuild; type-checking is `npm run typecheck`.

import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * Libraries of the sidecar codec: the extension loads them from a file of their own the first
 * time a sidecar is read, so that activation does not even parse them. The command-line tool,
 * which reads sidecars at once, keeps them inside.
 */
const LATER = ['yaml', 'ajv', 'js-yaml'];
const LIBRARIES = 'libraries.js';

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// The NLP suggester is its own file: compromise is large, and the extension should not even
// parse it before a fact-checker asks for suggestions.
const suggesterApart = {
  name: 'suggester-apart',
  setup(build) {
    build.onResolve({ filter: /\/core\/suggest$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './suggest.js', external: true } : undefined));
  },
};

/**
 * Each library in LATER becomes, in the extension, an object with the library's own export
 * names whose getters load the library from LIBRARIES on first use; importing it costs nothing.
 */
const librariesLater = {
  name: 'libraries-later',
  setup(build) {
    const require = createRequire(import.meta.url);
    const filter = new RegExp(`^(${LATER.map((name) => name.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'later' }));
    build.onResolve({ filter: new RegExp(`^\\./${LIBRARIES.replace('.', '\\.')}$`) }, () => ({ path: `./${LIBRARIES}`, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'later' }, (args) => {
      const library = require(args.path);
      const names = Object.getOwnPropertyNames(library).filter((name) => name !== '__esModule' && !(typeof library === 'function' && name in Function.prototype) && name !== 'prototype');
      const getters = names.map((name) => `${JSON.stringify(name)}: { enumerable: true, get: () => load()[${JSON.stringify(name)}] }`);
      if (library.__esModule) {
        getters.push('__esModule: { value: true }');
      }
      return {
        contents: [
          'let library;',
          `const load = () => (library ??= require('./${LIBRARIES}')[${JSON.stringify(args.path)}]);`,
          `module.exports = Object.defineProperties({}, { ${getters.join(', ')} });`,
        ].join('\n'),
        loader: 'js',
        resolveDir: process.cwd(),
      };
    });
  },
};

/**
 * Every module that imports vscode would copy the whole API onto a namespace object of its own
 * at load (esbuild's interop with a CommonJS module), some 10 ms of activation: they share one.
 */
const oneVscode = {
  name: 'one-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'one-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'one-vscode' }));
    build.onLoad({ filter: /.*/, namespace: 'one-vscode' }, () => ({ contents: "export * from 'vscode';", loader: 'js', resolveDir: process.cwd() }));
  },
};

const builds = [
  {
    ...common,
    entryPoints: [{ in: 'src/extension.ts', out: 'extension' }],
    plugins: [suggesterApart, librariesLater, oneVscode],
  },
  {
    // The codec's libraries, each evaluated only when the extension first asks for it.
    ...common,
    stdin: {
      contents: LATER.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => require(${JSON.stringify(name)}) });`).join('\n'),
      resolveDir: process.cwd(),
      sourcefile: 'libraries.js',
    },
    outdir: undefined,
    outfile: `dist/${LIBRARIES}`,
  },
  {
    ...common,
    entryPoints: [
      { in: 'src/core/suggest/index.ts', out: 'suggest' },
      // validateMany's worker threads load this file, found beside the command-line tool.
      { in: 'src/core/validateWorker.ts', out: 'validateWorker' },
      ...(existsSync('src/cli.ts') ? [{ in: 'src/cli.ts', out: 'cli' }] : []),
    ],
    plugins: [suggesterApart],
  },
];

if (watch) {
  for (const options of builds) {
    await (await esbuild.context(options)).watch();
  }
  console.log('[build] watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
