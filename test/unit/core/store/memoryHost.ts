// An in-memory disk, user, clock and documents for testing the store core without an editor.

import type { TextEdit } from '../../../../src/core/edits';
import type {
  ArticleDocument,
  ConflictChoice,
  ConflictQuestion,
  SidecarRead,
  StoreHost,
  StoreReport,
  Timer,
  UnreadableSidecar,
  WriteAnswer,
} from '../../../../src/core/store';
import { SIDECAR_SUFFIX } from '../../../../src/core/sidecar';

interface PendingTimer {
  due: number;
  callback: () => void;
}

/** Timers that fire only when the test moves the clock, so no test sleeps. */
export class FakeClock {
  now = 0;
  private readonly timers = new Set<PendingTimer>();

  set(ms: number, callback: () => void): Timer {
    const timer = { due: this.now + ms, callback };
    this.timers.add(timer);
    return timer;
  }

  clear(timer: Timer): void {
    this.timers.delete(timer as PendingTimer);
  }

  /** Moves time on, firing every timer that falls due, earliest first. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.timers].filter((t) => t.due <= until).sort((a, b) => a.due - b.due)[0];
      if (!next) {
        break;
      }
      this.timers.delete(next);
      this.now = next.due;
      next.callback();
    }
    this.now = until;
  }
}

export class MemoryHost implements StoreHost {
  /** Files by path: articles under their own key, sidecars under the article's key plus the suffix. */
  readonly files = new Map<string, string | UnreadableSidecar>();
  readonly writes: { path: string; text: string }[] = [];
  readonly reports: StoreReport[] = [];
  readonly questions: ConflictQuestion[] = [];
  /** Answers given to the next questions, in order; undefined (decide later) when none is left. */
  readonly answers: ConflictChoice[] = [];
  readonly clock = new FakeClock();
  /** Runs while a question is open, as a change made by the user or a reload would. */
  whileAsking?: () => void;
  /** Runs inside the next sidecar write, just before the compare and the rename. */
  duringNextWrite?: () => void | Promise<void>;
  private gate?: { wait: Promise<void>; arrive: () => void };

  sidecar(article: string): string | undefined {
    const found = this.files.get(article + SIDECAR_SUFFIX);
    return typeof found === 'string' ? found : undefined;
  }

  /**
   * Holds every sidecar write, once encoded, until `release` is called; `arrived` resolves
   * when the first one is waiting, so a test can change things while a write is under way.
   */
  holdWrites(): { arrived: Promise<void>; release: () => void } {
    let release = () => {};
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    this.gate = { wait: new Promise<void>((resolve) => (release = resolve)), arrive };
    return {
      arrived,
      release: () => {
        this.gate = undefined;
        release();
      },
    };
  }

  async readSidecar(article: string): Promise<SidecarRead> {
    await Promise.resolve();
    return this.files.get(article + SIDECAR_SUFFIX);
  }

  async readArticle(article: string): Promise<string | undefined> {
    await Promise.resolve();
    const text = this.files.get(article);
    return typeof text === 'string' ? text : undefined;
  }

  async writeSidecar(article: string, text: string, expected: string | undefined): Promise<WriteAnswer> {
    if (this.gate) {
      this.gate.arrive();
      await this.gate.wait;
    }
    const during = this.duringNextWrite;
    this.duringNextWrite = undefined;
    await during?.();
    const path = article + SIDECAR_SUFFIX;
    if (this.files.get(path) !== expected) {
      return 'changed';
    }
    this.files.set(path, text);
    this.writes.push({ path, text });
    return 'written';
  }

  async ask(question: ConflictQuestion): Promise<ConflictChoice> {
    this.questions.push(question);
    await Promise.resolve();
    this.whileAsking?.();
    return this.answers.shift();
  }

  report(report: StoreReport): void {
    this.reports.push(report);
  }

  decodeOptions() {
    return {};
  }

  setTimer(ms: number, callback: () => void): Timer {
    return this.clock.set(ms, callback);
  }

  clearTimer(timer: Timer): void {
    this.clock.clear(timer);
  }
}

/** An article open in a pretend editor, saved to and reverted from the memory host's disk. */
export class MemoryDocument implements ArticleDocument {
  text: string;
  version = 1;
  isDirty = false;
  isClosed = false;

  constructor(
    private readonly host: MemoryHost,
    readonly uri: string,
    text: string,
  ) {
    this.text = text;
    host.files.set(uri, text);
  }

  get name(): string {
    return this.uri.slice(this.uri.lastIndexOf('/') + 1);
  }

  /** Replaces `length` characters at `offset`, as typing does; returns the edit for the store. */
  edit(offset: number, length: number, text: string): TextEdit[] {
    this.text = this.text.slice(0, offset) + text + this.text.slice(offset + length);
    this.version++;
    this.isDirty = this.text !== this.host.files.get(this.uri);
    return [{ offset, length, text }];
  }

  /** Another program changed the file and the editor reloaded it: one whole-text edit, clean. */
  reloadFromDisk(text: string): TextEdit[] {
    this.host.files.set(this.uri, text);
    const edits = this.edit(0, this.text.length, text);
    this.isDirty = false;
    return edits;
  }

  save(): void {
    this.host.files.set(this.uri, this.text);
    this.isDirty = false;
  }

  close(): void {
    this.isClosed = true;
  }
}
