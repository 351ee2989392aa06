// Entry point as installed: loads the extension's bundle with V8's code cache (core/codeCache), then activates it.

import * as path from 'node:path';
import type * as vscode from 'vscode';
import { type CachedBundle, loadCached } from './core/codeCache';

type Extension = typeof import('./extension');

/** The bundle of src/extension.ts, beside this one. */
const BUNDLE = 'extension.js';
/**
 * The cache is written this long after activation: by then it also holds what the first article opened compiled.
 * Before that, writing it would take CPU from the first paint.
 */
const SAVE_AFTER_MS = 10_000;

/** The loaded bundle, for VS Code's call of deactivate(), which comes without the context. */
let bundle: CachedBundle<Extension> | undefined;

/** How long loading the bundle and activating it took, as Running Extensions shows it (wall and CPU time, in ms). */
export interface ActivationTime {
  readonly ms: number;
  readonly cpuMs: number;
}

/** The extension's API, whether its code came from the cache, and how long activation took (read by the benchmark). */
export type StartedApi = ReturnType<Extension['activate']> & { readonly fromCodeCache: boolean; readonly activation: ActivationTime };

export function activate(context: vscode.ExtensionContext): StartedApi {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const file = path.join(__dirname, BUNDLE);
  const loaded = loadCached<Extension>(file, path.join(context.globalStorageUri.fsPath, 'code-cache', `${BUNDLE}.v8cache`));
  bundle = loaded;
  const api = loaded.exports.activate(context);
  if (!loaded.fromCache) {
    const timer = setTimeout(() => loaded.save(), SAVE_AFTER_MS);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
  const used = process.cpuUsage(cpu);
  return { ...api, fromCodeCache: loaded.fromCache, activation: { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 } };
}

export function deactivate(): void {
  bundle?.exports.deactivate();
}
