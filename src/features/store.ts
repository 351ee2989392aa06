// The one store that owns the annotations of open articles: loads and writes sidecars, moves anchors with edits, emits changes.

import * as vscode from 'vscode';
import type { Document } from 'yaml';
import { reattachAnnotations } from '../core/anchoring';
import { shiftAnchors, type TextEdit } from '../core/edits';
import { sha256 } from '../core/hash';
import { mergeAnnotations } from '../core/merge';
import { allAnchors, type Annotations, emptyAnnotations } from '../core/model';
import { decodeSidecar, encodeSidecar, SIDECAR_SUFFIX, sidecarNameFor, type SidecarProblem } from '../core/sidecar';
import { actorTypes, verdicts } from './config';
import { atomicWrite, readTextIfExists } from './fileio';

/** How long a burst of document changes must be quiet before a reload from disk is looked for. */
const SETTLE_DELAY_MS = 120;

/** Languages Newsmark annotates. */
export const ARTICLE_LANGUAGES = ['plaintext', 'markdown', 'news-article'] as const;

export interface ArticleEntry {
  readonly uri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  /** Undefined while the sidecar has errors: nothing is shown or written until it is fixed. */
  annotations?: Annotations;
  problems: SidecarProblem[];
  /** The sidecar as last read or written: what a change on disk is detected and merged against. */
  disk?: { text: string; document: Document; annotations: Annotations };
  /** Annotation changes (or moved anchors) not yet written because the article has unsaved edits. */
  pendingWrite: boolean;
  /** Counts changes, so a write knows whether more came in while it was under way. */
  revision: number;
  /** The document version last known to match the file on disk (read or saved), to tell a reload from a save. */
  savedVersion: number;
  /** The whole text was replaced: every anchor is to be found again once changes settle. */
  reattachPending?: boolean;
}

export class AnnotationStore implements vscode.Disposable {
  private readonly entries = new Map<string, ArticleEntry>();
  private readonly loading = new Map<string, Promise<ArticleEntry | undefined>>();
  private readonly writes = new Map<string, Promise<void>>();
  private readonly settleTimers = new Map<string, NodeJS.Timeout>();
  /** Sidecars already reported as unreadable, by content hash, so the message comes once. */
  private readonly reported = new Set<string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires with the article's URI whenever its annotations or their problems change. */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidOpenTextDocument((doc) => void this.load(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.onDocumentSaved(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => void this.onDocumentClosed(doc)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => void this.onSidecarChangedOnDisk(uri)),
      watcher.onDidCreate((uri) => void this.onSidecarChangedOnDisk(uri)),
      watcher.onDidDelete((uri) => void this.onSidecarChangedOnDisk(uri)),
    );
    for (const doc of vscode.workspace.textDocuments) {
      void this.load(doc);
    }
  }

  dispose(): void {
    for (const timer of this.settleTimers.values()) {
      clearTimeout(timer);
    }
    for (const d of this.disposables) {
      d.dispose();
    }
  }

  static isArticle(doc: vscode.TextDocument): boolean {
    return (
      (ARTICLE_LANGUAGES as readonly string[]).includes(doc.languageId) &&
      doc.uri.scheme !== 'untitled' &&
      !doc.uri.path.endsWith(SIDECAR_SUFFIX)
    );
  }

  get(uri: vscode.Uri): ArticleEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** All loaded articles. */
  all(): ArticleEntry[] {
    return [...this.entries.values()];
  }

  /** The entry for a document, loading its sidecar the first time. */
  async load(doc: vscode.TextDocument): Promise<ArticleEntry | undefined> {
    if (!AnnotationStore.isArticle(doc)) {
      return undefined;
    }
    const key = doc.uri.toString();
    const existing = this.entries.get(key);
    if (existing) {
      return existing;
    }
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.read(doc).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async read(doc: vscode.TextDocument): Promise<ArticleEntry> {
    const sidecarUri = sidecarUriFor(doc.uri);
    const entry: ArticleEntry = { uri: doc.uri, sidecarUri, problems: [], pendingWrite: false, revision: 0, savedVersion: doc.isDirty ? -1 : doc.version };
    await this.readSidecarInto(entry, doc);
    this.entries.set(doc.uri.toString(), entry);
    this.changeEmitter.fire(doc.uri);
    return entry;
  }

  /**
   * (Re-)reads the sidecar from disk into the entry. Offsets in the sidecar refer to the
   * article as saved, so a dirty article is read against its text on disk and re-attached.
   */
  private async readSidecarInto(entry: ArticleEntry, doc: vscode.TextDocument): Promise<void> {
    const source = await readTextIfExists(entry.sidecarUri);
    const bufferText = doc.getText();
    const diskText = doc.isDirty ? ((await readTextIfExists(doc.uri)) ?? bufferText) : bufferText;
    if (source === undefined) {
      entry.annotations = emptyAnnotations(basename(doc.uri));
      entry.problems = [];
      entry.disk = undefined;
      return;
    }
    const result = decodeSidecar(source, diskText, {
      actorTypes: actorTypes().map((t) => t.id),
      verdicts: verdicts().map((v) => v.id),
    });
    entry.problems = result.problems;
    if (!result.annotations || !result.document) {
      entry.annotations = undefined;
      entry.disk = undefined;
      this.reportUnreadable(entry, source);
      return;
    }
    const annotations = result.annotations;
    entry.disk = { text: source, document: result.document, annotations: structuredClone(annotations) };
    if (result.stale || diskText !== bufferText) {
      // The article changed outside Newsmark (or has unsaved edits): find every anchor again.
      this.reattach(annotations, bufferText);
      this.markPending(entry);
    }
    entry.annotations = annotations;
    if (entry.pendingWrite && !doc.isDirty) {
      this.scheduleWrite(entry, doc);
    }
  }

  private reattach(annotations: Annotations, text: string): void {
    reattachAnnotations(text, annotations);
  }

  private reportUnreadable(entry: ArticleEntry, source: string): void {
    const key = `${entry.sidecarUri.toString()}#${sha256(source)}`;
    if (this.reported.has(key)) {
      return;
    }
    this.reported.add(key);
    const errors = entry.problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    const message =
      `Newsmark cannot read the annotations of ${basename(entry.uri)}: ${sidecarNameFor(basename(entry.uri))} has ` +
      `${errors.length === 1 ? 'a problem' : `${errors.length} problems`} (line ${first.line}, column ${first.column}: ${first.message}) ` +
      'Newsmark will not change that file until it is fixed.';
    void vscode.window.showErrorMessage(message, 'Open Sidecar').then((choice) => {
      if (choice) {
        void vscode.window.showTextDocument(entry.sidecarUri, {
          selection: new vscode.Range(first.line - 1, first.column - 1, first.line - 1, first.column - 1),
        });
      }
    });
  }

  /**
   * Changes an article's annotations. The sidecar is written at once when the article has no
   * unsaved edits (so its offsets match the file on disk), otherwise when the article is saved.
   */
  update<T>(doc: vscode.TextDocument, change: (annotations: Annotations, text: string) => T): T {
    const entry = this.get(doc.uri);
    if (!entry) {
      throw new Error(`${basename(doc.uri)} is not open as an article.`);
    }
    if (!entry.annotations) {
      throw new SidecarBlockedError(entry);
    }
    const result = change(entry.annotations, doc.getText());
    this.markPending(entry);
    this.changeEmitter.fire(doc.uri);
    if (!doc.isDirty) {
      this.scheduleWrite(entry, doc);
    }
    return result;
  }

  /** Resolves when every write started so far has finished (used by commands and tests). */
  async flush(): Promise<void> {
    // Settle checks may start writes, and writes may be followed by reloads: loop until quiet.
    while (this.loading.size || this.writes.size || this.settleTimers.size) {
      if (this.settleTimers.size) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_DELAY_MS));
      }
      await Promise.all([...this.loading.values(), ...this.writes.values()]);
    }
  }

  private onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.get(e.document.uri);
    if (!entry?.annotations || e.contentChanges.length === 0) {
      return;
    }
    const edits: TextEdit[] = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
    const oldLength = e.document.getText().length - edits.reduce((sum, edit) => sum + edit.text.length - edit.length, 0);
    const wholeText = edits.length === 1 && edits[0].offset === 0 && edits[0].length === oldLength;
    // A replacement of the whole text (a reload, a formatter) would collapse every anchor to
    // offset 0; their old positions are the better hints for finding them again.
    if (wholeText) {
      entry.reattachPending = true;
    } else {
      shiftAnchors(allAnchors(entry.annotations), edits);
    }
    this.markPending(entry);
    this.changeEmitter.fire(e.document.uri);
    this.scheduleSettledCheck(entry, e.document);
  }

  /**
   * Once a burst of changes settles: a document that is clean again without having been
   * saved holds the file on disk, reloaded after another program changed it (or undone back
   * to it). Shifting only gave hints then, so every anchor is found again, and the sidecar
   * written to match. (The change event's own dirty flag is not reliable for telling this.)
   */
  private scheduleSettledCheck(entry: ArticleEntry, doc: vscode.TextDocument): void {
    const key = entry.uri.toString();
    clearTimeout(this.settleTimers.get(key));
    this.settleTimers.set(
      key,
      setTimeout(() => {
        this.settleTimers.delete(key);
        if (doc.isClosed || !entry.annotations) {
          return;
        }
        // A whole-text replacement (pasting a new version of the article) is an outside change too.
        if (entry.reattachPending || (!doc.isDirty && doc.version !== entry.savedVersion)) {
          entry.reattachPending = false;
          this.reattach(entry.annotations, doc.getText());
          if (!doc.isDirty) {
            entry.savedVersion = doc.version;
          }
          this.changeEmitter.fire(entry.uri);
        }
        if (!doc.isDirty) {
          this.scheduleWrite(entry, doc);
        }
      }, SETTLE_DELAY_MS),
    );
  }

  private onDocumentSaved(doc: vscode.TextDocument): void {
    const entry = this.get(doc.uri);
    if (entry) {
      entry.savedVersion = doc.version;
      if (entry.annotations && (entry.pendingWrite || entry.disk?.annotations.article.sha256 !== sha256(doc.getText()))) {
        this.markPending(entry);
        this.scheduleWrite(entry, doc);
      }
      return;
    }
    if (doc.uri.path.endsWith(SIDECAR_SUFFIX)) {
      void this.onSidecarChangedOnDisk(doc.uri);
    }
  }

  private async onDocumentClosed(doc: vscode.TextDocument): Promise<void> {
    const entry = this.get(doc.uri);
    if (!entry) {
      return;
    }
    await this.writes.get(doc.uri.toString());
    if (entry.annotations && entry.pendingWrite) {
      // The article was closed without saving: its text on disk is what the offsets must match.
      const diskText = await readTextIfExists(doc.uri);
      if (diskText !== undefined) {
        this.reattach(entry.annotations, diskText);
        await this.write(entry, diskText);
      }
    }
    this.entries.delete(doc.uri.toString());
    this.changeEmitter.fire(doc.uri);
  }

  private async onSidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    const entry = this.all().find((e) => e.sidecarUri.toString() === sidecarUri.toString());
    if (!entry) {
      return;
    }
    await this.writes.get(entry.uri.toString());
    const source = await readTextIfExists(sidecarUri);
    if (source !== undefined && source === entry.disk?.text) {
      return; // Our own write.
    }
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.uri.toString());
    if (!doc) {
      return;
    }
    if (entry.annotations && entry.pendingWrite && entry.disk) {
      // Our unsaved changes are merged with the disk version when we next write.
      return;
    }
    if (source === undefined && entry.annotations && entry.annotations.actors.length + entry.annotations.claims.length > 0) {
      // Deleted on disk while annotations are shown: keep them and write them back on the next change.
      entry.disk = undefined;
      return;
    }
    await this.readSidecarInto(entry, doc);
    this.changeEmitter.fire(entry.uri);
  }

  private markPending(entry: ArticleEntry): void {
    entry.pendingWrite = true;
    entry.revision++;
  }

  private scheduleWrite(entry: ArticleEntry, doc: vscode.TextDocument): void {
    const key = entry.uri.toString();
    const previous = this.writes.get(key) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        // Only write what matches the file on disk; a dirty article is written when saved.
        if (doc.isDirty || !entry.pendingWrite || doc.isClosed) {
          return;
        }
        await this.write(entry, doc.getText());
      })
      .catch((err: unknown) => {
        void vscode.window.showErrorMessage(`Newsmark could not save the annotations of ${basename(entry.uri)}: ${errorText(err)}`);
      })
      .finally(() => {
        if (this.writes.get(key) === next) {
          this.writes.delete(key);
        }
      });
    this.writes.set(key, next);
  }

  /** Writes the sidecar atomically, first merging any change made to it on disk since it was read. */
  private async write(entry: ArticleEntry, articleText: string): Promise<void> {
    if (!entry.annotations) {
      return;
    }
    let annotations = entry.annotations;
    let document = entry.disk?.document;
    const onDisk = await readTextIfExists(entry.sidecarUri);
    if (onDisk !== undefined && onDisk !== entry.disk?.text) {
      const theirs = decodeSidecar(onDisk, articleText);
      if (!theirs.annotations || !theirs.document) {
        entry.problems = theirs.problems;
        entry.annotations = undefined;
        this.reportUnreadable(entry, onDisk);
        this.changeEmitter.fire(entry.uri);
        return;
      }
      if (theirs.stale) {
        this.reattach(theirs.annotations, articleText);
      }
      const base = entry.disk?.annotations ?? emptyAnnotations(annotations.article.file);
      const { merged, conflicts } = mergeAnnotations(base, annotations, theirs.annotations);
      if (conflicts.length) {
        const choice = await vscode.window.showWarningMessage(
          `${sidecarNameFor(basename(entry.uri))} was changed outside Newsmark, and ${conflicts.length === 1 ? 'one annotation was' : `${conflicts.length} annotations were`} changed both there and here (${conflicts.join(', ')}).`,
          { modal: true },
          'Keep My Version',
          'Use the Version on Disk',
        );
        if (choice === undefined) {
          return; // Decide later: nothing is written, nothing is lost.
        }
        if (choice === 'Use the Version on Disk') {
          annotations = theirs.annotations;
        } else {
          annotations = merged;
        }
      } else {
        annotations = merged;
      }
      entry.annotations = annotations;
      document = theirs.document;
      this.changeEmitter.fire(entry.uri);
    }
    if (!annotations.article.file) {
      annotations.article.file = basename(entry.uri);
    }
    const revision = entry.revision;
    const text = encodeSidecar(annotations, articleText, document);
    await atomicWrite(entry.sidecarUri, text);
    const reread = decodeSidecar(text, articleText);
    entry.disk = { text, document: reread.document!, annotations: structuredClone(reread.annotations ?? annotations) };
    entry.annotations.article.sha256 = sha256(articleText);
    // A change made while this write was under way is written by the write it scheduled.
    entry.pendingWrite = entry.revision !== revision;
    entry.problems = reread.problems;
  }
}

/** Raised when a change is asked of an article whose sidecar cannot be read. */
export class SidecarBlockedError extends Error {
  constructor(readonly entry: ArticleEntry) {
    super(
      `The annotations of ${basename(entry.uri)} cannot change until ${sidecarNameFor(basename(entry.uri))} is fixed (see the Problems panel).`,
    );
  }
}

export function sidecarUriFor(article: vscode.Uri): vscode.Uri {
  return article.with({ path: article.path + SIDECAR_SUFFIX });
}

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}


function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
