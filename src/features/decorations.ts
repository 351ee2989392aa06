// Highlights in the editor: mentions coloured by actor type, claims by status and verdict, marks in the overview ruler.

import * as vscode from 'vscode';
import { type GroupDrawing, groupHighlights, type HighlightGroup, highlightsOf, type HighlightKeys } from '../core/highlights';
import { type Anchor, type Annotations, anchorState } from '../core/model';
import { actorTypes, onDidChangeSettings, verdicts } from './config';
import type { AnchorsMoved, AnnotationStore } from './store';

const CHANGED = 'changed';

/**
 * What each decoration key looks like. The types themselves are made per group of highlights
 * (see DecorationTypes), so that an edit redraws only the group it touched.
 */
function decorationStyles(): Map<string, vscode.DecorationRenderOptions> {
  const styles = new Map<string, vscode.DecorationRenderOptions>();
  // Never growing at the edges, as anchors do not: text typed right after a name is not part of it.
  const rangeBehavior = vscode.DecorationRangeBehavior.ClosedClosed;
  for (const type of actorTypes()) {
    const color = new vscode.ThemeColor(type.color ?? 'newsmark.actor.other');
    styles.set(`actor:${type.id}`, { backgroundColor: color, borderRadius: '2px', overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Left, rangeBehavior });
  }
  styles.set('actor:*', { backgroundColor: new vscode.ThemeColor('newsmark.actor.other'), borderRadius: '2px', rangeBehavior });
  const claim = (color: vscode.ThemeColor, style: string): vscode.DecorationRenderOptions => ({
    borderColor: color,
    borderStyle: `none none ${style} none`,
    borderWidth: '0 0 2px 0',
    overviewRulerColor: color,
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior,
  });
  // Unchecked claims are dashed and bright so they stand out at a glance.
  styles.set('claim:unchecked', claim(new vscode.ThemeColor('newsmark.claim.unchecked'), 'dashed'));
  styles.set('claim:in-progress', claim(new vscode.ThemeColor('newsmark.claim.inProgress'), 'dotted'));
  styles.set('claim:checked', claim(new vscode.ThemeColor('newsmark.verdict.unproven'), 'solid'));
  for (const verdict of verdicts()) {
    styles.set(`verdict:${verdict.id}`, claim(new vscode.ThemeColor(verdict.color ?? 'newsmark.verdict.unproven'), 'solid'));
  }
  styles.set(CHANGED, {
    textDecoration: 'underline wavy',
    overviewRulerColor: new vscode.ThemeColor('newsmark.orphaned'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    after: { contentText: ' ⚠ wording changed', color: new vscode.ThemeColor('newsmark.orphaned'), fontStyle: 'italic' },
    rangeBehavior,
  });
  return styles;
}

/** Which key an actor's mentions and a claim are drawn with, for the styles the settings define. */
function keysFor(styles: ReadonlyMap<string, unknown>): HighlightKeys {
  return {
    actor: (type) => (styles.has(`actor:${type}`) ? `actor:${type}` : 'actor:*'),
    claim: (claim) => (claim.status === 'checked' && claim.verdict && styles.has(`verdict:${claim.verdict}`) ? `verdict:${claim.verdict}` : `claim:${claim.status}`),
  };
}

/**
 * The decoration types, one per key and group, made when first drawn and kept in one record;
 * disposed and made again only when the colours in the settings change.
 */
class DecorationTypes implements vscode.Disposable {
  private styles = decorationStyles();
  private keys = keysFor(this.styles);
  private readonly types = new Map<string, vscode.TextEditorDecorationType[]>();

  get highlightKeys(): HighlightKeys {
    return this.keys;
  }

  of(key: string, group: number): vscode.TextEditorDecorationType {
    let list = this.types.get(key);
    if (!list) {
      list = [];
      this.types.set(key, list);
    }
    list[group] ??= vscode.window.createTextEditorDecorationType(this.styles.get(key) ?? {});
    return list[group];
  }

  reset(): void {
    this.dispose();
    this.styles = decorationStyles();
    this.keys = keysFor(this.styles);
  }

  dispose(): void {
    for (const list of this.types.values()) {
      list.forEach((type) => type.dispose());
    }
    this.types.clear();
  }
}

/** What one editor shows: for which annotations, as of which change, in which groups. */
interface EditorHighlights {
  readonly annotations?: Annotations;
  readonly changes?: number;
  groups: HighlightGroup[];
}

export interface DecorationsHandle extends vscode.Disposable {
  /** Fires after decorations were applied to an editor (used by tests and the benchmark). */
  readonly onDidApply: vscode.Event<vscode.Uri>;
  /** How long the latest drawing took, from the change that asked for it (read by the benchmark). */
  readonly lastDrawMs: number;
  /** Whether part of an article's highlights, away from what the editors show, is still to be drawn. */
  isDrawing(uri: vscode.Uri): boolean;
}

export function registerDecorations(store: AnnotationStore): DecorationsHandle {
  const types = new DecorationTypes();
  const applied = new vscode.EventEmitter<vscode.Uri>();
  let shown = new WeakMap<vscode.TextEditor, EditorHighlights>();
  /** Editors whose groups out of view are drawn in a task of their own, after what is in view. */
  const rest = new Map<vscode.TextEditor, NodeJS.Immediate>();
  let lastDrawMs = 0;

  const send = (editor: vscode.TextEditor, index: number, drawing: GroupDrawing) => {
    const doc = editor.document;
    for (const [key, spans] of drawing) {
      editor.setDecorations(
        types.of(key, index),
        spans.map(([s, e]) => new vscode.Range(doc.positionAt(s), doc.positionAt(e))),
      );
    }
  };

  /** Draws what changed in an editor: the groups in view at once, the others in the next task. */
  const draw = (editor: vscode.TextEditor) => {
    const started = performance.now();
    const doc = editor.document;
    const before = shown.get(editor);
    const enabled = vscode.workspace.getConfiguration('newsmark').get<boolean>('decorations.enabled', true);
    const entry = store.get(doc.uri);
    const annotations = enabled ? entry?.annotations : undefined;
    const highlights = annotations ? highlightsOf(annotations, types.highlightKeys) : [];
    const state: EditorHighlights = { annotations, changes: entry?.changes, groups: groupHighlights(highlights, before?.groups) };
    shown.set(editor, state);
    const inView = editor.visibleRanges.map((r) => [doc.offsetAt(r.start), doc.offsetAt(r.end)] as const);
    drawGroups(editor, state, (group) => inView.some(([s, e]) => group.overlaps(s, e)));
    clearImmediate(rest.get(editor));
    if (state.groups.some((g) => g.needsDrawing)) {
      rest.set(
        editor,
        setImmediate(() => {
          rest.delete(editor);
          if (shown.get(editor) === state && !editor.document.isClosed) {
            drawGroups(editor, state, () => true);
            applied.fire(editor.document.uri);
          }
        }),
      );
    }
    lastDrawMs = performance.now() - started;
    applied.fire(doc.uri);
  };

  const drawGroups = (editor: vscode.TextEditor, state: EditorHighlights, which: (group: HighlightGroup) => boolean) => {
    let text: string | undefined;
    const changed = (anchor: Anchor) => anchorState(anchor, (text ??= editor.document.getText())) === 'changed';
    state.groups.forEach((group, index) => {
      if (which(group)) {
        const drawing = group.drawing(changed, CHANGED);
        if (drawing) {
          send(editor, index, drawing);
        }
      }
    });
  };

  /**
   * At each keystroke: the editor moved its decorations with the text, as the store moved the
   * anchors, so only a group the edit touched is drawn again (or every group that differs,
   * when anchors were put back where an earlier text had them).
   */
  const follow = (moved: AnchorsMoved) => {
    const key = moved.uri.toString();
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) {
        continue;
      }
      const state = shown.get(editor);
      if (state && !state.annotations) {
        continue; // Nothing drawn (switched off, or not loaded yet: its loading draws it).
      }
      if (!state || state.annotations !== store.get(moved.uri)?.annotations) {
        draw(editor);
        continue;
      }
      const touched = state.groups.map((group) => group.follow(moved.edits));
      if (!moved.exact) {
        draw(editor); // Against what the editor shows now, moved with the text.
        continue;
      }
      const doc = editor.document;
      // A touched group's claims are read from the editor one span at a time: no copy of a long article per keystroke.
      const changed = (anchor: Anchor) => doc.getText(new vscode.Range(doc.positionAt(anchor.start), doc.positionAt(anchor.end))) !== anchor.quote;
      touched.forEach((isTouched, index) => isTouched && send(editor, index, state.groups[index].drawing(changed, CHANGED)!));
    }
    lastDrawMs = performance.now() - moved.at;
    applied.fire(moved.uri);
  };

  const drawAll = (uri?: vscode.Uri) => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!uri || editor.document.uri.toString() === uri.toString()) {
        draw(editor);
      }
    }
  };

  /** Articles to draw once the current event is handled: one event can notify several times. */
  const soon = new Set<string>();
  const schedule = (uri: vscode.Uri) => {
    const key = uri.toString();
    const entry = store.get(uri);
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    if (editors.some((e) => !shown.get(e)?.annotations && entry?.annotations)) {
      // Loaded: drawn at once, before the views, lenses and problems, which listen after.
      editors.forEach(draw);
      return;
    }
    const state = editors.map((e) => shown.get(e));
    if (state.every((s) => s?.annotations === entry?.annotations && s?.changes === entry?.changes)) {
      return; // Only anchors moved by typing, which the editors followed already.
    }
    if (!soon.has(key)) {
      soon.add(key);
      queueMicrotask(() => {
        soon.delete(key);
        drawAll(uri);
      });
    }
  };

  let visible = new Set(vscode.window.visibleTextEditors);
  const disposables = [
    applied,
    store.onDidChange(schedule),
    store.onDidMoveAnchors(follow),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      // An editor shown again starts with no decorations.
      for (const editor of editors) {
        if (!visible.has(editor)) {
          shown.delete(editor);
          draw(editor);
        }
      }
      visible = new Set(editors);
    }),
    onDidChangeSettings(() => {
      types.reset();
      shown = new WeakMap();
      drawAll();
    }),
  ];
  drawAll();
  return {
    onDidApply: applied.event,
    get lastDrawMs() {
      return lastDrawMs;
    },
    isDrawing: (uri) => [...rest.keys()].some((editor) => editor.document.uri.toString() === uri.toString()),
    dispose: () => {
      for (const timer of rest.values()) {
        clearImmediate(timer);
      }
      types.dispose();
      for (const d of disposables) {
        d.dispose();
      }
    },
  };
}
