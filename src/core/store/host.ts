// What the annotation store needs from its surroundings (files, the user, timers), so its decisions run without an editor.

import type { TextRead } from '../files';
import type { DecodeOptions, SidecarProblem } from '../sidecar';

/**
 * An open article as the store sees it. Read live: a settle timer looks at `isDirty` and
 * `version` when it fires, not when it was set, so a host hands over a view of its document,
 * not a copy.
 */
export interface ArticleDocument {
  /** The key the article is known by (the editor's URI as a string). */
  readonly uri: string;
  /** The file's name, as the sidecar's `article.file` records it. */
  readonly name: string;
  /** The text as the editor holds it now, saved or not. */
  readonly text: string;
  /**
   * The text's length, when the editor tells it without building the text: then typing makes
   * the text from the one before and the edit, and checks it by this length.
   */
  readonly length?: number;
  /** Grows with every change, so a reload (clean, new version) can be told from a save. */
  readonly version: number;
  readonly isDirty: boolean;
  readonly isClosed: boolean;
}

/**
 * A sidecar the host could not read as text at all (not a regular file, not UTF-8, too
 * large). It is treated like a sidecar with errors: reported, never written over.
 * `fingerprint` tells one bad state from the next, so each is reported once.
 */
export interface UnreadableSidecar {
  readonly problems: SidecarProblem[];
  readonly fingerprint: string;
}

/** What reading a sidecar gives: its text, undefined when there is none, or why it cannot be read. */
export type SidecarRead = string | undefined | UnreadableSidecar;

/**
 * How a write ended. `changed`: the host compared the file just before replacing it and found
 * something other than `expected` there, so it wrote nothing; the store reads again and merges.
 * `{ written }`: written, and this is the text now on disk when the host put it in the file's own
 * form (CRLF line breaks, a byte-order mark), so the next read is known as our own write.
 */
export type WriteAnswer = 'written' | 'changed' | { readonly written: string };

/** The user's answer to a conflict: keep ours, take the file on disk, or undefined to decide later. */
export type ConflictChoice = 'mine' | 'theirs' | undefined;

/** The sidecar was changed outside and some annotations were changed differently on both sides. */
export interface ConflictQuestion {
  readonly article: string;
  readonly message: string;
  /** Ids of the actors and claims changed on both sides. */
  readonly conflicts: readonly string[];
}

/** Something the user must be told; nothing is waiting for an answer. */
export type StoreReport =
  | {
      readonly kind: 'unreadable';
      readonly article: string;
      readonly message: string;
      /** 1-based position of the first error in the sidecar, for a button that opens it there. */
      readonly line: number;
      readonly column: number;
    }
  | { readonly kind: 'write-failed'; readonly article: string; readonly message: string };

/** The files of one article, as the write path needs them. */
export interface SidecarFiles {
  /** The sidecar as it is on disk now. */
  readSidecar(article: string): Promise<SidecarRead>;
  /**
   * Replaces the sidecar atomically. `expected` is the content the write was based on
   * (undefined: no file was there); a host that can compare just before the rename answers
   * `changed` when it differs, and one that cannot simply writes. A refusal (a read-only
   * file) throws, worded for the user.
   */
  writeSidecar(article: string, text: string, expected: string | undefined): Promise<WriteAnswer>;
  /** Asked when a merge cannot decide. */
  ask(question: ConflictQuestion): Promise<ConflictChoice>;
}

/** Everything the store asks of the editor (or of a test). */
export interface StoreHost extends SidecarFiles {
  /** The article as saved on disk (a leading BOM dropped), undefined when it is gone. */
  readArticle(article: string): Promise<string | undefined>;
  report(report: StoreReport): void;
  /** The settings a sidecar is checked against when it is loaded. */
  decodeOptions(): DecodeOptions;
  setTimer(ms: number, callback: () => void): Timer;
  clearTimer(timer: Timer): void;
}

/** Whatever the host's timers return; the store only hands it back. */
export type Timer = unknown;

export function isUnreadable(read: SidecarRead): read is UnreadableSidecar {
  return typeof read === 'object';
}

/** A sidecar read by the file layer, as the store takes it: a file that is not text (not UTF-8, not a file, too large) is unreadable. */
export function sidecarReadOf(read: TextRead): SidecarRead {
  if (read.status === 'missing') {
    return undefined;
  }
  if (read.status === 'ok') {
    return read.text;
  }
  const { problem } = read;
  return { problems: [problem], fingerprint: `${problem.code}:${problem.line}:${problem.column}:${problem.message}` };
}
