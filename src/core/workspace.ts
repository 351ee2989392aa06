// Actors across the articles of a workspace: the same person or organisation in several sidecars is one entry.

import { reattachAnnotations } from './anchoring';
import { sha256 } from './hash';
import type { Actor, Annotations } from './model';
import { decodeSidecar, type DecodeOptions, encodeSidecar, type SidecarProblem } from './sidecar';

export interface ArticleAnnotations {
  /** The article's URI (or path), as the caller names it. */
  article: string;
  annotations: Annotations;
}

export interface WorkspaceActor {
  /** wikidata:Q… or name:<normalised name>; stable across articles. */
  key: string;
  name: string;
  type: string;
  wikidata?: string;
  appearances: { article: string; actor: Actor }[];
}

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
  const groups: WorkspaceActor[] = [];
  const byKey = new Map<string, WorkspaceActor>();
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
  const withWikidata: { article: string; actor: Actor }[] = [];
  const without: { article: string; actor: Actor }[] = [];
  for (const a of articles) {
    for (const actor of a.annotations.actors) {
      (actor.wikidata ? withWikidata : without).push({ article: a.article, actor });
    }
  }
  const join = (item: { article: string; actor: Actor }) => {
    const { actor } = item;
    const nameKey = keyOf(actor.name);
    const aliasKeys = actor.aliases?.length ? actor.aliases.map(keyOf) : [];
    const idKey = actor.wikidata ? `wikidata:${actor.wikidata}` : undefined;
    let group = idKey ? byKey.get(idKey) : (byKey.get(nameKey) ?? aliasKeys.map((k) => byKey.get(k)).find(Boolean));
    if (!group) {
      group = { key: idKey ?? nameKey, name: actor.name, type: actor.type, wikidata: actor.wikidata, appearances: [] };
      groups.push(group);
    }
    group.appearances.push(item);
    for (const k of [idKey, nameKey, ...aliasKeys]) {
      if (k !== undefined && !byKey.has(k)) {
        byKey.set(k, group);
      }
    }
  };
  // Linked actors first, so an unlinked one with a matching name joins the linked entry.
  withWikidata.forEach(join);
  without.forEach(join);
  const collator = new Intl.Collator();
  return groups.sort((a, b) => collator.compare(a.name, b.name));
}

/** The workspace entry an article's actor belongs to. */
export function groupOf(groups: readonly WorkspaceActor[], article: string, actorId: string): WorkspaceActor | undefined {
  return groups.find((g) => g.appearances.some((a) => a.article === article && a.actor.id === actorId));
}

/**
 * Whether a Go to Symbol query matches a name: its letters in order, ignoring case and
 * accents ("npash" finds "Nikol Pashinyan"), as the editor's own symbol search does.
 */
export function symbolMatches(query: string, name: string): boolean {
  const q = normaliseName(query).replace(/\s+/g, '');
  const n = normaliseName(name);
  let at = 0;
  for (const ch of q) {
    at = n.indexOf(ch, at);
    if (at < 0) {
      return false;
    }
    at++;
  }
  return true;
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

/**
 * Decoded annotations kept between sessions, each under the content of the sidecar and the
 * article it was read from, so opening a workspace again decodes only what changed since.
 * Keyed by content rather than modification time: a checkout or a copy changes times
 * without changing text, and the reverse can happen within a timestamp's resolution.
 */
export class IndexCache {
  /** Bumped whenever decoding changes what it produces, so an older cache is not trusted. */
  static readonly VERSION = 1;
  private readonly entries = new Map<string, { stamp: string; annotations: Annotations }>();
  private changed = false;

  /** The cache written earlier; anything unreadable or from another version starts it empty. */
  static parse(json: string | undefined): IndexCache {
    const cache = new IndexCache();
    try {
      const data = json ? (JSON.parse(json) as { version?: unknown; entries?: unknown }) : undefined;
      if (data?.version === IndexCache.VERSION && data.entries && typeof data.entries === 'object') {
        for (const [key, entry] of Object.entries(data.entries as Record<string, { stamp?: unknown; annotations?: unknown }>)) {
          if (typeof entry?.stamp === 'string' && entry.annotations && typeof entry.annotations === 'object') {
            cache.entries.set(key, { stamp: entry.stamp, annotations: entry.annotations as Annotations });
          }
        }
      }
    } catch {
      // A damaged cache only costs one full read of the workspace.
    }
    return cache;
  }

  /** What a cached entry must match: the sidecar and the article text it was read with. */
  static stamp(sidecarSource: string, articleText: string): string {
    return `${sha256(sidecarSource)}:${sha256(articleText)}`;
  }

  get(key: string, stamp: string): Annotations | undefined {
    const entry = this.entries.get(key);
    return entry?.stamp === stamp ? entry.annotations : undefined;
  }

  set(key: string, stamp: string, annotations: Annotations): void {
    this.entries.set(key, { stamp, annotations });
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

  serialize(): string {
    this.changed = false;
    return JSON.stringify({ version: IndexCache.VERSION, entries: Object.fromEntries(this.entries) });
  }
}
