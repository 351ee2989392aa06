// Citations of a claim's sources as plain text, the way a fact-check lists its evidence.

import type { Source } from './model';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * One source as a web citation:
 * `Title. site.org. Accessed 28 November 2026. https://… (archived at https://web.archive.org/…)`
 * Addresses come last and get no full stop after them, so copying one never picks up
 * punctuation. Parts the source lacks are left out, never written as placeholders.
 */
export function formatCitation(source: Source): string {
  const parts: string[] = [];
  const title = source.title?.replace(/\s+/g, ' ').trim();
  const site = siteName(source.url);
  if (title) {
    parts.push(title);
  }
  // A title that already names the site ("… | Reuters") would repeat it.
  if (site && !(title && title.toLowerCase().includes(site.toLowerCase()))) {
    parts.push(site);
  }
  if (source.accessed) {
    parts.push(`Accessed ${readableDate(source.accessed)}`);
  }
  const address = source.archived ? `${source.url.trim()} (archived at ${source.archived.trim()})` : source.url.trim();
  return [...parts.map(sentence), address].join(' ');
}

/** Several sources, numbered, one per line. A single source is not numbered. */
export function formatCitations(sources: readonly Source[]): string {
  if (sources.length === 1) {
    return formatCitation(sources[0]);
  }
  return sources.map((s, i) => `${i + 1}. ${formatCitation(s)}`).join('\n');
}

/** The host without "www.", which is how readers name a website. */
export function siteName(url: string): string | undefined {
  try {
    return new URL(url.trim()).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** YYYY-MM-DD as "28 November 2026": day-month-year cannot be misread the way 11/28 and 28/11 are. */
export function readableDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) {
    return iso;
  }
  const month = MONTHS[Number(m[2]) - 1];
  const day = Number(m[3]);
  return month && day >= 1 && day <= 31 ? `${day} ${month} ${m[1]}` : iso;
}

/** Ends a part with a full stop unless it already ends a sentence. */
function sentence(part: string): string {
  return /[.!?]$/.test(part) ? part : `${part}.`;
}
