// Editor figures measured inside a real VS Code (run by bench/editor.bench.mjs, never by the test suite).

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { activate } from '../../src/extension';

type Api = ReturnType<typeof activate>;

interface Figure {
  name: string;
  value: number;
  unit: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Opens an article and resolves when its decorations were applied with its annotations loaded. */
async function openUntilDecorated(api: Api, file: string): Promise<number> {
  const uri = vscode.Uri.file(file);
  const started = performance.now();
  const decorated = new Promise<void>((resolve) => {
    const listener = api.decorations.onDidApply((applied) => {
      if (applied.toString() === uri.toString() && api.store.get(uri)?.annotations) {
        listener.dispose();
        resolve();
      }
    });
  });
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${file} was not decorated within 60 s`)), 60_000));
  await Promise.race([decorated, timeout]);
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const figures: Figure[] = [];
  try {
    await measure(figures);
  } finally {
    const target = process.env.NEWSMARK_TEST_RESULTS;
    if (target) {
      fs.writeFileSync(target, JSON.stringify({ passed: 0, failed: 0, pending: 0, figures }));
    }
  }
}

async function measure(figures: Figure[]): Promise<void> {
  const ext = vscode.extensions.getExtension<Api>('newsmark.newsmark');
  if (!ext) {
    throw new Error('Newsmark is not installed');
  }
  // Nothing in the bench workspace activates Newsmark before this point.
  const wasActive = ext.isActive;
  const t0 = performance.now();
  const api = await ext.activate();
  figures.push({ name: wasActive ? 'activation (already active: not measured)' : 'activation of the bundled extension', value: performance.now() - t0, unit: 'ms' });

  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const articles = fs.readdirSync(folder).filter((f) => f.startsWith('thousand-') && f.endsWith('.txt')).sort();
  const times: number[] = [];
  for (const name of articles) {
    times.push(await openUntilDecorated(api, path.join(folder, name)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  figures.push({ name: 'open an article with 1,000 annotations until decorated (median)', value: median(times), unit: 'ms' });
  figures.push({ name: 'open an article with 1,000 annotations until decorated (first)', value: times[0], unit: 'ms' });
}
