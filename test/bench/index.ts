// Editor figures measured inside a real VS Code (run by bench/editor.bench.mjs, never by the test suite).

import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';
import * as vscode from 'vscode';
import type { StartedApi } from '../../src/start';

type Api = StartedApi;

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

/**
 * With NEWSMARK_BENCH_PROFILE set to a folder, records the extension host's CPU profile of
 * `work` there as <name>.cpuprofile (open it in Chrome's DevTools); otherwise just runs it.
 */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.NEWSMARK_BENCH_PROFILE;
  if (!folder) {
    return work();
  }
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
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

interface Typing {
  /** From before each keystroke's command until the decorations were set again. */
  wall: number[];
  /** The extension host's CPU time over the same. */
  cpu: number[];
  /** From the change event reaching the store until the decorations were set. */
  inHost: number[];
  anchors: number;
  megabytes: number;
}

/**
 * Types KEYSTROKES characters in the middle of the visible part of a long article, half of
 * them letters and half backspaces, each through the editor's own commands; every keystroke
 * is timed from before the command until the decorations were set again.
 */
async function typeInArticle(api: Api, file: string): Promise<Typing> {
  const uri = vscode.Uri.file(file);
  await openUntilDecorated(api, file);
  const editor = vscode.window.activeTextEditor!;
  // Half-way down the article, in plain words between annotations: every anchor after it moves.
  const line = Math.floor(editor.document.lineCount / 2);
  const lineText = editor.document.lineAt(line).text;
  const at = new vscode.Position(line, lineText.indexOf(' took part') + 1);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  const typing: Typing = { wall: [], cpu: [], inHost: [], anchors: 0, megabytes: editor.document.getText().length / 1e6 };
  await profiled(path.basename(file, '.txt'), async () => {
    for (let i = 0; i < KEYSTROKES; i++) {
      // lastDrawMs counts from when the change event reached the store until the decorations were set.
      const applied = nextApply(api, uri).then(() => typing.inHost.push(api.decorations.lastDrawMs));
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      if (i < KEYSTROKES / 2) {
        await vscode.commands.executeCommand('type', { text: 'x' });
      } else {
        await vscode.commands.executeCommand('deleteLeft');
      }
      await applied;
      typing.wall.push(performance.now() - t0);
      const used = process.cpuUsage(cpu0);
      typing.cpu.push((used.user + used.system) / 1000);
    }
  });
  const annotations = api.store.get(uri)?.annotations;
  typing.anchors = annotations ? annotations.claims.length + annotations.actors.reduce((n, a) => n + a.mentions.length, 0) : 0;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return typing;
}

/** Typing in the 1 MB article with its anchors, and in its bare copy (the same text, no sidecar) as the floor. */
async function measureTyping(api: Api, folder: string, figures: Figure[]): Promise<void> {
  const copy = path.join(folder, 'typing-bare.txt');
  const bare = fs.existsSync(copy) ? await typeInArticle(api, copy) : undefined;
  const t = await typeInArticle(api, path.join(folder, 'typing-0.txt'));
  const note = `${t.anchors} anchors, ${t.megabytes.toFixed(2)} MB; goal ≤ 16 ms (one frame)`;
  figures.push({ name: `keystroke until decorated, median of ${KEYSTROKES}`, value: median(t.wall), unit: 'ms', note });
  figures.push({ name: `keystroke until decorated, 95th percentile of ${KEYSTROKES}`, value: percentile(t.wall, 0.95), unit: 'ms', note });
  if (bare) {
    figures.push({ name: 'keystroke in the bare copy (no sidecar), median', value: median(bare.wall), unit: 'ms', note: 'floor' });
    figures.push({ name: 'keystroke in the bare copy (no sidecar), 95th percentile', value: percentile(bare.wall, 0.95), unit: 'ms', note: 'floor' });
    figures.push({ name: 'keystroke with 10,000 anchors ÷ bare copy (medians)', value: median(t.wall) / median(bare.wall), unit: '×' });
    figures.push({ name: 'keystroke with 10,000 anchors ÷ bare copy (95th percentiles)', value: percentile(t.wall, 0.95) / percentile(bare.wall, 0.95), unit: '×' });
  }
  figures.push({ name: 'change event until decorated, in the extension host (median)', value: median(t.inHost), unit: 'ms', note: 'goal ≤ 16 ms' });
  figures.push({ name: 'change event until decorated, in the extension host (95th percentile)', value: percentile(t.inHost, 0.95), unit: 'ms', note: 'goal ≤ 16 ms' });
  figures.push({ name: 'keystroke until decorated, extension host CPU (median)', value: median(t.cpu), unit: 'ms' });
  figures.push({ name: 'keystroke until decorated, extension host CPU (95th percentile)', value: percentile(t.cpu, 0.95), unit: 'ms' });
}

/**
 * Resolves with the time from `started` until the Problems panel has something on `uri`; polled
 * each millisecond, as the editor's own event for it comes in batches.
 */
async function untilProblems(uri: vscode.Uri, started: number): Promise<number> {
  const deadline = started + 60_000;
  while (!vscode.languages.getDiagnostics(uri).length) {
    if (performance.now() > deadline) {
      throw new Error(`${uri.fsPath} had no problems listed within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return performance.now() - started;
}

/**
 * Opens an article and resolves when all its decorations were applied with its annotations
 * loaded; with `problems`, also waits for its lint findings and adds how long they took.
 */
async function openUntilDecorated(api: Api, file: string, problems?: number[]): Promise<number> {
  const uri = vscode.Uri.file(file);
  const started = performance.now();
  const decorated = new Promise<void>((resolve) => {
    const listener = api.decorations.onDidApply((applied) => {
      if (applied.toString() === uri.toString() && api.store.get(uri)?.annotations && !api.decorations.isDrawing(uri)) {
        listener.dispose();
        resolve();
      }
    });
  });
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${file} was not decorated within 60 s`)), 60_000));
  await Promise.race([decorated, timeout]);
  const took = performance.now() - started;
  if (problems) {
    problems.push(await untilProblems(uri, started));
  }
  return took;
}

/**
 * On a first start, waits until the code cache is written (NEWSMARK_BENCH_CODE_CACHE names the file), so that the
 * next start of VS Code reads it, as a user's second start does.
 */
async function untilCodeCacheSaved(api: Api): Promise<void> {
  const file = process.env.NEWSMARK_BENCH_CODE_CACHE;
  const deadline = performance.now() + 60_000;
  while (file && !api.fromCodeCache && !fs.existsSync(file)) {
    if (performance.now() > deadline) {
      throw new Error(`the code cache was not written to ${file} within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
  let wall = 0;
  let cpu = { user: 0, system: 0 };
  // Timed inside, so that starting the profiler is not counted.
  const api = await profiled('activation', async () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const activated = await ext.activate();
    wall = performance.now() - t0;
    cpu = process.cpuUsage(cpu0);
    return activated;
  });
  // One sample per start of VS Code: bench/editor.bench.mjs starts it several times and takes the medians. Loading
  // and activating is timed by the entry point itself, so a start where something else activated Newsmark first
  // (an article opened by the workbench, say) still counts.
  const start = api.fromCodeCache ? 'with the code cache' : 'without the code cache';
  figures.push({ name: `activation of the production bundle, ${start}`, value: api.activation.ms, unit: 'ms' });
  figures.push({ name: `activation of the production bundle, ${start}, extension host CPU`, value: api.activation.cpuMs, unit: 'ms' });
  if (!wasActive) {
    figures.push({ name: `activation as the extension host awaits it, ${start}`, value: wall, unit: 'ms' });
    figures.push({ name: `activation as the extension host awaits it, ${start}, extension host CPU`, value: (cpu.user + cpu.system) / 1000, unit: 'ms' });
  }
  if (process.env.NEWSMARK_BENCH_ACTIVATION_ONLY) {
    await untilCodeCacheSaved(api);
    return;
  }

  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const articles = fs.readdirSync(folder).filter((f) => f.startsWith('thousand-') && f.endsWith('.txt')).sort();
  // Each annotated article is opened right after its bare copy (the same text, no sidecar), so
  // both see the same machine; the first pair also pays for loading what opening needs.
  const annotated: number[] = [];
  const listed: number[] = [];
  const bare: number[] = [];
  await profiled('open', async () => {
    for (const name of articles) {
      const copy = path.join(folder, name.replace('thousand-', 'bare-'));
      if (fs.existsSync(copy)) {
        bare.push(await openUntilDecorated(api, copy));
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
      annotated.push(await openUntilDecorated(api, path.join(folder, name), listed));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
  figures.push({ name: 'open an article with 1,000 annotations until decorated (median)', value: median(annotated), unit: 'ms' });
  figures.push({ name: 'open an article with 1,000 annotations until decorated (first)', value: annotated[0], unit: 'ms' });
  figures.push({ name: 'open an article with 1,000 annotations until its lint findings are in the Problems panel (median)', value: median(listed), unit: 'ms' });
  if (bare.length) {
    figures.push({ name: 'open the same article without a sidecar until decorated (median)', value: median(bare), unit: 'ms' });
    figures.push({ name: 'open the same article without a sidecar until decorated (first)', value: bare[0], unit: 'ms' });
    figures.push({
      name: 'open with 1,000 annotations ÷ without a sidecar (medians)',
      value: median(annotated) / median(bare),
      unit: '×',
      note: 'goal ≤ 1.5×',
    });
  }
  if (fs.existsSync(path.join(folder, 'typing-0.txt'))) {
    await measureTyping(api, folder, figures);
  }
}
