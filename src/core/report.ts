// Reports for editors and spreadsheets: a Markdown fact-check report of one article, and a CSV of claims.

import { bratFragments } from './brat';
import { claimedWords } from './claimreview';
import { isWebAddress } from './describe';
import { articlePublished } from './articleDetails';
import { type Actor, type Annotations, anchorState, type ArticleInfo, CLAIM_STATUS_LABELS, CLAIM_STATUSES, type Claim } from './model';
import { CodePointIndex } from './offsets';
import { count, foldLineBreaks, oneLine, showControls, splitLines } from './text';
import { DEFAULT_VERDICT_SCALE, findVerdict, type VerdictScale, verdictLabel } from './verdicts';

export interface ReportOptions {
  verdicts?: VerdictScale;
}

export interface ArticleForReport {
  annotations: Annotations;
  text: string;
}

/**
 * A fact-check report of one article: a summary by status and verdict, each claim with its
 * claimant, verdict, sources and notes, and the claimants with what they claimed.
 */
export function exportMarkdownReport(annotations: Annotations, text: string, options: ReportOptions = {}): string {
  const scale = options.verdicts ?? DEFAULT_VERDICT_SCALE;
  const { article } = annotations;
  const fragments = bratFragments(annotations, text);
  const actorById = new Map(annotations.actors.map((a) => [a.id, a]));
  const claims = [...annotations.claims].sort((a, b) => order(a) - order(b));
  const out: string[] = [];

  out.push(`# Fact-check report: ${inline(article.title ?? article.file)}`, '');
  out.push(article.url && isWebAddress(article.url) ? `Article: ${linked(article.title ?? article.file, article.url)} (${code(article.file)})` : `Article: ${code(article.file)}`, '');
  const byline = publication(article);
  if (byline) {
    out.push(byline, '');
  }

  if (!claims.length) {
    out.push('No claims are marked in this article yet.', '');
    return out.join('\n');
  }
  const byStatus = CLAIM_STATUSES.map((s) => [s, claims.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  out.push(`${count(claims.length, 'claim')}: ${byStatus.map(([s, n]) => `${n} ${CLAIM_STATUS_LABELS[s].toLowerCase()}`).join(', ')}.`, '');
  const verdicts = new Map<string, number>();
  for (const c of claims) {
    if (c.verdict !== undefined) {
      verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
    }
  }
  if (verdicts.size) {
    // Verdicts in scale order, best first, then any the scale does not know.
    const known = scale.verdicts.map((v) => v.id).filter((id) => verdicts.has(id));
    const unknown = [...verdicts.keys()].filter((id) => !findVerdict(scale, id)).sort();
    out.push('| Verdict | Claims |', '| --- | ---: |');
    for (const id of [...known, ...unknown]) {
      out.push(`| ${inline(verdictLabel(scale, id))} | ${verdicts.get(id)} |`);
    }
    out.push('');
  }

  out.push('## Claims', '');
  claims.forEach((claim, i) => {
    out.push(`### ${i + 1}. “${inline(claimedWords(claim, text, fragments.get(claim.anchor)))}”`, '');
    const claimant = claim.claimant ? actorById.get(claim.claimant) : undefined;
    out.push(`- **Claimant:** ${claimant ? `${inline(claimant.name)}${wikidataOf(claimant) ? ` (${linked(wikidataOf(claimant)!, wikidataPage(claimant))})` : ''}` : 'the article itself'}`);
    out.push(`- **Status:** ${CLAIM_STATUS_LABELS[claim.status]}`);
    out.push(`- **Verdict:** ${claim.verdict !== undefined ? inline(verdictLabel(scale, claim.verdict)) : 'none yet'}`);
    const state = anchorState(claim.anchor, text);
    if (state === 'orphaned') {
      out.push('- **Attention:** the claim’s text was not found in the current article.');
    } else if (state === 'changed') {
      out.push(`- **Attention:** the wording changed since the claim was marked; it was “${inline(claim.anchor.quote)}”.`);
    }
    if (claim.sources.length) {
      out.push('- **Sources:**');
      for (const s of claim.sources) {
        const details = [s.archived ? linked('archived', s.archived) : '', s.accessed ? `accessed ${inline(s.accessed)}` : ''].filter(Boolean);
        out.push(`  - ${linked(s.title ?? s.url, s.url)}${details.length ? ` (${details.join(', ')})` : ''}`);
      }
    } else {
      out.push('- **Sources:** none yet');
    }
    if (claim.notes?.trim()) {
      // Blank lines would end the list item, so the report leaves them out; the sidecar keeps them.
      const lines = splitLines(claim.notes).filter((l) => l.trim() !== '');
      out.push(`- **Notes:** ${lines.map(noteLine).join('  \n  ')}`);
    }
    out.push('');
  });

  const claimants = annotations.actors.filter((a) => claims.some((c) => c.claimant === a.id));
  const unattributed = claims.filter((c) => !c.claimant || !actorById.has(c.claimant)).length;
  if (claimants.length || unattributed) {
    out.push('## Claimants', '', '| Claimant | Claims | Verdicts |', '| --- | ---: | --- |');
    const row = (name: string, own: Claim[]) => {
      const given = own.filter((c) => c.verdict !== undefined).map((c) => verdictLabel(scale, c.verdict!));
      out.push(`| ${name} | ${own.length} | ${given.length ? inline(given.join(', ')) : '—'} |`);
    };
    for (const a of claimants) {
      row(linked(a.name, wikidataPage(a)), claims.filter((c) => c.claimant === a.id));
    }
    if (unattributed) {
      row('*the article itself*', claims.filter((c) => !c.claimant || !actorById.has(c.claimant)));
    }
    out.push('');
  }
  return out.join('\n');
}

/** The CSV's columns; offsets are code points, as in the sidecar. */
export const CSV_COLUMNS = [
  'article',
  'claim_id',
  'claim',
  'claimant',
  'claimant_wikidata',
  'status',
  'verdict',
  'verdict_label',
  'rating_value',
  'sources',
  'notes',
  'start',
  'end',
  'anchor_state',
] as const;

/**
 * The claims of one or more articles as CSV (RFC 4180: CRLF line breaks, fields quoted when
 * they hold a comma, quote or line break), one header for all, so a newsroom can gather a
 * whole repository into one sheet.
 */
export function exportClaimsCsv(articles: readonly ArticleForReport[], options: ReportOptions = {}): string {
  const scale = options.verdicts ?? DEFAULT_VERDICT_SCALE;
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const { annotations, text } of articles) {
    const index = new CodePointIndex(text);
    const fragments = bratFragments(annotations, text);
    const actorById = new Map(annotations.actors.map((a) => [a.id, a]));
    for (const claim of [...annotations.claims].sort((a, b) => order(a) - order(b))) {
      const claimant = claim.claimant ? actorById.get(claim.claimant) : undefined;
      const verdict = findVerdict(scale, claim.verdict);
      const state = anchorState(claim.anchor, text);
      rows.push([
        annotations.article.file,
        claim.id,
        claimedWords(claim, text, fragments.get(claim.anchor)),
        claimant?.name ?? '',
        claimant?.wikidata ?? '',
        claim.status,
        claim.verdict ?? '',
        claim.verdict !== undefined ? verdictLabel(scale, claim.verdict) : '',
        verdict ? verdict.ratingValue : '',
        claim.sources.map((s) => s.url).join(' '),
        claim.notes ?? '',
        (state === 'orphaned' ? undefined : index.toCodePoint(claim.anchor.start)) ?? '',
        (state === 'orphaned' ? undefined : index.toCodePoint(claim.anchor.end)) ?? '',
        state,
      ]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV field. Text, from the sidecar or the article alike, never reaches a spreadsheet as a
 * formula: a field beginning with =, +, -, @, tab, CR or LF gets a leading apostrophe and is
 * quoted (OWASP's rule for CSV injection), and bidirectional controls are shown. Numbers
 * Newsmark computes (ratings, offsets) are written as numbers, so a rating of -1 stays -1.
 */
function csvField(value: string | number): string {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : csvField(String(value));
  }
  const text = showControls(value);
  if (/^[=+\-@\t\r\n]/.test(text)) {
    return `"'${text.replace(/"/g, '""')}"`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Reading order; orphaned claims, which have no place, last. */
function order(claim: Claim): number {
  return claim.anchor.orphaned ? Number.MAX_SAFE_INTEGER : claim.anchor.start;
}

/** "Published by Example News on 2026-11-20.", from what the sidecar knows of the article. */
function publication(article: ArticleInfo): string | undefined {
  const publisher = article.publisher?.trim();
  const date = articlePublished(article);
  if (!publisher && !date) {
    return undefined;
  }
  return `Published${publisher ? ` by ${inline(publisher)}` : ''}${date ? ` on ${inline(date)}` : ''}.`;
}

/**
 * Text from an article or a fact-checker, shown as itself rather than read as Markdown or
 * HTML: on one line (so it stays in its table cell or list item), with every character
 * Markdown or HTML gives a meaning escaped and bidirectional controls shown.
 */
function inline(text: string): string {
  return showControls(foldLineBreaks(text).replace(/\s+/g, ' ').replace(/[\\`*_[\]{}<>#|!~&]/g, (c) => `\\${c}`));
}

/** One line of notes, which starts a line of the report: a leading -, +, =, > or "1." would start a list, heading or quote. */
function noteLine(text: string): string {
  return inline(text.trim()).replace(/^([-+=>]|\d+(?=[.)]))/, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/**
 * A code span that holds any text: fenced with more backticks than the longest run inside
 * (CommonMark's rule), padded where the text begins or ends with a backtick or space, on one line.
 */
function code(text: string): string {
  const line = oneLine(text);
  const fence = '`'.repeat(Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^[` ]|[` ]$/.test(line) ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A link only to a web address; anything else (`javascript:`, `file:`) is shown as text. */
function linked(label: string, url: string | undefined): string {
  return url && isWebAddress(url) ? `[${inline(label)}](${link(url)})` : inline(label);
}

function wikidataOf(actor: Actor): string | undefined {
  return actor.wikidata && /^Q[1-9]\d*$/.test(actor.wikidata) ? actor.wikidata : undefined;
}

function wikidataPage(actor: Actor): string | undefined {
  const id = wikidataOf(actor);
  return id ? `https://www.wikidata.org/wiki/${id}` : undefined;
}

/** A URL safe inside Markdown's (…): parentheses, spaces, angle brackets and backslashes would end, break or change the link. */
function link(url: string): string {
  return url.replace(/[()\s<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
