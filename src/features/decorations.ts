// Highlights in the editor: mentions coloured by actor type, claims by status and verdict, marks in the overview ruler.

import * as vscode from 'vscode';
import { anchorState, type Annotations } from '../core/model';
import { actorTypes, onDidChangeSettings, verdicts } from './config';
import type { AnnotationStore } from './store';

/** A redraw that took longer than this once is deferred until typing pauses, rather than made at every change. */
const FRAME_MS = 16;
/** How long typing must pause before a deferred redraw. */
const UPDATE_DELAY_MS = 60;

type DecorationKey = string;

/**
 * Decoration types are created once and kept in one record; they are disposed and rebuilt
 * only when the colours in the settings change.
 */
function createTypes(): Map<DecorationKey, vscode.TextEditorDecorationType> {
  const types = new Map<DecorationKey, vscode.TextEditorDecorationType>();
  for (const type of actorTypes()) {
    const color = new vscode.ThemeColor(type.color ?? 'newsmark.actor.other');
    types.set(
      `actor:${type.id}`,
      vscode.window.createTextEditorDecorationType({
        backgroundColor: color,
        borderRadius: '2px',
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
  }
  types.set('actor:*', vscode.window.createTextEditorDecorationType({ backgroundColor: new vscode.ThemeColor('newsmark.actor.other'), borderRadius: '2px' }));
  const claim = (color: vscode.ThemeColor, style: string) =>
    vscode.window.createTextEditorDecorationType({
      borderColor: color,
      borderStyle: `none none ${style} none`,
      borderWidth: '0 0 2px 0',
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  // Unchecked claims are dashed and bright so they stand out at a glance.
  types.set('claim:unchecked', claim(new vscode.ThemeColor('newsmark.claim.unchecked'), 'dashed'));
  types.set('claim:in-progress', claim(new vscode.ThemeColor('newsmark.claim.inProgress'), 'dotted'));
  types.set('claim:checked', claim(new vscode.ThemeColor('newsmark.verdict.unproven'), 'solid'));
  for (const verdict of verdicts()) {
    types.set(`verdict:${verdict.id}`, claim(new vscode.ThemeColor(verdict.color ?? 'newsmark.verdict.unproven'), 'solid'));
  }
  types.set(
    'changed',
    vscode.window.createTextEditorDecorationType({
      textDecoration: 'underline wavy',
      overviewRulerColor: new vscode.ThemeColor('newsmark.orphaned'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      after: { contentText: ' ⚠ wording changed', color: new vscode.ThemeColor('newsmark.orphaned'), fontStyle: 'italic' },
    }),
  );
  return types;
}

/** Which decoration each annotation gets, as UTF-16 offset ranges per decoration key. */
export function decorationRanges(annotations: Annotations, text: string, known: ReadonlySet<DecorationKey>): Map<DecorationKey, [number, number][]> {
  const out = new Map<DecorationKey, [number, number][]>();
  const add = (key: DecorationKey, start: number, end: number) => {
    const list = out.get(key) ?? [];
    list.push([start, end]);
    out.set(key, list);
  };
  for (const actor of annotations.actors) {
    const key = known.has(`actor:${actor.type}`) ? `actor:${actor.type}` : 'actor:*';
    for (const m of actor.mentions) {
      if (!m.orphaned) {
        add(key, m.start, m.end);
      }
    }
  }
  for (const claim of annotations.claims) {
    const a = claim.anchor;
    if (a.orphaned) {
      continue;
    }
    let key = `claim:${claim.status}`;
    if (claim.status === 'checked' && claim.verdict && known.has(`verdict:${claim.verdict}`)) {
      key = `verdict:${claim.verdict}`;
    }
    add(key, a.start, a.end);
    if (anchorState(a, text) === 'changed') {
      add('changed', a.start, a.end);
    }
  }
  return out;
}

export interface DecorationsHandle extends vscode.Disposable {
  /** Fires after decorations were applied to an editor (used by tests and the benchmark). */
  readonly onDidApply: vscode.Event<vscode.Uri>;
  /** How long the latest drawing took, from the change that asked for it (read by the benchmark). */
  readonly lastDrawMs: number;
}

export function registerDecorations(store: AnnotationStore): DecorationsHandle {
  let types = createTypes();
  const applied = new vscode.EventEmitter<vscode.Uri>();
  const timers = new Map<string, NodeJS.Timeout>();

  /** Per article: how long its latest drawing took, to tell whether the next can be made at once. */
  const cost = new Map<string, number>();
  let lastDrawMs = 0;
  const apply = (editor: vscode.TextEditor) => {
    const started = performance.now();
    const entry = store.get(editor.document.uri);
    const enabled = vscode.workspace.getConfiguration('newsmark').get<boolean>('decorations.enabled', true);
    const ranges =
      entry?.annotations && enabled
        ? decorationRanges(entry.annotations, editor.document.getText(), new Set(types.keys()))
        : new Map<DecorationKey, [number, number][]>();
    const doc = editor.document;
    const shown = drawnKeys.get(editor) ?? new Set<DecorationKey>();
    for (const [key, type] of types) {
      const list = ranges.get(key);
      // A type with nothing to show that showed nothing before needs no message to the editor.
      if (!list && !shown.has(key)) {
        continue;
      }
      editor.setDecorations(type, (list ?? []).map(([s, e]) => new vscode.Range(doc.positionAt(s), doc.positionAt(e))));
    }
    drawnKeys.set(editor, new Set(ranges.keys()));
    lastDrawMs = performance.now() - started;
    cost.set(doc.uri.toString(), lastDrawMs);
    applied.fire(doc.uri);
  };
  /** The decoration types each editor shows something of. */
  const drawnKeys = new WeakMap<vscode.TextEditor, Set<DecorationKey>>();
  const applyAll = (uri?: vscode.Uri) => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!uri || editor.document.uri.toString() === uri.toString()) {
        apply(editor);
      }
    }
  };
  /** Articles drawn with their annotations loaded: the first drawing is not delayed. */
  const drawn = new Set<string>();
  /** Articles to redraw once the current change is handled: one event can notify several times. */
  const soon = new Set<string>();
  // Typing fires many changes: each is drawn at once while drawing fits in a frame; an article
  // too heavy for that is drawn once the burst settles.
  const schedule = (uri: vscode.Uri) => {
    const key = uri.toString();
    if (!drawn.has(key) && store.get(uri)?.annotations) {
      drawn.add(key);
      applyAll(uri);
      return;
    }
    if ((cost.get(key) ?? 0) <= FRAME_MS) {
      clearTimeout(timers.get(key));
      timers.delete(key);
      if (!soon.has(key)) {
        soon.add(key);
        queueMicrotask(() => {
          soon.delete(key);
          applyAll(uri);
        });
      }
      return;
    }
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        applyAll(uri);
      }, UPDATE_DELAY_MS),
    );
  };

  const disposables = [
    applied,
    store.onDidChange(schedule),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(apply)),
    onDidChangeSettings(() => {
      for (const type of types.values()) {
        type.dispose();
      }
      types = createTypes();
      applyAll();
    }),
  ];
  applyAll();
  return {
    onDidApply: applied.event,
    get lastDrawMs() {
      return lastDrawMs;
    },
    dispose: () => {
      for (const t of timers.values()) {
        clearTimeout(t);
      }
      for (const type of types.values()) {
        type.dispose();
      }
      for (const d of disposables) {
        d.dispose();
      }
    },
  };
}
