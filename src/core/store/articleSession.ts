// One open article's annotations and the decisions about them: when anchors move or are found again, when the sidecar is read and written.

import { reattachAnnotations } from '../anchoring';
import { shiftAnnotations, type TextEdit } from '../edits';
import { sha256 } from '../hash';
import { type Annotations, emptyAnnotations } from '../model';
import { decodeSidecar, sidecarNameFor, type SidecarProblem } from '../sidecar';
import { AnchorHistory, cutsAnchors, refindOrphans } from './anchorHistory';
import { FollowedText } from './followedText';
import { AnnotationHistory, type Step } from './history';
import { type ArticleDocument, isUnreadable, type StoreHost, type Timer } from './host';
import { diskStateOf, type DiskState, writeMerged } from './writer';

/** How long a burst of document changes must be quiet before a reload from disk is looked for. */
export const SETTLE_DELAY_MS = 120;

/**
 * How long typing must pause before listeners hear that it moved anchors. What listens (the
 * views, lenses, problems) takes time in proportion to the annotations; a pause between two
 * words should not cost the next keystroke that.
 */
export const MOVES_NOTIFY_DELAY_MS = 500;

/** What a session shares with the store that holds it. */
export interface SessionContext {
  readonly host: StoreHost;
  /** The article's annotations or their problems changed. */
  notify(article: string): void;
  /**
   * Typing moved the anchors by `edits` (as reported, against the text before them). `exact`:
   * each anchor was shifted by the edits alone, so one that no edit touched moved just as the
   * editor moved the text around it; false when anchors were put back where they stood in an
   * earlier text, or are to be found again.
   */
  moved(article: string, edits: readonly TextEdit[], exact: boolean): void;
  /** Tells the user that a sidecar cannot be read, once per sidecar content. */
  reportUnreadableOnce(fingerprint: string, report: () => void): void;
}

/** Raised when a change is asked of an article whose sidecar cannot be read. */
export class BlockedError extends Error {
  constructor(readonly article: string) {
    super(`The annotations of ${article} cannot change until its sidecar is fixed.`);
  }
}

export class ArticleSession {
  /** Undefined while the sidecar has errors: nothing is shown or written until it is fixed. */
  annotations?: Annotations;
  problems: SidecarProblem[] = [];
  /** The sidecar as last read or written: what a change on disk is detected and merged against. */
  disk?: DiskState;
  /** Annotation changes (or moved anchors) not yet written because the article has unsaved edits. */
  pendingWrite = false;
  /** Counts changes, so a write knows whether more came in while it was under way. */
  revision = 0;
  /**
   * Counts the notifications of changes other than anchors moved by typing, which listeners
   * at each keystroke followed already: the same count means nothing new to draw.
   */
  changes = 0;
  /** The document version last known to match the file on disk (read or saved), to tell a reload from a save. */
  savedVersion: number;
  /** The whole text was replaced: every anchor is to be found again once changes settle. */
  reattachPending = false;
  /** Annotation changes that can be undone and redone. */
  readonly history = new AnnotationHistory();
  /**
   * Whether the latest thing done in this article that can be undone is an annotation change
   * (made, undone or redone) rather than an edit of its text: what the undo keys act on.
   */
  annotationChangedLast = false;
  /** Where anchors were before recent edits that cut them, for an undo of those edits. */
  private readonly anchorHistory = new AnchorHistory();
  /** The text as of the last change seen: what an edit cut anchors out of. */
  private knownText: FollowedText;
  /** Text was inserted since the last settle check, so an orphan's text may be back. */
  private inserted = false;
  /**
   * Anchors moved with typing since listeners were last notified. Only `moved` is told at each
   * keystroke; the views, lenses and problems, which take time in proportion to the
   * annotations, hear of it once typing settles.
   */
  private movedUnnotified = false;
  /** The last write in the chain; each write starts when the one before it has finished. */
  private writing?: Promise<void>;
  private settle?: { timer: Timer; fired: Promise<void>; resolve: () => void };
  private movesTimer?: Timer;

  private constructor(
    private doc: ArticleDocument,
    private readonly context: SessionContext,
  ) {
    this.savedVersion = doc.isDirty ? -1 : doc.version;
    this.knownText = new FollowedText(doc.text);
  }

  /** Reads the sidecar of a newly opened article. */
  static async open(doc: ArticleDocument, context: SessionContext): Promise<ArticleSession> {
    const session = new ArticleSession(doc, context);
    await session.readSidecar();
    // Edits made while the sidecar was read were not seen; the text they left is the start.
    session.knownText = new FollowedText(doc.text);
    return session;
  }

  get uri(): string {
    return this.doc.uri;
  }

  /** Writes and settle checks still to come, for a flush to wait on. */
  pending(): Promise<void>[] {
    return [this.writing, this.settle?.fired].filter((p): p is Promise<void> => p !== undefined);
  }

  dispose(): void {
    this.clearMovesTimer();
    if (this.settle) {
      this.context.host.clearTimer(this.settle.timer);
      this.settle.resolve();
      this.settle = undefined;
    }
  }

  /**
   * Changes the annotations. The sidecar is written at once when the article has no unsaved
   * edits (so its offsets match the file on disk), otherwise when the article is saved.
   */
  update<T>(doc: ArticleDocument, change: (annotations: Annotations, text: string) => T, label?: string): T {
    this.doc = doc;
    if (!this.annotations) {
      throw new BlockedError(doc.name);
    }
    const text = doc.text;
    const pending = this.history.begin(this.annotations, text);
    const result = change(this.annotations, text);
    if (this.history.commit(pending, this.annotations, label)) {
      this.annotationChangedLast = true;
    }
    this.changedAnnotations(doc);
    return result;
  }

  /** Reverts the latest annotation change; returns it, or undefined when there is none. */
  undo(doc: ArticleDocument): Step | undefined {
    return this.moveInHistory(doc, (annotations, text) => this.history.undo(annotations, text));
  }

  /** Makes the latest undone annotation change again. */
  redo(doc: ArticleDocument): Step | undefined {
    return this.moveInHistory(doc, (annotations, text) => this.history.redo(annotations, text));
  }

  private moveInHistory(doc: ArticleDocument, move: (annotations: Annotations, text: string) => Step | undefined): Step | undefined {
    this.doc = doc;
    if (!this.annotations) {
      throw new BlockedError(doc.name);
    }
    const step = move(this.annotations, doc.text);
    if (step) {
      this.annotationChangedLast = true;
      this.changedAnnotations(doc);
    }
    return step;
  }

  private changedAnnotations(doc: ArticleDocument): void {
    this.markPending();
    this.notify();
    if (!doc.isDirty) {
      this.scheduleWrite();
    }
  }

  /** The editor changed the text: `edits` as reported, against the text before the change. */
  changed(doc: ArticleDocument, edits: readonly TextEdit[]): void {
    this.doc = doc;
    if (edits.length === 0) {
      return;
    }
    const known = this.knownText;
    const told = doc.length;
    const fromEditor = told === undefined ? doc.text : undefined;
    const oldLength = (told ?? fromEditor!.length) - edits.reduce((sum, edit) => sum + edit.text.length - edit.length, 0);
    const wholeText = edits.length === 1 && edits[0].offset === 0 && edits[0].length === oldLength;
    // Remembered before anchors are cut, so that undoing this edit puts them back where they
    // were. (The text known may lag behind when an edit came before the article was open.)
    const before = this.annotations && known.length === oldLength && (wholeText || cutsAnchors(this.annotations, edits)) ? known.text : undefined;
    // Followed even while the sidecar cannot be read, so a snapshot is never keyed by an old text.
    if (fromEditor !== undefined || known.length !== oldLength || !known.follow(edits)) {
      this.knownText = new FollowedText(fromEditor ?? doc.text);
    }
    if (!this.annotations) {
      return;
    }
    this.annotationChangedLast = false;
    this.inserted ||= edits.some((edit) => edit.text.length > 0);
    if (before !== undefined) {
      this.anchorHistory.record(before, this.annotations);
    }
    // A replacement of the whole text (a reload, a formatter) would collapse every anchor to
    // offset 0; their old positions are the better hints for finding them again.
    if (!wholeText) {
      shiftAnnotations(this.annotations, edits);
    }
    // Back to a text seen before (an undo, a redo): its anchors go back where they were then.
    const restored = this.anchorHistory.restore(this.knownText, this.annotations);
    if (wholeText) {
      this.reattachPending = true;
    }
    this.markPending();
    this.movedUnnotified = true;
    this.context.moved(this.uri, edits, !wholeText && !restored);
    this.scheduleSettledCheck();
    this.clearMovesTimer();
    this.movesTimer = this.context.host.setTimer(MOVES_NOTIFY_DELAY_MS, () => this.notifyMoves());
  }

  saved(doc: ArticleDocument): void {
    this.doc = doc;
    this.savedVersion = doc.version;
    if (this.annotations && (this.pendingWrite || this.disk?.annotations.article.sha256 !== sha256(doc.text))) {
      this.markPending();
      this.scheduleWrite();
    }
  }

  /** The article was closed: unsaved changes are written against the text on disk. */
  async closed(): Promise<void> {
    this.dispose();
    await this.writing;
    if (this.annotations && this.pendingWrite) {
      // Closed without saving: its text on disk is what the offsets must match.
      const diskText = await this.context.host.readArticle(this.uri);
      if (diskText !== undefined) {
        reattachAnnotations(diskText, this.annotations);
        await this.write(diskText).catch((err: unknown) => this.reportWriteFailure(err));
      }
    }
  }

  /** The sidecar was changed, created or deleted on disk. */
  async sidecarChangedOnDisk(): Promise<void> {
    await this.writing;
    const source = await this.context.host.readSidecar(this.uri);
    if (typeof source === 'string' && source === this.disk?.text) {
      return; // Our own write.
    }
    if (this.doc.isClosed) {
      return;
    }
    if (this.annotations && this.pendingWrite && this.disk) {
      // Our unsaved changes are merged with the disk version when we next write.
      return;
    }
    if (source === undefined && this.annotations && this.annotations.actors.length + this.annotations.claims.length > 0) {
      // Deleted on disk while annotations are shown: keep them and write them back on the next change.
      this.disk = undefined;
      return;
    }
    await this.readSidecar();
    this.notify();
  }

  /**
   * (Re-)reads the sidecar from disk. Offsets in the sidecar refer to the article as saved,
   * so a dirty article is read against its text on disk and re-attached.
   */
  private async readSidecar(): Promise<void> {
    const { host } = this.context;
    const doc = this.doc;
    const source = await host.readSidecar(doc.uri);
    const bufferText = doc.text;
    const diskText = doc.isDirty ? ((await host.readArticle(doc.uri)) ?? bufferText) : bufferText;
    if (source === undefined) {
      this.annotations = emptyAnnotations(doc.name);
      this.problems = [];
      this.disk = undefined;
      return;
    }
    if (isUnreadable(source)) {
      this.block(source.problems, source.fingerprint);
      this.disk = undefined;
      return;
    }
    // Shown from the fast read; the Document that keeps comments is parsed when first written.
    const result = decodeSidecar(source, diskText, { ...host.decodeOptions(), lazyDocument: true });
    this.problems = result.problems;
    const disk = diskStateOf(source, result);
    if (!result.annotations || !disk) {
      this.block(result.problems, sha256(source));
      this.disk = undefined;
      return;
    }
    const annotations = result.annotations;
    this.disk = disk;
    if (result.stale || diskText !== bufferText) {
      // The article changed outside Newsmark (or has unsaved edits): find every anchor again.
      reattachAnnotations(bufferText, annotations);
      this.markPending();
    }
    this.annotations = annotations;
    if (this.pendingWrite && !doc.isDirty) {
      this.scheduleWrite();
    }
  }

  /** The sidecar cannot be read: show nothing, change nothing, and say why. */
  private block(problems: SidecarProblem[], fingerprint: string): void {
    this.problems = problems;
    this.annotations = undefined;
    const name = this.doc.name;
    const article = this.uri;
    this.context.reportUnreadableOnce(`${article}#${fingerprint}`, () => {
      const errors = problems.filter((p) => p.severity === 'error');
      const first = errors[0] ?? problems[0] ?? { line: 1, column: 1, message: 'it cannot be read.' };
      const message =
        `Newsmark cannot read the annotations of ${name}: ${sidecarNameFor(name)} has ` +
        `${errors.length === 1 ? 'a problem' : `${errors.length} problems`} (line ${first.line}, column ${first.column}: ${first.message}) ` +
        'Newsmark will not change that file until it is fixed.';
      this.context.host.report({ kind: 'unreadable', article, message, line: first.line, column: first.column });
    });
  }

  /**
   * Once a burst of changes settles: a document that is clean again without having been
   * saved holds the file on disk, reloaded after another program changed it (or undone back
   * to it). Shifting only gave hints then, so every anchor is found again, and the sidecar
   * written to match. (The change event's own dirty flag is not reliable for telling this.)
   */
  private scheduleSettledCheck(): void {
    const { host } = this.context;
    let settle = this.settle;
    if (settle) {
      host.clearTimer(settle.timer);
    } else {
      let resolve = () => {};
      const fired = new Promise<void>((r) => (resolve = r));
      settle = this.settle = { timer: undefined, fired, resolve };
    }
    const current = settle;
    current.timer = host.setTimer(SETTLE_DELAY_MS, () => {
      this.settle = undefined;
      this.settled();
      current.resolve();
    });
  }

  private settled(): void {
    const doc = this.doc;
    const inserted = this.inserted;
    this.inserted = false;
    if (doc.isClosed || !this.annotations) {
      return;
    }
    // A whole-text replacement (pasting a new version of the article) is an outside change too.
    if (this.reattachPending || (!doc.isDirty && doc.version !== this.savedVersion)) {
      this.reattachPending = false;
      reattachAnnotations(doc.text, this.annotations);
      if (!doc.isDirty) {
        this.savedVersion = doc.version;
      }
      this.notify();
    } else if (inserted && refindOrphans(doc.text, this.annotations) > 0) {
      this.markPending();
      this.notify();
    }
    if (!doc.isDirty) {
      this.scheduleWrite();
    }
  }

  /** Tells listeners now of anchors moved by typing since they last heard (a flush does not wait for the pause). */
  notifyMoves(): void {
    this.clearMovesTimer();
    if (this.movedUnnotified && !this.doc.isClosed) {
      this.notify(true);
    }
  }

  private clearMovesTimer(): void {
    if (this.movesTimer !== undefined) {
      this.context.host.clearTimer(this.movesTimer);
      this.movesTimer = undefined;
    }
  }

  private markPending(): void {
    this.pendingWrite = true;
    this.revision++;
  }

  private notify(movesOnly = false): void {
    if (!movesOnly) {
      this.changes++;
    }
    this.movedUnnotified = false;
    this.context.notify(this.uri);
  }

  /** Queues a write after the ones already under way; it writes only what matches the file on disk. */
  private scheduleWrite(): void {
    const next = (this.writing ?? Promise.resolve())
      .then(async () => {
        // A dirty article is written when saved.
        const doc = this.doc;
        if (doc.isDirty || !this.pendingWrite || doc.isClosed) {
          return;
        }
        await this.write(doc.text);
      })
      .catch((err: unknown) => this.reportWriteFailure(err))
      .finally(() => {
        if (this.writing === next) {
          this.writing = undefined;
        }
      });
    this.writing = next;
  }

  /** Writes the sidecar atomically, first merging any change made to it on disk since it was read. */
  private async write(articleText: string): Promise<void> {
    if (!this.annotations) {
      return;
    }
    let revision = this.revision;
    const started = this.annotations;
    const outcome = await writeMerged(this.context.host, {
      article: this.uri,
      name: this.doc.name,
      articleText,
      base: this.disk,
      // Read right before encoding: the revision then says what the written text includes.
      ours: () => {
        revision = this.revision;
        return this.annotations ?? started;
      },
      adopt: (merged) => {
        this.annotations = merged;
        this.notify();
      },
    });
    switch (outcome.kind) {
      case 'written':
        this.disk = outcome.disk;
        (this.annotations ?? outcome.annotations).article.sha256 = sha256(articleText);
        // A change made while this write was under way is written by the write it scheduled.
        this.pendingWrite = this.revision !== revision;
        if (JSON.stringify(this.problems) !== JSON.stringify(outcome.problems)) {
          // A resolved merge conflict's warning goes from the Problems panel once the sidecar no longer holds it.
          this.problems = outcome.problems;
          this.notify();
        }
        return;
      case 'unreadable':
        this.block(outcome.problems, outcome.fingerprint);
        this.notify();
        return;
      case 'undecided':
        return; // Decide later: nothing is written, nothing is lost.
      case 'contended':
        throw new Error(`${sidecarNameFor(this.doc.name)} kept changing on disk while Newsmark was writing it; try again.`);
    }
  }

  private reportWriteFailure(err: unknown): void {
    const reason = err instanceof Error ? err.message : String(err);
    const message = `Newsmark could not save the annotations of ${this.doc.name}: ${reason}`;
    this.context.host.report({ kind: 'write-failed', article: this.uri, message });
  }
}
