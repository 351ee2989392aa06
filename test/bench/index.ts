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
  note?: string;
}

const KEYSTROKES = 200;

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** Resolves when the decorations of `uri` are next applied. */
function nextApply(api: Api, uri: vscode.Uri): Promise<void> {
  return new Promise<void>((resolve) => {
    const listener = api.decorations.onDidApply((applied) => {
      if (applied.toString() === uri.toString()) {
        listener.dispose();
        resolve();
      }
    });
  });
}

/**
 * Types KEYSTROKES characters in the middle of the visible part of a long article, half of
 * them letters and half backspaces, each through the editor's own commands; every keystroke
 * is timed from before the command until the decorations were set again.
 */
async function typeInArticle(api: Api, file: string, figures: Figure[]): Promise<void> {
  const uri = vscode.Uri.file(file);
  await openUntilDecorated(api, file);
  const editor = vscode.window.activeTextEditor!;
  // Half-way down the article, in plain words between annotations: every anchor after it moves.
  const line = Math.floor(editor.document.lineCount / 2);
  const lineText = editor.document.lineAt(line).text;
  const at = new vscode.Position(line, lineText.indexOf(' took part') + 1);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  const wall: number[] = [];
  const cpu: number[] = [];
  const inHost: number[] = [];
  const draw: number[] = [];
  let changedAt = 0;
  const listener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() === uri.toString()) {
      changedAt = performance.now();
    }
  });
  for (let i = 0; i < KEYSTROKES; i++) {
    const applied = nextApply(api, uri).then(() => {
      inHost.push(performance.now() - changedAt);
      draw.push(api.decorations.lastDrawMs);
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    if (i < KEYSTROKES / 2) {
      await vscode.commands.executeCommand('type', { text: 'x' });
    } else {
      await vscode.commands.executeCommand('deleteLeft');
    }
    await applied;
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  listener.dispose();
  const anchors = api.store.get(uri)?.annotations;
  const count = anchors ? anchors.claims.length + anchors.actors.reduce((n, a) => n + a.mentions.length, 0) : 0;
  const note = `${count} anchors, ${(editor.document.getText().length / 1e6).toFixed(2)} MB; floor: one frame, 16 ms`;
  figures.push({ name: `keystroke until decorated, median of ${KEYSTROKES}`, value: median(wall), unit: 'ms', note });
  figures.push({ name: `keystroke until decorated, 95th percentile of ${KEYSTROKES}`, value: percentile(wall, 0.95), unit: 'ms', note });
  figures.push({ name: 'change event until decorated, in the extension host (median)', value: median(inHost), unit: 'ms' });
  figures.push({ name: 'change event until decorated, in the extension host (95th percentile)', value: percentile(inHost, 0.95), unit: 'ms' });
  figures.push({ name: 'drawing the decorations (median)', value: median(draw), unit: 'ms' });
  figures.push({ name: 'drawing the decorations (95th percentile)', value: percentile(draw, 0.95), unit: 'ms' });
  figures.push({ name: 'keystroke until decorated, extension host CPU (median)', value: median(cpu), unit: 'ms' });
  figures.push({ name: 'keystroke until decorated, extension host CPU (95th percentile)', value: percentile(cpu, 0.95), unit: 'ms' });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
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
  const typing = path.join(folder, 'typing-0.txt');
  if (fs.existsSync(typing)) {
    await typeInArticle(api, typing, figures);
  }
}
