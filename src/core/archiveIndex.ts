// The workspace index in memory: every article's record, a prebuilt index of normalised actor names for Go to Symbol, and the actors grouped across articles.

import { type ArticleRecord, type IndexedActor } from './indexRecords';
import { groupAppearances, interner, normaliseName, symbolMatcher, type WorkspaceGroup } from './workspace';

/**
 * The most symbols a Go to Symbol query returns: the editor shows a screenful and narrows
 * as the user types, and a one-letter query on an archive matches hundreds of thousands.
 */
export const SYMBOL_LIMIT = 1000;

/** An article's actor, found through the index. */
export interface Appearance {
  record: ArticleRecord;
  actor: IndexedActor;
}

/**
 * Records by article, in two layers: what was read from disk, and the live state of
 * articles open in the editor, which wins while they are open.
 */
export class ArchiveIndex {
  private readonly onDisk = new Map<string, ArticleRecord>();
  private readonly open = new Map<string, ArticleRecord>();
  /** Normalised name or alias → the appearances that carry it, kept current on every change. */
  private readonly byName = new Map<string, Set<Appearance>>();
  /** Each article's entries in byName, to take them out again when it changes. */
  private readonly named = new Map<string, { key: string; appearance: Appearance }[]>();
  /** Normalising is the costly part of indexing a name; the same names recur in every article. */
  private readonly normalised = new Map<string, string>();
  /** Names and types read on worker threads arrive as copies; one string for equal ones. */
  private readonly intern = interner();
  private grouped: WorkspaceGroup<IndexedActor>[] | undefined;
  private groupedOf: Map<string, WorkspaceGroup<IndexedActor>> | undefined;

  /** Sets (or, with undefined, removes) an article's record read from disk. */
  setOnDisk(article: string, record: ArticleRecord | undefined): void {
    this.setIn(this.onDisk, article, record);
  }

  /** Sets (or removes) the live record of an article open in the editor. */
  setOpen(article: string, record: ArticleRecord | undefined): void {
    this.setIn(this.open, article, record);
  }

  /** The record in effect for an article: the open one, else the one from disk. */
  get(article: string): ArticleRecord | undefined {
    return this.open.get(article) ?? this.onDisk.get(article);
  }

  /** The record read from disk, whether or not the article is open. */
  getOnDisk(article: string): ArticleRecord | undefined {
    return this.onDisk.get(article);
  }

  hasOnDisk(article: string): boolean {
    return this.onDisk.has(article);
  }

  /** Every record in effect. */
  *records(): IterableIterator<ArticleRecord> {
    yield* this.open.values();
    for (const [article, record] of this.onDisk) {
      if (!this.open.has(article)) {
        yield record;
      }
    }
  }

  get size(): number {
    let n = this.open.size;
    for (const article of this.onDisk.keys()) {
      n += this.open.has(article) ? 0 : 1;
    }
    return n;
  }

  /**
   * The appearances whose name or an alias matches a Go to Symbol query (letters in order),
   * at most `limit`: the distinct names are tested, not the appearances, which repeat them.
   */
  search(query: string, limit: number): Appearance[] {
    const matches = symbolMatcher(query);
    const out = new Set<Appearance>();
    for (const [name, appearances] of this.byName) {
      if (!matches(name)) {
        continue;
      }
      for (const appearance of appearances) {
        out.add(appearance);
        if (out.size >= limit) {
          return [...out];
        }
      }
    }
    return [...out];
  }

  /** The actors grouped across articles, as groupActors does; kept until anything changes. */
  groups(): WorkspaceGroup<IndexedActor>[] {
    this.grouped ??= groupAppearances([...this.records()].flatMap((record) => record.actors.map((actor) => ({ article: record.article, actor }))));
    return this.grouped;
  }

  /** The workspace entry of an article's actor. */
  groupOf(article: string, actorId: string): WorkspaceGroup<IndexedActor> | undefined {
    if (!this.groupedOf) {
      this.groupedOf = new Map();
      for (const group of this.groups()) {
        for (const { article: a, actor } of group.appearances) {
          this.groupedOf.set(`${a}#${actor.id}`, group);
        }
      }
    }
    return this.groupedOf.get(`${article}#${actorId}`);
  }

  private setIn(layer: Map<string, ArticleRecord>, article: string, record: ArticleRecord | undefined): void {
    const before = this.get(article);
    if (record) {
      for (const actor of record.actors) {
        actor.name = this.intern(actor.name);
        actor.type = this.intern(actor.type);
      }
      layer.set(article, record);
    } else {
      layer.delete(article);
    }
    const after = this.get(article);
    if (before !== after) {
      this.unname(article);
      if (after) {
        this.name(after);
      }
      this.grouped = undefined;
      this.groupedOf = undefined;
    }
  }

  private name(record: ArticleRecord): void {
    const entries: { key: string; appearance: Appearance }[] = [];
    for (const actor of record.actors) {
      const appearance = { record, actor };
      for (const name of actor.aliases?.length ? new Set([actor.name, ...actor.aliases]) : [actor.name]) {
        const key = this.normalise(name);
        let set = this.byName.get(key);
        if (!set) {
          set = new Set();
          this.byName.set(key, set);
        }
        set.add(appearance);
        entries.push({ key, appearance });
      }
    }
    this.named.set(record.article, entries);
  }

  private unname(article: string): void {
    for (const { key, appearance } of this.named.get(article) ?? []) {
      const set = this.byName.get(key);
      set?.delete(appearance);
      if (set?.size === 0) {
        this.byName.delete(key);
      }
    }
    this.named.delete(article);
  }

  private normalise(name: string): string {
    let key = this.normalised.get(name);
    if (key === undefined) {
      key = normaliseName(name);
      this.normalised.set(name, key);
    }
    return key;
  }
}
