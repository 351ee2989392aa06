// Markdown descriptions of actors and claims for hovers; sidecar text is untrusted, so everything from it is escaped.

import { type Actor, type Anchor, type Annotations, type Claim, anchorState, CLAIM_STATUS_LABELS, type Mention } from './model';
import { claimsBy } from './operations';
import { claimProvenance, madeBy } from './provenance';
import { count, foldLineBreaks, showControls, snippet } from './text';

export interface Labels {
  actorType(id: string): string;
  verdict(id: string): string;
  /** Days of who-did-what in the local time zone (the editor's) rather than UTC. */
  timeZone?: 'utc' | 'local';
}

/** Commands a hover may link to; the editor trusts exactly these and no others. */
export const HOVER_COMMANDS = [
  'newsmark.setVerdict',
  'newsmark.setStatus',
  'newsmark.addSource',
  'newsmark.addNote',
  'newsmark.markAllMentions',
  'newsmark.acceptNewWording',
  'newsmark.findSimilarClaims',
] as const;

/**
 * Escapes text for Markdown so a name like `*[x](command:…)*` shows as written and cannot act.
 * Every line break folds to a space (a lone CR would open a code block) and bidirectional
 * controls show as markers instead of reordering the hover.
 */
export function escapeMarkdown(text: string): string {
  return showControls(foldLineBreaks(text).replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:]/g, (c) => `\\${c}`));
}

/** A link only for http(s) addresses; anything else is shown as escaped text. */
export function safeLink(label: string, url: string | undefined): string {
  if (url && isWebAddress(url)) {
    return `[${escapeMarkdown(label)}](${encodeURI(decodeURISafe(url)).replace(/[()]/g, (c) => encodeURIComponent(c))})`;
  }
  return escapeMarkdown(label);
}

export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

function decodeURISafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function commandLink(label: string, command: (typeof HOVER_COMMANDS)[number], args: unknown): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

function quoteSnippet(quote: string, max = 120): string {
  return snippet(quote, max);
}

/** Who made something and when, as a hover line: the name from the sidecar is escaped like any of its text. */
function provenanceLine(text: string | undefined): string | undefined {
  return text ? escapeMarkdown(text[0].toUpperCase() + text.slice(1)) : undefined;
}

/** An actor, as hovering `mention` (one of its mentions) shows it, with who marked that mention. */
export function describeActor(annotations: Annotations, actor: Actor, labels: Labels, articleUri: string, mention?: Mention): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(actor.name)}** — ${escapeMarkdown(labels.actorType(actor.type))}`);
  const marked = provenanceLine(mention && madeBy('marked', snippet(mention.by ?? '', 80) || undefined, mention.at, labels.timeZone));
  if (marked) {
    lines.push(marked);
  }
  if (actor.aliases?.length) {
    lines.push(`Also called: ${actor.aliases.map(escapeMarkdown).join(', ')}`);
  }
  if (actor.wikidata && /^Q[1-9]\d*$/.test(actor.wikidata)) {
    lines.push(`Wikidata: ${safeLink(actor.wikidata, `https://www.wikidata.org/wiki/${actor.wikidata}`)}`);
  }
  const live = actor.mentions.filter((m) => !m.orphaned).length;
  const orphaned = actor.mentions.length - live;
  lines.push(
    `${live} ${live === 1 ? 'mention' : 'mentions'}${orphaned ? ` · ${orphaned} orphaned` : ''} · ` +
      commandLink('Mark all mentions', 'newsmark.markAllMentions', { uri: articleUri, actor: actor.id }),
  );
  const claims = claimsBy(annotations, actor.id);
  if (claims.length) {
    lines.push(`Makes ${count(claims.length, 'claim')}:`);
    for (const claim of claims) {
      lines.push(`- “${escapeMarkdown(quoteSnippet(claim.anchor.quote, 80))}” — ${claimVerdictText(claim, labels)}`);
    }
  }
  if (actor.notes) {
    lines.push(`Notes: ${escapeMarkdown(actor.notes)}`);
  }
  return lines.join('\n\n');
}

export function describeClaim(annotations: Annotations, claim: Claim, text: string, labels: Labels, articleUri: string): string {
  const lines: string[] = [];
  const ref = { uri: articleUri, claim: claim.id };
  const changed = anchorState(claim.anchor, text) === 'changed';
  // The claim's own words lead (as the article reads now), then where its check stands, once.
  const words = changed ? text.slice(claim.anchor.start, claim.anchor.end) : claim.anchor.quote;
  lines.push(`> ${escapeMarkdown(quoteSnippet(words, 240))}`);
  lines.push(
    `**Claim ${escapeMarkdown(claim.id)}** · ${CLAIM_STATUS_LABELS[claim.status]} · ` +
      (claim.verdict ? `Verdict: **${escapeMarkdown(labels.verdict(claim.verdict))}**` : 'No verdict yet'),
  );
  const claimant = claim.claimant === undefined ? undefined : annotations.actors.find((a) => a.id === claim.claimant);
  lines.push(
    `Claimant: ${claim.claimant === undefined ? 'the article itself' : claimant ? `**${escapeMarkdown(claimant.name)}** (${escapeMarkdown(labels.actorType(claimant.type))})` : `${escapeMarkdown(claim.claimant)} (no such actor)`}`,
  );
  const provenance = provenanceLine(claimProvenance(shortNames(claim), labels.timeZone));
  if (provenance) {
    lines.push(provenance);
  }
  if (changed) {
    lines.push(
      `$(warning) The wording changed since this claim was marked; the check may need redoing. It was: “${escapeMarkdown(quoteSnippet(claim.anchor.quote, 240))}” · ` +
        commandLink('Accept new wording', 'newsmark.acceptNewWording', ref),
    );
  }
  if (claim.sources.length) {
    lines.push('Sources:');
    lines.push(
      claim.sources
        .map((s, i) => {
          const parts = [safeLink(s.title || s.url, s.url)];
          if (s.archived) {
            parts.push(safeLink('archived copy', s.archived));
          }
          if (s.accessed) {
            parts.push(`accessed ${escapeMarkdown(s.accessed)}`);
          }
          return `${i + 1}. ${parts.join(' · ')}`;
        })
        .join('\n'),
    );
  } else {
    lines.push('No sources yet.');
  }
  if (claim.notes) {
    lines.push(`Notes: ${escapeMarkdown(claim.notes)}`);
  }
  lines.push(
    [
      commandLink('Set verdict', 'newsmark.setVerdict', ref),
      commandLink('Set status', 'newsmark.setStatus', ref),
      commandLink('Add source', 'newsmark.addSource', ref),
      commandLink('Add note', 'newsmark.addNote', ref),
      commandLink('Find similar claims', 'newsmark.findSimilarClaims', ref),
    ].join(' · '),
  );
  return lines.join('\n\n');
}

export function describeOrphan(anchor: Anchor): string {
  return `$(warning) Orphaned: “${escapeMarkdown(quoteSnippet(anchor.quote))}” was not found in the text. It is kept in the sidecar; select its text and run **Newsmark: Re-attach to Selection**.`;
}

/** A claim whose annotators' names are cut to fit a hover line: a name is whatever the sidecar says, at any length. */
function shortNames(claim: Claim): Claim {
  const cut = (name: string | undefined) => (name === undefined ? undefined : snippet(name, 80) || undefined);
  return { ...claim, by: cut(claim.by), reviewedBy: cut(claim.reviewedBy) };
}

function claimVerdictText(claim: Claim, labels: Labels): string {
  return claim.verdict ? `${CLAIM_STATUS_LABELS[claim.status]}, ${escapeMarkdown(labels.verdict(claim.verdict))}` : CLAIM_STATUS_LABELS[claim.status];
}
