// The workspace views of a large archive, a page at a time: the claim groups and orphans counted from the index's records, and which articles the first rows of a row's children come from, so that no view decodes every sidecar.

import type { ArticleRecord } from './indexRecords';

/**
 * Rows shown under a workspace row before a "Show more" row: a screenful many times over,
 * and few enough articles read that a group of an archive opens at once.
 */
export const PAGE_ROWS = 500;

/** Each claim group's placed claims over the records (see claimGroupOf). */
export function claimGroupCounts(records: Iterable<ArticleRecord>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const [group, count] of Object.entries(record.claimGroups)) {
      counts.set(group, (counts.get(group) ?? 0) + count);
    }
  }
  return counts;
}

/** What a row's children need read: the articles for its first rows, and how many rows it has in all. */
export interface Page {
  /** Articles, in the views' order (by name), whose rows make up at least the first `rows` asked for. */
  articles: string[];
  /** Rows from those articles. */
  shown: number;
  /** Rows over every article. */
  total: number;
}

/**
 * The articles whose rows (`rowsOf` each, 0 for none) fill the first `rows` rows, whole
 * articles in order of their names, as the views list them: an article's rows are never split
 * over two pages, so a page may hold a few more rows than asked.
 */
export function pageOf(records: Iterable<ArticleRecord>, rowsOf: (record: ArticleRecord) => number, rows: number): Page {
  const counted: [string, number][] = [];
  let total = 0;
  for (const record of records) {
    const n = rowsOf(record);
    if (n > 0) {
      counted.push([record.article, n]);
      total += n;
    }
  }
  counted.sort(([a], [b]) => compareArticles(a, b));
  const articles: string[] = [];
  let shown = 0;
  for (const [article, n] of counted) {
    if (shown >= rows) {
      break;
    }
    articles.push(article);
    shown += n;
  }
  return { articles, shown, total };
}

/** The order the workspace views list articles in: by their names (URIs), character by character, the same in every locale. */
export function compareArticles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
