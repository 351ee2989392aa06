// Actors across the articles of a workspace: the same person or organisation in several sidecars is one entry.

import { reattachAnnotations } from './anchoring';
import { type ArticleRecord, recordFromTuple, recordToTuple, stringTable } from './indexRecords';
import type { Actor, Annotations } from './model';
import { decodeSidecar, type DecodeOptions, encodeSidecar, type SidecarProblem } from './sidecar';

export interface ArticleAnnotations {
  /** The article's URI (or path), as the caller names it. */
  article: string;
  annotations: Annotations;
}

/** What grouping reads of an actor: its names and its Wikidata id. */
export interface GroupedActor {
  id: string;
  name: string;
  type: string;
  wikidata?: string;
  aliases?: readonly string[];
}

/** One actor across the workspace, with each article's actor it stands for. */
export interface WorkspaceGroup<A extends GroupedActor> {
  /** wikidata:Q… or name:<normalised name>; stable across articles. */
  key: string;
  name: string;
  type: string;
  wikidata?: string;
  appearances: { article: string; actor: A }[];
}

export type WorkspaceActor = WorkspaceGroup<Actor>;

/** Folds case, accents and spacing so "Nikol  Pashinyan" and "nikol pashinyan" are one name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Groups actors across articles: by Wikidata id when an actor has one, else by name or
 * alias. An actor without a Wikidata id joins a group with one when a name or alias matches.
 */
export function groupActors(articles: readonly ArticleAnnotations[]): WorkspaceActor[] {
  return groupAppearances(articles.flatMap((a) => a.annotations.actors.map((actor) => ({ article: a.article, actor }))));
}

/** groupActors over any actors that carry names: the index groups its compact records with it. */
export function groupAppearances<A extends GroupedActor>(items: readonly { article: string; actor: A }[]): WorkspaceGroup<A>[] {
  const groups: WorkspaceGroup<A>[] = [];
  const byKey = new Map<string, WorkspaceGroup<A>>();
  // The same names recur in article after article; normalising each once keeps regrouping a large workspace fast.
  const normalised = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = normalised.get(name);
    if (key === undefined) {
      key = `name:${normaliseName(name)}`;
      normalised.set(name, key);
    }
    return key;
  };
  /** The group an actor joins, made if none matches; the same names and id always join the same one. */
  const groupFor = (actor: A) => {
    const nameKey = keyOf(actor.name);
    const aliasKeys = actor.aliases?.length ? actor.aliases.map(keyOf) : [];
    const idKey = actor.wikidata ? `wikidata:${actor.wikidata}` : undefined;
    let group = idKey ? byKey.get(idKey) : (byKey.get(nameKey) ?? aliasKeys.map((k) => byKey.get(k)).find(Boolean));
    if (!group) {
      group = { key: idKey ?? nameKey, name: actor.name, type: actor.type, wikidata: actor.wikidata, appearances: [] };
      groups.push(group);
    }
    for (const k of [idKey, nameKey, ...aliasKeys]) {
      if (k !== undefined && !byKey.has(k)) {
        byKey.set(k, group);
      }
    }
    return group;
  };
  // An archive repeats a few hundred actors in thousands of articles: each distinct set of
  // names is matched once (which group it joins depends only on the names), then looked up.
  const bySignature = new Map<string, WorkspaceGroup<A>>();
  const join = (item: { article: string; actor: A }) => {
    const { actor } = item;
    const signature = `${actor.wikidata ?? ''}\u0000${actor.name}\u0000${actor.aliases?.join('\u0000') ?? ''}`;
    let group = bySignature.get(signature);
    if (!group) {
      group = groupFor(actor);
      bySignature.set(signature, group);
    }
    group.appearances.push(item);
  };
  // Linked actors first, so an unlinked one with a matching name joins the linked entry.
  items.filter((item) => item.actor.wikidata).forEach(join);
  items.filter((item) => !item.actor.wikidata).forEach(join);
  const collator = new Intl.Collator();
  return groups.sort((a, b) => collator.compare(a.name, b.name));
}

/** The workspace entry an article's actor belongs to. */
export function groupOf<A extends GroupedActor>(groups: readonly WorkspaceGroup<A>[], article: string, actorId: string): WorkspaceGroup<A> | undefined {
  return groups.find((g) => g.appearances.some((a) => a.article === article && a.actor.id === actorId));
}

/**
 * Whether a Go to Symbol query matches a name: its letters in order, ignoring case and
 * accents ("npash" finds "Nikol Pashinyan"), as the editor's own symbol search does.
 */
export function symbolMatches(query: string, name: string): boolean {
  return symbolMatcher(query)(normaliseName(name));
}

/** symbolMatches for one query over many names, each already normalised (the index keeps them so). */
export function symbolMatcher(query: string): (normalisedName: string) => boolean {
  const q = [...normaliseName(query).replace(/\s+/g, '')];
  return (n) => {
    let at = 0;
    for (const ch of q) {
      at = n.indexOf(ch, at);
      if (at < 0) {
        return false;
      }
      at++;
    }
    return true;
  };
}

export type SidecarEdit<T> = { text: string; annotations: Annotations; result: T } | { problems: SidecarProblem[] };

/**
 * Changes the sidecar of an article that is not open: reads it against the article text,
 * applies `change`, and writes it back with the comments and layout it had. A sidecar
 * written for an older version of the article has its anchors found again first, as the
 * editor does on opening, so the rewrite never stores stale positions as current ones.
 */
export function editSidecar<T>(
  source: string,
  articleText: string,
  change: (annotations: Annotations) => T,
  options: DecodeOptions = {},
): SidecarEdit<T> {
  const decoded = decodeSidecar(source, articleText, options);
  if (!decoded.annotations || !decoded.document) {
    return { problems: decoded.problems.filter((p) => p.severity === 'error') };
  }
  const annotations = decoded.annotations;
  if (decoded.stale) {
    reattachAnnotations(articleText, annotations);
  }
  const result = change(annotations);
  return { text: encodeSidecar(annotations, articleText, decoded.document), annotations, result };
}

/** When a sidecar and its article were last changed, as the file system tells: sizes and modification times. */
export interface FileStamp {
  /** Sizes and modification times of the sidecar and the article, as one string. */
  seen: string;
  /** The later of the two modification times, in milliseconds. */
  changedAt: number;
}

/**
 * A change within this long of reading may not show in the modification time (its
 * resolution, a clock a little off, a write during the read): such an entry is read
 * again, as git checks a "racily clean" index entry.
 */
export const RACY_MARGIN = 3000;

interface CacheEntry {
  seen: string;
  /** When the files were read (ms since the epoch). */
  readAt: number;
  record: ArticleRecord;
}

/**
 * Index records kept between sessions, so opening a workspace again decodes only what
 * changed since. An entry is trusted by the files' sizes and modification times when they
 * are the same and were well before the entry was read (a checkout that only touches the
 * times costs a read, never a wrong entry); else the sidecar is read again.
 */
export class IndexCache {
  /** Bumped whenever what a record holds changes, so an older cache is not trusted. */
  static readonly VERSION = 5;
  private readonly entries = new Map<string, CacheEntry>();
  private changed = false;

  /** The cache written earlier; anything unreadable or from another version starts it empty. */
  static parse(json: string | undefined): IndexCache {
    const cache = new IndexCache();
    try {
      const data = json ? (JSON.parse(json) as { version?: unknown; strings?: unknown; entries?: unknown }) : undefined;
      const strings = data?.strings;
      if (data?.version !== IndexCache.VERSION || !Array.isArray(data.entries) || !Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) {
        return cache;
      }
      for (const entry of data.entries as unknown[]) {
        const [key, seen, readAt, tuple] = Array.isArray(entry) ? (entry as unknown[]) : [];
        const record = recordFromTuple(tuple, strings as string[]);
        if (typeof key === 'string' && typeof seen === 'string' && typeof readAt === 'number' && record) {
          cache.entries.set(key, { seen, readAt, record });
        }
      }
    } catch {
      // A damaged cache only costs one full read of the workspace.
    }
    return cache;
  }

  /** The record, if the files' stamp says they did not change since it was read. */
  byStamp(key: string, stamp: FileStamp): ArticleRecord | undefined {
    const entry = this.entries.get(key);
    return entry && entry.seen === stamp.seen && stamp.changedAt < entry.readAt - RACY_MARGIN ? entry.record : undefined;
  }

  /** The entry as it is, trusted or not. */
  entry(key: string): Readonly<CacheEntry> | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CacheEntry): void {
    this.entries.set(key, entry);
    this.changed = true;
  }

  delete(key: string): void {
    this.changed = this.entries.delete(key) || this.changed;
  }

  /** Drops entries for sidecars no longer in the workspace. */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of [...this.entries.keys()]) {
      if (!keys.has(key)) {
        this.delete(key);
      }
    }
  }

  /** Whether anything changed since the cache was read or last written. */
  get dirty(): boolean {
    return this.changed;
  }

  get size(): number {
    return this.entries.size;
  }

  serialize(): string {
    this.changed = false;
    const table = stringTable();
    const entries = [...this.entries].map(([key, e]) => [key, e.seen, e.readAt, recordToTuple(e.record, table.of)]);
    return JSON.stringify({ version: IndexCache.VERSION, strings: table.strings, entries });
  }
}

/** One string for equal ones: the same few thousand names and types recur in every record. */
export function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) {
      return known;
    }
    seen.set(s, s);
    return s;
  };
}
