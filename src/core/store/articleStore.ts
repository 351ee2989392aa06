// The annotations of every open article, one session each, driven by the host's events and reporting changes to listeners.

import type { TextEdit } from '../edits';
import type { Actor, Annotations, Claim } from '../model';
import { ArticleSession, BlockedError, type SessionContext } from './articleSession';
import type { Step } from './history';
import type { ArticleDocument, StoreHost } from './host';

/** What the undo keys of an article would do now. */
export interface UndoState {
  /** The latest undoable thing in the article is an annotation change, so undo reverts it rather than a text edit. */
  readonly undoFirst: boolean;
  /** Right after an annotation undo, with no text edit since: redo makes it again. */
  readonly redoFirst: boolean;
  /** Labels of the changes undo and redo would revert or make, wherever the text's own undo stands. */
  readonly nextUndo?: string;
  readonly nextRedo?: string;
}

export type ChangeListener = (article: string) => void;

/** Typing moved an article's anchors (see SessionContext.moved). */
export type MoveListener = (article: string, edits: readonly TextEdit[], exact: boolean) => void;

export class ArticleStore {
  private readonly sessions = new Map<string, ArticleSession>();
  private readonly loading = new Map<string, Promise<ArticleSession>>();
  private readonly closing = new Set<Promise<void>>();
  /** Sidecars already reported as unreadable, by article and content, so the message comes once. */
  private readonly reported = new Set<string>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly moveListeners = new Set<MoveListener>();
  private readonly context: SessionContext;

  constructor(host: StoreHost) {
    this.context = {
      host,
      notify: (article) => this.notify(article),
      moved: (article, edits, exact) => {
        for (const listener of this.moveListeners) {
          listener(article, edits, exact);
        }
      },
      reportUnreadableOnce: (key, report) => {
        if (!this.reported.has(key)) {
          this.reported.add(key);
          report();
        }
      },
    };
  }

  /**
   * Calls `listener` with the article's key whenever its annotations or their problems change;
   * returns the unsubscribe. Anchors moved by typing count once the typing settles.
   */
  onDidChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` at each edit of an article's text, right after its anchors moved; returns the unsubscribe. */
  onDidMove(listener: MoveListener): () => void {
    this.moveListeners.add(listener);
    return () => this.moveListeners.delete(listener);
  }

  dispose(): void {
    for (const session of this.sessions.values()) {
      session.dispose();
    }
    this.listeners.clear();
    this.moveListeners.clear();
  }

  get(article: string): ArticleSession | undefined {
    return this.sessions.get(article);
  }

  all(): ArticleSession[] {
    return [...this.sessions.values()];
  }

  /** The session of an article, reading its sidecar the first time. */
  opened(doc: ArticleDocument): Promise<ArticleSession> {
    const existing = this.sessions.get(doc.uri);
    if (existing) {
      return Promise.resolve(existing);
    }
    let pending = this.loading.get(doc.uri);
    if (!pending) {
      pending = ArticleSession.open(doc, this.context)
        .then((session) => {
          this.sessions.set(doc.uri, session);
          this.notify(doc.uri);
          return session;
        })
        .finally(() => this.loading.delete(doc.uri));
      this.loading.set(doc.uri, pending);
    }
    return pending;
  }

  /**
   * Changes an article's annotations through `change`, which gets the live annotations and
   * the editor's text. Throws BlockedError while the sidecar cannot be read. The change can be
   * undone; `label` names it to the user ("Mark Actor “Russia”"), and is made from what changed
   * when not given.
   */
  update<T>(doc: ArticleDocument, change: (annotations: Annotations, text: string) => T, label?: string): T {
    return this.require(doc).update(doc, change, label);
  }

  /** Reverts the article's latest annotation change; undefined when there is none. */
  undo(doc: ArticleDocument): Step | undefined {
    return this.require(doc).undo(doc);
  }

  /** Makes the article's latest undone annotation change again; undefined when there is none. */
  redo(doc: ArticleDocument): Step | undefined {
    return this.require(doc).redo(doc);
  }

  undoState(article: string): UndoState {
    const session = this.sessions.get(article);
    if (!session?.annotations) {
      return { undoFirst: false, redoFirst: false };
    }
    const { history, annotationChangedLast } = session;
    return {
      undoFirst: annotationChangedLast && history.canUndo,
      redoFirst: annotationChangedLast && history.canRedo,
      nextUndo: history.nextUndo,
      nextRedo: history.nextRedo,
    };
  }

  /**
   * Changes one claim, looked up by id when the change runs. A command that waited for the
   * user (a quick pick) names the claim by id instead of holding the object, since a reload
   * may have replaced it meanwhile. Undefined, and nothing changed, when the claim is gone.
   */
  updateClaim<T>(
    doc: ArticleDocument,
    id: string,
    change: (claim: Claim, annotations: Annotations, text: string) => T,
    label?: string,
  ): T | undefined {
    return this.updateItem(doc, (a) => a.claims.find((c) => c.id === id), change, label);
  }

  /** Changes one actor, looked up by id when the change runs (see updateClaim). */
  updateActor<T>(
    doc: ArticleDocument,
    id: string,
    change: (actor: Actor, annotations: Annotations, text: string) => T,
    label?: string,
  ): T | undefined {
    return this.updateItem(doc, (a) => a.actors.find((c) => c.id === id), change, label);
  }

  changed(doc: ArticleDocument, edits: readonly TextEdit[]): void {
    this.sessions.get(doc.uri)?.changed(doc, edits);
  }

  saved(doc: ArticleDocument): void {
    this.sessions.get(doc.uri)?.saved(doc);
  }

  /** The article was closed: unsaved annotation changes are written, then the session ends. */
  closed(doc: ArticleDocument): Promise<void> {
    const session = this.sessions.get(doc.uri);
    if (!session) {
      return Promise.resolve();
    }
    const done = session.closed().finally(() => {
      this.sessions.delete(doc.uri);
      this.closing.delete(done);
      this.notify(doc.uri);
    });
    this.closing.add(done);
    return done;
  }

  /** The sidecar of `article` was changed, created or deleted on disk (perhaps by our own write). */
  async sidecarChangedOnDisk(article: string): Promise<void> {
    await this.sessions.get(article)?.sidecarChangedOnDisk();
  }

  /** Resolves when every load, write and settle check started so far has finished. */
  async flush(): Promise<void> {
    // Settle checks may start writes, and writes may be followed by reloads: loop until quiet.
    for (;;) {
      for (const session of this.sessions.values()) {
        session.notifyMoves();
      }
      const waits = [...this.loading.values(), ...this.closing, ...this.all().flatMap((s) => s.pending())];
      if (!waits.length) {
        return;
      }
      await Promise.allSettled(waits);
    }
  }

  private require(doc: ArticleDocument): ArticleSession {
    const session = this.sessions.get(doc.uri);
    if (!session) {
      throw new Error(`${doc.name} is not open as an article.`);
    }
    return session;
  }

  private updateItem<I, T>(
    doc: ArticleDocument,
    find: (annotations: Annotations) => I | undefined,
    change: (item: I, annotations: Annotations, text: string) => T,
    label?: string,
  ): T | undefined {
    const session = this.require(doc);
    if (!session.annotations) {
      throw new BlockedError(doc.name);
    }
    if (find(session.annotations) === undefined) {
      return undefined;
    }
    return session.update(doc, (annotations, text) => change(find(annotations)!, annotations, text), label);
  }

  private notify(article: string): void {
    if (this.sessions.get(article)?.annotations) {
      // It reads again: the same problem coming back later is news again.
      for (const key of [...this.reported].filter((k) => k.startsWith(`${article}#`))) {
        this.reported.delete(key);
      }
    }
    for (const listener of [...this.listeners]) {
      listener(article);
    }
  }
}
