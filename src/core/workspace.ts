// Actors across the articles of a workspace: the same person or organisation in several sidecars is one entry.

import type { Actor, Annotations } from './model';

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
  const withWikidata = articles.flatMap((a) => a.annotations.actors.filter((x) => x.wikidata).map((actor) => ({ article: a.article, actor })));
  const without = articles.flatMap((a) => a.annotations.actors.filter((x) => !x.wikidata).map((actor) => ({ article: a.article, actor })));
  for (const item of [...withWikidata, ...without]) {
    const names = [item.actor.name, ...(item.actor.aliases ?? [])].map((n) => `name:${normaliseName(n)}`);
    const keys = item.actor.wikidata ? [`wikidata:${item.actor.wikidata}`] : names;
    let group = keys.map((k) => byKey.get(k)).find(Boolean);
    if (!group) {
      group = { key: keys[0], name: item.actor.name, type: item.actor.type, wikidata: item.actor.wikidata, appearances: [] };
      groups.push(group);
    }
    group.appearances.push(item);
    for (const k of item.actor.wikidata ? [...keys, ...names] : keys) {
      if (!byKey.has(k)) {
        byKey.set(k, group);
      }
    }
  }
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}
