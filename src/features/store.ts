// The one store that owns the annotations of open articles: the editor's side of the store core (documents, files, messages, timers).

import * as vscode from 'vscode';
import { isArticlePath } from '../core/articleFiles';
import type { TextEdit } from '../core/edits';
import type { Actor, Annotations, Claim } from '../core/model';
import { type DecodeOptions, SIDECAR_SUFFIX, sidecarNameFor, type SidecarProblem } from '../core/sidecar';
import {
  type ArticleDocument,
  type ArticleSession,
  ArticleStore,
  type ConflictChoice,
  type ConflictQuestion,
  type SidecarRead,
  sidecarReadOf,
  type StoreHost,
  type Step,
  type StoreReport,
  type Timer,
  type UndoState,
  type WriteAnswer,
} from '../core/store';
import { actorTypes, verdicts } from './config';
import { atomicWrite, readSidecarText, readTextIfExists } from './fileio';

/** Languages Newsmark annotates. */
export const ARTICLE_LANGUAGES = ['plaintext', 'markdown', 'news-article'] as const;

export interface ArticleEntry {
  readonly uri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  /** Undefined while the sidecar has errors: nothing is shown or written until it is fixed. */
  readonly annotations?: Annotations;
  readonly problems: SidecarProblem[];
  /** Grows with each change notified other than anchors moved by typing (onDidMoveAnchors told of those already). */
  readonly changes: number;
}

/** Anchors moved with an edit of the article's text (see onDidMoveAnchors). */
export interface AnchorsMoved {
  readonly uri: vscode.Uri;
  /** The edits, against the text before them, as the change event reported them. */
  readonly edits: readonly TextEdit[];
  /**
   * Every anchor was shifted by the edits alone: one no edit touched moved as the editor moved
   * the text around it. False when anchors were put back where an earlier text had them.
   */
  readonly exact: boolean;
  /** When the change event reached the store (performance.now()), to time what follows from it. */
  readonly at: number;
}

const KEEP_MINE = 'Keep My Version';
const USE_DISK = 'Use the Version on Disk';

export class AnnotationStore implements vscode.Disposable {
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly host = new EditorHost((key) => this.uriOf(key));
  private readonly core = new ArticleStore(this.host);
  private readonly entries = new WeakMap<ArticleSession, ArticleEntry>();
  private readonly documents = new WeakMap<vscode.TextDocument, ArticleDocument>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly moveEmitter = new vscode.EventEmitter<AnchorsMoved>();
  /** When the change event being handled reached the store. */
  private changeAt = 0;
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * Fires with the article's URI whenever its annotations or their problems change. Anchors
   * moved by typing count once typing settles: what listens here takes time in proportion to
   * the annotations, and the editor moves the marks it shows with the text meanwhile.
   */
  readonly onDidChange = this.changeEmitter.event;

  /** Fires at each edit of an open article's text, once its anchors moved with it: for what must follow every keystroke. */
  readonly onDidMoveAnchors = this.moveEmitter.event;

  constructor() {
    const unsubscribe = this.core.onDidChange((key) => {
      if (!this.core.get(key) || this.core.get(key)?.annotations) {
        this.host.dismissUnreadable(key);
      }
      this.changeEmitter.fire(this.uriOf(key));
    });
    const unsubscribeMoves = this.core.onDidMove((key, edits, exact) => this.moveEmitter.fire({ uri: this.uriOf(key), edits, exact, at: this.changeAt }));
    this.disposables.push(
      this.changeEmitter,
      this.moveEmitter,
      { dispose: unsubscribe },
      { dispose: unsubscribeMoves },
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
    this.core.dispose();
    this.host.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
  }

  static isArticle(doc: vscode.TextDocument): boolean {
    return (ARTICLE_LANGUAGES as readonly string[]).includes(doc.languageId) && doc.uri.scheme !== 'untitled' && isArticlePath(doc.uri.path);
  }

  /** The latest errors shown about sidecars (unreadable, not saved), oldest first: what the user was told. */
  get reported(): readonly string[] {
    return this.host.reported;
  }

  get(uri: vscode.Uri): ArticleEntry | undefined {
    return this.entryOf(this.core.get(uri.toString()));
  }

  /** All loaded articles. */
  all(): ArticleEntry[] {
    return this.core.all().map((session) => this.entryOf(session)!);
  }

  /** The entry for a document, loading its sidecar the first time. */
  async load(doc: vscode.TextDocument): Promise<ArticleEntry | undefined> {
    if (!AnnotationStore.isArticle(doc)) {
      return undefined;
    }
    return this.entryOf(await this.core.opened(this.documentOf(doc)));
  }

  /**
   * Changes an article's annotations. The sidecar is written at once when the article has no
   * unsaved edits (so its offsets match the file on disk), otherwise when the article is saved.
   * The change can be undone; `label` is what the undo message calls it ("Mark Actor “Russia”").
   */
  update<T>(doc: vscode.TextDocument, change: (annotations: Annotations, text: string) => T, label?: string): T {
    return this.core.update(this.writable(doc), change, label);
  }

  /** Reverts the article's latest annotation change; undefined when there is none. */
  undo(doc: vscode.TextDocument): Step | undefined {
    return this.core.undo(this.writable(doc));
  }

  /** Makes the article's latest undone annotation change again. */
  redo(doc: vscode.TextDocument): Step | undefined {
    return this.core.redo(this.writable(doc));
  }

  /** What undo and redo would do in an article now. */
  undoState(uri: vscode.Uri): UndoState {
    return this.core.undoState(uri.toString());
  }

  /**
   * Changes one claim, looked up by id when the change runs: a command that waited for the
   * user names the claim by id rather than holding it, since a reload may replace it
   * meanwhile. Undefined, with nothing changed, when the claim is gone.
   */
  updateClaim<T>(
    doc: vscode.TextDocument,
    id: string,
    change: (claim: Claim, annotations: Annotations, text: string) => T,
    label?: string,
  ): T | undefined {
    return this.core.updateClaim(this.writable(doc), id, change, label);
  }

  /** Changes one actor, looked up by id when the change runs (see updateClaim). */
  updateActor<T>(
    doc: vscode.TextDocument,
    id: string,
    change: (actor: Actor, annotations: Annotations, text: string) => T,
    label?: string,
  ): T | undefined {
    return this.core.updateActor(this.writable(doc), id, change, label);
  }

  /** Resolves when every write started so far has finished (used by commands and tests). */
  flush(): Promise<void> {
    return this.core.flush();
  }

  /** The document as the core sees it, once its article is known to be open and readable. */
  private writable(doc: vscode.TextDocument): ArticleDocument {
    const entry = this.get(doc.uri);
    if (!entry) {
      throw new Error(`${basename(doc.uri)} is not open as an article.`);
    }
    if (!entry.annotations) {
      throw new SidecarBlockedError(entry);
    }
    return this.documentOf(doc);
  }

  private onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.core.get(e.document.uri.toString())) {
      return;
    }
    this.changeAt = performance.now();
    const edits: TextEdit[] = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
    this.core.changed(this.documentOf(e.document), edits);
  }

  private onDocumentSaved(doc: vscode.TextDocument): void {
    if (this.core.get(doc.uri.toString())) {
      this.core.saved(this.documentOf(doc));
    } else if (doc.uri.path.endsWith(SIDECAR_SUFFIX)) {
      void this.onSidecarChangedOnDisk(doc.uri);
    }
  }

  private async onDocumentClosed(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (this.core.get(key)) {
      await this.core.closed(this.documentOf(doc));
      if (!this.core.get(key)) {
        this.uris.delete(key);
      }
    }
  }

  private async onSidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    const sidecar = sidecarUri.toString();
    const session = this.core.all().find((s) => sidecarUriFor(this.uriOf(s.uri)).toString() === sidecar);
    if (session) {
      await this.core.sidecarChangedOnDisk(session.uri);
    }
  }

  /** A live view of the document, made once per document so keystrokes allocate nothing. */
  private documentOf(doc: vscode.TextDocument): ArticleDocument {
    let view = this.documents.get(doc);
    if (!view) {
      const uri = doc.uri.toString();
      this.uris.set(uri, doc.uri);
      view = {
        uri,
        name: basename(doc.uri),
        get text() {
          return doc.getText();
        },
        get length() {
          // The end of the last line: found from the editor's line lengths, without joining its lines into one text.
          return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
        },
        get version() {
          return doc.version;
        },
        get isDirty() {
          return doc.isDirty;
        },
        get isClosed() {
          return doc.isClosed;
        },
      };
      this.documents.set(doc, view);
    }
    return view;
  }

  private entryOf(session: ArticleSession | undefined): ArticleEntry | undefined {
    if (!session) {
      return undefined;
    }
    let entry = this.entries.get(session);
    if (!entry) {
      const uri = this.uriOf(session.uri);
      entry = {
        uri,
        sidecarUri: sidecarUriFor(uri),
        get annotations() {
          return session.annotations;
        },
        get problems() {
          return session.problems;
        },
        get changes() {
          return session.changes;
        },
      };
      this.entries.set(session, entry);
    }
    return entry;
  }

  private uriOf(key: string): vscode.Uri {
    return this.uris.get(key) ?? vscode.Uri.parse(key);
  }
}

/** The store core's host in the editor: files through vscode.workspace.fs, questions and reports as notifications. */
class EditorHost implements StoreHost {
  readonly reported: string[] = [];
  /** Closes the open "cannot read" notification, by article. */
  private readonly unreadable = new Map<string, () => void>();

  constructor(private readonly uriOf: (key: string) => vscode.Uri) {}

  /** Strictly: a byte that is not UTF-8 is a positioned problem, never a U+FFFD a later write would keep. */
  async readSidecar(article: string): Promise<SidecarRead> {
    return sidecarReadOf(await readSidecarText(sidecarUriFor(this.uriOf(article))));
  }

  readArticle(article: string): Promise<string | undefined> {
    return readTextIfExists(this.uriOf(article));
  }

  /**
   * Compares with `expected` just before the rename. Answers with the text as written, in the
   * file's own line breaks, so a CRLF sidecar is not taken for an outside change next time. A
   * refusal (read-only, not a file) throws a FileError, reported as a failed write: the
   * annotations stay as they are in the editor and the file is left alone.
   */
  async writeSidecar(article: string, text: string, expected: string | undefined): Promise<WriteAnswer> {
    const outcome = await atomicWrite(sidecarUriFor(this.uriOf(article)), text, { expected: expected ?? null });
    return outcome.status === 'changed' ? 'changed' : { written: typeof outcome.data === 'string' ? outcome.data : text };
  }

  async ask(question: ConflictQuestion): Promise<ConflictChoice> {
    const choice = await vscode.window.showWarningMessage(question.message, { modal: true }, KEEP_MINE, USE_DISK);
    return choice === KEEP_MINE ? 'mine' : choice === USE_DISK ? 'theirs' : undefined;
  }

  report(report: StoreReport): void {
    this.reported.push(report.message);
    this.reported.splice(0, this.reported.length - 20);
    if (report.kind === 'write-failed') {
      void vscode.window.showErrorMessage(report.message);
      return;
    }
    this.showUnreadable(report.article, report.message);
  }

  /**
   * A notification cannot be closed by its extension, so the unreadable sidecar is said in a
   * progress notification, which closes when its promise settles: superseded by the next problem
   * of the same sidecar, gone once it reads again. Its link opens the sidecar at the first error.
   */
  private showUnreadable(article: string, message: string): void {
    this.dismissUnreadable(article);
    const open = `command:newsmark.openSidecar?${encodeURIComponent(JSON.stringify([{ uri: article }]))}`;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${message} [Open Sidecar](${open})`, cancellable: true },
      (_progress, token) =>
        new Promise<void>((resolve) => {
          const close = () => {
            if (this.unreadable.get(article) === close) {
              this.unreadable.delete(article);
            }
            resolve();
          };
          this.unreadable.set(article, close);
          token.onCancellationRequested(close);
        }),
    );
  }

  /** The sidecar reads again (or its article is closed): its error notification goes. */
  dismissUnreadable(article: string): void {
    this.unreadable.get(article)?.();
  }

  dispose(): void {
    for (const close of [...this.unreadable.values()]) {
      close();
    }
  }

  decodeOptions(): DecodeOptions {
    return { actorTypes: actorTypes().map((t) => t.id), verdicts: verdicts().map((v) => v.id) };
  }

  setTimer(ms: number, callback: () => void): Timer {
    return setTimeout(callback, ms);
  }

  clearTimer(timer: Timer): void {
    clearTimeout(timer as NodeJS.Timeout);
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
