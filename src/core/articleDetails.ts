// The article's own details in the sidecar — web address, headline, publisher, date published — checked and set as one change.

import type { ArticleInfo } from './model';

/** What Set Article Details fills; an empty text removes the detail. */
export interface ArticleDetails {
  url?: string;
  title?: string;
  publisher?: string;
  published?: string;
}

export const ARTICLE_DETAIL_KEYS = ['url', 'title', 'publisher', 'published'] as const;

/** Why an article's web address is refused, or undefined when it is fine; empty is fine (no address). */
export function checkArticleUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) {
    return undefined;
  }
  if (/^https?:\/\/$/i.test(trimmed)) {
    return 'Type or paste the rest of the address after https://.';
  }
  if (/\s/.test(trimmed)) {
    return 'A web address cannot contain spaces.';
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return 'That is not a complete web address: paste the article’s address as the browser shows it, starting with https://.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return 'The article’s address must start with https:// or http://, the way readers open it.';
  }
  return undefined;
}

/** Why a date published is refused, or undefined when it is fine; empty is fine (not known). */
export function checkPublished(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) {
    return undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  // Date.UTC rolls 2026-02-30 over to March; a real date reads back as itself.
  const real = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === trimmed;
  return real ? undefined : 'A date looks like 2026-11-28 (year, month, day).';
}

/**
 * The headline proposed for an article: its first line with text, without a Markdown
 * heading's # marks, emphasis around it, or surrounding white space.
 */
export function proposedHeadline(text: string): string {
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const headline = line
      .trim()
      .replace(/^#{1,6}(\s+|$)/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/^([*_]{1,3})(.+)\1$/, '$2')
      .trim();
    if (headline) {
      return headline;
    }
  }
  return '';
}

/** The first problem with the details, in the user's words, or undefined when they can be set. */
export function checkArticleDetails(details: ArticleDetails): string | undefined {
  for (const key of ARTICLE_DETAIL_KEYS) {
    if (details[key] !== undefined && typeof details[key] !== 'string') {
      return `The article's ${key} must be text.`;
    }
  }
  return (details.url !== undefined ? checkArticleUrl(details.url) : undefined) ?? (details.published !== undefined ? checkPublished(details.published) : undefined);
}

/**
 * Sets the details given (trimmed; empty removes one, absent leaves it as it is). Throws,
 * changing nothing, when one is refused, so a bad value never reaches the sidecar.
 * Returns whether anything changed.
 */
export function setArticleDetails(article: ArticleInfo, details: ArticleDetails): boolean {
  const problem = checkArticleDetails(details);
  if (problem) {
    throw new Error(problem);
  }
  let changed = false;
  for (const key of ARTICLE_DETAIL_KEYS) {
    const given = details[key];
    if (given === undefined) {
      continue;
    }
    const value = given.replace(/\s+/g, ' ').trim() || undefined;
    if (article[key] !== value) {
      changed = true;
      if (value === undefined) {
        delete article[key];
      } else {
        article[key] = value;
      }
    }
  }
  return changed;
}

/** The W3C and ClaimReview outputs use an address only when it is one readers can open. */
export function articleWebAddress(article: ArticleInfo): string | undefined {
  return article.url !== undefined && checkArticleUrl(article.url) === undefined && article.url.trim() ? article.url.trim() : undefined;
}

/** A date published that is a real YYYY-MM-DD date, else undefined. */
export function articlePublished(article: ArticleInfo): string | undefined {
  return article.published && checkPublished(article.published) === undefined ? article.published.trim() : undefined;
}
