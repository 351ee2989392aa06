// Bundles the extension (and the command-line tool) with esbuild; type-checking is `npm run typecheck`.

import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * Libraries of the sidecar codec: the extension loads them from a file of their own the first
 * time a sidecar is read, so that activation does not even parse them. The command-line tool,
 * which reads sidecars at once, keeps them inside.
 */
const LATER = ['yaml', 'js-yaml'];
const LIBRARIES = 'libraries.js';
/**
 * Parts of the core that only commands call (the export and import formats, comparing two
 * annotators, matching claims with the archive): the extension loads them from CORE_LATER_FILE
 * the first time a command calls one, so that activation does not even parse them. They keep
 * no state and no class of theirs is tested with instanceof elsewhere, so the copy that file
 * has of the small helpers they share with the rest of the extension is harmless.
 */
const CORE_LATER = ['exporters', 'brat', 'agreement', 'match'];
const CORE_LATER_FILE = 'later.js';
/** The sidecar's schema validator, which the extension takes from LIBRARIES compiled ahead of time. */
const VALIDATOR = 'sidecar-validator';

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

/** The names a module of the core exports, as esbuild sees them. */
async function exportsOf(entry) {
  const result = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', packages: 'external', write: false, metafile: true, outdir: 'out-exports', logLevel: 'silent' });
  return Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.exports ?? [];
}

/** A module whose exports, each a getter, come from `require(file)[key]` on first use. */
function lazyModule(file, key, names, esModule) {
  const getters = names.map((name) => `${JSON.stringify(name)}: { enumerable: true, get: () => load()[${JSON.stringify(name)}] }`);
  if (esModule) {
    getters.push('__esModule: { value: true }');
  }
  return [
    'let module_;',
    `const load = () => (module_ ??= require('./${file}')[${JSON.stringify(key)}]);`,
    `module.exports = Object.defineProperties({}, { ${getters.join(', ')} });`,
  ].join('\n');
}

/** The features' imports of a module in CORE_LATER become getters that load it from CORE_LATER_FILE. */
const coreLater = {
  name: 'core-later',
  setup(build) {
    const filter = new RegExp(`^\\.\\./core/(${CORE_LATER.join('|')})$`);
    build.onResolve({ filter }, (args) => (args.importer.includes('/src/features/') ? { path: filter.exec(args.path)[1], namespace: 'core-later' } : undefined));
    build.onResolve({ filter: new RegExp(`^\\./${CORE_LATER_FILE.replace('.', '\\.')}$`) }, () => ({ path: `./${CORE_LATER_FILE}`, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'core-later' }, async (args) => ({
      contents: lazyModule(CORE_LATER_FILE, args.path, await exportsOf(`./src/core/${args.path}`), true),
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};

/**
 * Every module that imports vscode would copy the whole API onto a namespace object of its own
 * at load (esbuild's interop with a CommonJS module), some 10 ms of activation: they share one
 * module that reads, once, only the members the sources name (`vscode.window`, …) and copies
 * nothing else. A member named nowhere in src/ is missing, and esbuild warns at its use.
 */
const oneVscode = {
  name: 'one-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'one-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'one-vscode' }));
    build.onLoad({ filter: /.*/, namespace: 'one-vscode' }, () => {
      const members = new Set();
      for (const file of sourceFiles('src')) {
        for (const [, member] of readFileSync(file, 'utf8').matchAll(/\bvscode\.([A-Za-z_$][\w$]*)/g)) {
          members.add(member);
        }
      }
      const exports = [...members].sort().map((member) => `export const ${member} = api.${member};`);
      return { contents: ["const api = require('vscode');", ...exports].join('\n'), loader: 'js', resolveDir: process.cwd() };
    });
  },
};

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * In the extension, the schema validator of src/core/sidecarSchema.ts is ajv's standalone code,
 * generated here from the same schema and options and kept in LIBRARIES: the first sidecar read
 * neither loads ajv nor compiles the schema. The command-line tool compiles it as the tests do.
 */
const validatorAhead = {
  name: 'validator-ahead',
  setup(build) {
    build.onResolve({ filter: /\/sidecarSchema$/ }, (args) => (args.importer.includes('/src/core/') ? { path: 'sidecar-schema', namespace: 'validator-ahead' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'validator-ahead' }, () => ({
      resolveDir: process.cwd(),
      contents: `let validate;\nexports.sidecarValidator = () => (validate ??= require('./${LIBRARIES}')[${JSON.stringify(VALIDATOR)}]);`,
      loader: 'js',
    }));
  },
};

/** ajv's standalone code for the sidecar schema, with the options src/core/sidecarSchema.ts compiles it with. */
function standaloneValidator() {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const { AJV_OPTIONS } = sidecarSchemaOptions();
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  return standaloneCode(ajv, ajv.compile(JSON.parse(readFileSync('schemas/sidecar-v1.schema.json', 'utf8'))));
}

/** The ajv options written in src/core/sidecarSchema.ts, read from its source so that there is one copy. */
function sidecarSchemaOptions() {
  const source = readFileSync('src/core/sidecarSchema.ts', 'utf8');
  const options = /export const AJV_OPTIONS = (\{[^}]*\})/.exec(source);
  if (!options) {
    throw new Error('src/core/sidecarSchema.ts no longer says its AJV_OPTIONS as one object literal');
  }
  return { AJV_OPTIONS: Function(`return (${options[1]});`)() };
}

const builds = [
  {
    ...common,
    // start.js is the manifest's entry point: it loads extension.js with V8's code cache (src/core/codeCache.ts).
    entryPoints: [
      { in: 'src/extension.ts', out: 'extension' },
      { in: 'src/start.ts', out: 'start' },
    ],
    // import() becomes require(): start.js runs the bundle as a vm.Script, where import() is still experimental.
    supported: { 'dynamic-import': false },
    plugins: [suggesterApart, coreLater, validatorAhead, librariesLater, oneVscode],
  },
  {
    // The core's parts that only commands call, each evaluated only when a command first calls it.
    ...common,
    stdin: {
      contents: CORE_LATER.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => require('./src/core/${name}') });`).join('\n'),
      resolveDir: process.cwd(),
      sourcefile: CORE_LATER_FILE,
      loader: 'ts',
    },
    outdir: undefined,
    outfile: `dist/${CORE_LATER_FILE}`,
    plugins: [validatorAhead, librariesLater],
  },
  {
    // The codec's libraries, each evaluated only when the extension first asks for it.
    ...common,
    stdin: {
      contents: [...LATER, `./${VALIDATOR}`]
        .map((name) => `Object.defineProperty(exports, ${JSON.stringify(name.replace('./', ''))}, { enumerable: true, get: () => require(${JSON.stringify(name)}) });`)
        .join('\n'),
      resolveDir: process.cwd(),
      sourcefile: 'libraries.js',
    },
    plugins: [
      {
        name: 'validator-code',
        setup(build) {
          build.onResolve({ filter: new RegExp(`^\\./${VALIDATOR}$`) }, () => ({ path: VALIDATOR, namespace: 'validator-code' }));
          build.onLoad({ filter: /.*/, namespace: 'validator-code' }, () => ({ contents: standaloneValidator(), loader: 'js', resolveDir: process.cwd() }));
        },
      },
    ],
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
