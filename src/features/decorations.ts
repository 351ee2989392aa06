// Highlights in the editor: mentions coloured by actor type, claims by status and verdict, marks in the overview ruler.

import * as vscode from 'vscode';
import { type GroupDrawing, groupHighlights, type HighlightGroup, highlightsOf, type HighlightKeys, rulerMarksMentions } from '../core/highlights';
import { type Anchor, type Annotations, anchorState } from '../core/model';
import { actorTypes, onDidChangeSettings, settings, verdicts } from './config';
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
    // The same without its mark in the overview ruler, for an article with too many mentions to mark (core/highlights).
    styles.set(`actor:${type.id}:unmarked`, { backgroundColor: color, borderRadius: '2px', rangeBehavior });
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
function keysFor(styles: ReadonlyMap<string, unknown>, marked: boolean): HighlightKeys {
  return {
    actor: (type) => (styles.has(`actor:${type}`) ? (marked ? `actor:${type}` : `actor:${type}:unmarked`) : 'actor:*'),
    claim: (claim) => (claim.status === 'checked' && claim.verdict && styles.has(`verdict:${claim.verdict}`) ? `verdict:${claim.verdict}` : `claim:${claim.status}`),
  };
}

/**
 * The decoration types, one per key and group, made when first drawn and kept in one record;
 * disposed and made again only when the colours in the settings change.
 */
class DecorationTypes implements vscode.Disposable {
  /** Read from the settings when first drawn: activation does not read the colours. */
  private styled?: { styles: Map<string, vscode.DecorationRenderOptions>; keys: HighlightKeys; unmarked: HighlightKeys };
  private readonly types = new Map<string, vscode.TextEditorDecorationType[]>();

  private get style(): { styles: Map<string, vscode.DecorationRenderOptions>; keys: HighlightKeys; unmarked: HighlightKeys } {
    if (!this.styled) {
      const styles = decorationStyles();
      this.styled = { styles, keys: keysFor(styles, true), unmarked: keysFor(styles, false) };
    }
    return this.styled;
  }

  /** The keys an article's highlights are drawn with: its mentions marked in the overview ruler unless there are too many. */
  highlightKeys(annotations: Annotations): HighlightKeys {
    return rulerMarksMentions(annotations) ? this.style.keys : this.style.unmarked;
  }

  of(key: string, group: number): vscode.TextEditorDecorationType {
    let list = this.types.get(key);
    if (!list) {
      list = [];
      this.types.set(key, list);
    }
    list[group] ??= vscode.window.createTextEditorDecorationType(this.style.styles.get(key) ?? {});
    return list[group];
  }

  reset(): void {
    this.dispose();
    this.styled = undefined;
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

/** Draws each visible editor's highlights and keeps them in step with the store. */
class Highlighter implements vscode.Disposable {
  readonly types = new DecorationTypes();
  readonly applied = new vscode.EventEmitter<vscode.Uri>();
  shown = new WeakMap<vscode.TextEditor, EditorHighlights>();
  /** Editors whose groups out of view are drawn in a task of their own, after what is in view. */
  readonly rest = new Map<vscode.TextEditor, NodeJS.Immediate>();
  lastDrawMs = 0;
  /** Articles to draw once the current event is handled: one event can notify several times. */
  private readonly soon = new Set<string>();

  constructor(private readonly store: AnnotationStore) {}

  private send(editor: vscode.TextEditor, index: number, drawing: GroupDrawing): void {
    const doc = editor.document;
    for (const [key, spans] of drawing) {
      editor.setDecorations(
        this.types.of(key, index),
        spans.map(([s, e]) => new vscode.Range(doc.positionAt(s), doc.positionAt(e))),
      );
    }
  }

  /** Draws what changed in an editor: the groups in view at once, the others in the next task. */
  draw(editor: vscode.TextEditor): void {
    const started = performance.now();
    const doc = editor.document;
    const before = this.shown.get(editor);
    const enabled = settings().decorations;
    const entry = this.store.get(doc.uri);
    const annotations = enabled ? entry?.annotations : undefined;
    const highlights = annotations ? highlightsOf(annotations, this.types.highlightKeys(annotations)) : [];
    const state: EditorHighlights = { annotations, changes: entry?.changes, groups: groupHighlights(highlights, before?.groups) };
    this.shown.set(editor, state);
    const inView = editor.visibleRanges.map((r) => [doc.offsetAt(r.start), doc.offsetAt(r.end)] as const);
    this.drawGroups(editor, state, (group) => inView.some(([s, e]) => group.overlaps(s, e)));
    clearImmediate(this.rest.get(editor));
    if (state.groups.some((g) => g.needsDrawing)) {
      this.rest.set(
        editor,
        setImmediate(() => {
          this.rest.delete(editor);
          if (this.shown.get(editor) === state && !editor.document.isClosed) {
            this.drawGroups(editor, state, () => true);
            this.applied.fire(editor.document.uri);
          }
        }),
      );
    }
    this.lastDrawMs = performance.now() - started;
    this.applied.fire(doc.uri);
  }

  private drawGroups(editor: vscode.TextEditor, state: EditorHighlights, which: (group: HighlightGroup) => boolean): void {
    let text: string | undefined;
    const changed = (anchor: Anchor) => anchorState(anchor, (text ??= editor.document.getText())) === 'changed';
    state.groups.forEach((group, index) => {
      if (which(group)) {
        const drawing = group.drawing(changed, CHANGED);
        if (drawing) {
          this.send(editor, index, drawing);
        }
      }
    });
  }

  /**
   * At each keystroke: the editor moved its decorations with the text, as the store moved the
   * anchors, so only a group the edit touched is drawn again (or every group that differs,
   * when anchors were put back where an earlier text had them).
   */
  follow(moved: AnchorsMoved): void {
    const key = moved.uri.toString();
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) {
        continue;
      }
      const state = this.shown.get(editor);
      if (state && !state.annotations) {
        continue; // Nothing drawn (switched off, or not loaded yet: its loading draws it).
      }
      if (!state || state.annotations !== this.store.get(moved.uri)?.annotations) {
        this.draw(editor);
        continue;
      }
      const touched = state.groups.map((group) => group.follow(moved.edits));
      if (!moved.exact) {
        this.draw(editor); // Against what the editor shows now, moved with the text.
        continue;
      }
      const doc = editor.document;
      // A touched group's claims are read from the editor one span at a time: no copy of a long article per keystroke.
      const changed = (anchor: Anchor) => doc.getText(new vscode.Range(doc.positionAt(anchor.start), doc.positionAt(anchor.end))) !== anchor.quote;
      touched.forEach((isTouched, index) => isTouched && this.send(editor, index, state.groups[index].drawing(changed, CHANGED)!));
    }
    this.lastDrawMs = performance.now() - moved.at;
    this.applied.fire(moved.uri);
  }

  drawAll(uri?: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!uri || editor.document.uri.toString() === uri.toString()) {
        this.draw(editor);
      }
    }
  }

  /** After a change in the store: a loaded article at once, anything else once the event is handled. */
  schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.store.get(uri);
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    if (editors.some((e) => !this.shown.get(e)?.annotations && entry?.annotations)) {
      // Loaded: drawn at once, before the views, lenses and problems, which listen after.
      editors.forEach((e) => this.draw(e));
      return;
    }
    const state = editors.map((e) => this.shown.get(e));
    if (state.every((s) => s?.annotations === entry?.annotations && s?.changes === entry?.changes)) {
      return; // Only anchors moved by typing, which the editors followed already.
    }
    if (!this.soon.has(key)) {
      this.soon.add(key);
      queueMicrotask(() => {
        this.soon.delete(key);
        this.drawAll(uri);
      });
    }
  }

  /** The colours in the settings changed: every type made again and every editor drawn again. */
  restyle(): void {
    this.types.reset();
    this.shown = new WeakMap();
    this.drawAll();
  }

  dispose(): void {
    for (const timer of this.rest.values()) {
      clearImmediate(timer);
    }
    this.types.dispose();
    this.applied.dispose();
  }
}

export function registerDecorations(store: AnnotationStore): DecorationsHandle {
  const highlighter = new Highlighter(store);
  let visible = new Set(vscode.window.visibleTextEditors);
  const disposables = [
    highlighter,
    store.onDidChange((uri) => highlighter.schedule(uri)),
    store.onDidMoveAnchors((moved) => highlighter.follow(moved)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      // An editor shown again starts with no decorations.
      for (const editor of editors) {
        if (!visible.has(editor)) {
          highlighter.shown.delete(editor);
          highlighter.draw(editor);
        }
      }
      visible = new Set(editors);
    }),
    onDidChangeSettings(() => highlighter.restyle()),
  ];
  highlighter.drawAll();
  return {
    onDidApply: highlighter.applied.event,
    get lastDrawMs() {
      return highlighter.lastDrawMs;
    },
    isDrawing: (uri) => [...highlighter.rest.keys()].some((editor) => editor.document.uri.toString() === uri.toString()),
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}
