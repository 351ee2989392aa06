// Suggested claims: check-worthy sentences scored on transparent features, each with its reasons and a guessed claimant.

import { partitionPoint } from '../search';
import type { ArticleActor } from './actors';
import type { Analysis, Sentence, Token } from './analysis';
import { type Attribution, attributionOf } from './attribution';
import { ORGANISATION_NOUNS, PRONOUNS } from './lexicon';
import { normaliseActorText, normaliseClaimText } from './normalise';
import type { ActorSuggestion, ClaimantGuess, ClaimSuggestion, KnownActor, Span, SuggestClaimsOptions } from './types';

/**
 * The score a sentence needs by default: a figure alone, or two weaker signals such as a date and
 * an attribution. Chosen on the evaluation's dev articles (claims F1 0.925 at 2, 0.907 at 2.5,
 * 0.889 at 3); lower thresholds also underline sentences that merely name actors.
 */
export const DEFAULT_MIN_CLAIM_SCORE = 2;

/** Wording that compares quantities or reports a change: than, compared with, up from, rose, doubled, the highest since. */
const STRONG_COMPARISON =
  /(?<![\p{L}])(?:than|compared (?:with|to)|up from|down from|record|doubled?|tripled?|halved|rose|risen|rises|fell|fallen|falls|increased?|increases|decreased?|decreases|grew|grown|grows|declined?|declines|outperform(?:s|ed)?|exceed(?:s|ed)?|surpass(?:es|ed)?|(?:highest|lowest|largest|smallest|biggest|fastest|slowest|worst|best|first|last)\s+(?:since|in|ever|on record))(?![\p{L}])/iu;
const WEAK_COMPARISON =
  /(?<![\p{L}])(?:more|less|fewer|higher|lower|larger|smaller|bigger|faster|slower|most|least|highest|lowest|largest|smallest|biggest|fastest|slowest|worst|best)(?![\p{L}])/iu;
const PERCENT =
  /(?:(?<![\p{N}.,])\d+(?:[.,]\d+)?|(?<![\p{L}])(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half a))\s?(?:%|percentage points?|per cent|percent)/iu;
const MONEY =
  /(?:[$€£¥₽₹]\s?\d|\d[\d,.]*\s?(?:million|billion|trillion)?\s?(?:US |Swiss |Hong Kong |Canadian |Australian )?(?:dollars|euros|pounds|roubles|rubles|drams|tenge|soms|yuan|yen|rupees|francs)\b)/iu;
const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
/** Dates as the grammar colours them: March 3, 3 March 2024, September 2023, Tuesday, 2022, the 1990s, last week. */
const DATE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?:(?:${MONTH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH})(?:,?\\s+\\d{4})?|(?:${MONTH})\\.?,?\\s+\\d{4}|(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:1[89]\\d\\d|20\\d\\d)s?|yesterday|today|tomorrow|tonight|(?:last|next|this|earlier this|later this)\\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter))(?![\\p{L}\\p{N}])`,
  'u',
);
const DATES = new RegExp(DATE.source, 'gu');
const HEDGE =
  /(?<![\p{L}])(?:could|might|may|should|must|expects?|expected to|forecasts?|predicts?|projected|plans? to|hopes? to|likely|unlikely|would like)(?![\p{L}])/iu;

interface Scored {
  start: number;
  end: number;
  score: number;
  reasons: string[];
  attribution?: Attribution;
}

/** `mentions` are those inside the sentence. */
function scoreSentence(analysis: Analysis, sentence: Sentence, start: number, mentions: readonly ActorSuggestion[]): Scored {
  const { text, tokens } = analysis;
  const span = text.slice(start, sentence.end);
  const words = tokens.slice(sentence.first, sentence.last).filter((t) => t.start >= start);
  const tally: Tally = { score: 0, reasons: [] };
  scoreFigures(tally, span, start, words);
  const attribution = scoreWording(tally, span, words, mentions);
  return { start, end: sentence.end, score: tally.score, reasons: tally.reasons, ...(attribution ? { attribution } : {}) };
}

/** A sentence's score so far, and the reasons for it in the order they were found. */
interface Tally {
  score: number;
  reasons: string[];
}

/** What can be checked against a record: percentages, amounts of money, other numbers, dates. */
function scoreFigures(tally: Tally, span: string, start: number, words: readonly Token[]): void {
  const percent = PERCENT.exec(span);
  const money = MONEY.exec(span);
  if (percent) {
    tally.score += 2;
    tally.reasons.push(`A percentage (${percent[0].trim()})`);
  }
  if (money) {
    tally.score += 2;
    tally.reasons.push(`An amount of money (${money[0].trim()})`);
  }
  const dates = [...span.matchAll(DATES)].map((m) => ({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] }));
  const figures = words.filter(
    (t) =>
      t.tags.has('Value') &&
      !t.tags.has('Percent') &&
      !t.tags.has('Money') &&
      !/^(?:one|a)$/i.test(t.text) &&
      !dates.some((d) => t.start >= d.start && t.end <= d.end),
  );
  if (figures.length > 0 && !(percent || money)) {
    // Digits are the surest sign of something to check; “two planes” less so.
    const digits = figures.find((t) => /\d/.test(t.text));
    tally.score += digits ? 2 : 1.5;
    tally.reasons.push(`A number (${(digits ?? figures[0]).text})`);
  } else if (figures.length > 0) {
    tally.score += 0.5;
    tally.reasons.push(`More figures (${figures[0].text})`);
  }
  const date = dates[0]?.text ?? words.find((t) => t.tags.has('Month') || t.tags.has('WeekDay'))?.text;
  if (date) {
    tally.score += 1;
    tally.reasons.push(`A date (${date})`);
  }
}

/** How it is said: comparisons, attribution, quotation, who is named; questions, hedges and very short sentences count against it. */
function scoreWording(tally: Tally, span: string, words: readonly Token[], mentions: readonly ActorSuggestion[]): Attribution | undefined {
  const comparison = STRONG_COMPARISON.exec(span);
  const comparative = WEAK_COMPARISON.exec(span)?.[0] ?? words.find((t) => t.tags.has('Comparative') || t.tags.has('Superlative'))?.text;
  if (comparison) {
    tally.score += 1.5;
    tally.reasons.push(`A comparison (${comparison[0]})`);
  } else if (comparative) {
    // “closer ties”, “the most urgent need”: comparative words alone compare nothing measurable.
    tally.score += 0.5;
    tally.reasons.push(`A comparative (${comparative})`);
  }
  const attribution = attributionOf(span);
  const someone = attribution && (attribution.named || attribution.pronoun);
  if (attribution) {
    // “Officials said” tells less than “Hovhannisyan said”: nobody can be asked to stand by it.
    tally.score += someone ? 1.5 : 0.5;
    tally.reasons.push(`Attributed: ${attribution.claimant} ${attribution.cue}`);
  }
  if (/[“"]/.test(span)) {
    tally.score += someone ? 1.5 : 1;
    tally.reasons.push(someone ? 'Quotes someone directly' : 'Contains a quotation');
  }
  const named = new Set(mentions.map((m) => m.name));
  if (named.size > 0) {
    tally.score += Math.min(1, 0.5 * named.size);
    tally.reasons.push(`Names ${[...named].join(', ')}`);
  }
  if (/\?\s*[”"’]?\s*$/.test(span)) {
    tally.score -= 3;
    tally.reasons.push('A question (−)');
  }
  const hedge = HEDGE.exec(span);
  if (hedge) {
    tally.score -= 1;
    tally.reasons.push(`Hedged or about the future: “${hedge[0]}” (−)`);
  }
  if (words.length < 5) {
    tally.score -= 1;
    tally.reasons.push('Very short (−)');
  }
  return attribution;
}

/** Index of the first mention that starts at or after `offset`; mentions are in text order and do not overlap. */
function firstFrom(mentions: readonly ActorSuggestion[], offset: number): number {
  return partitionPoint(mentions.length, (i) => mentions[i].start < offset);
}

/**
 * Resolves who is credited to an actor: a name to its full form or known actor, “he” to the last
 * person named before the sentence, “the company” to the last organisation.
 */
function resolveClaimant(
  attribution: Attribution,
  sentenceStart: number,
  mentions: readonly ActorSuggestion[],
  inSentence: readonly ActorSuggestion[],
  known: readonly KnownActor[],
  actors: Map<string, ArticleActor>,
): ClaimantGuess | undefined {
  const start = sentenceStart + attribution.start;
  const end = sentenceStart + attribution.end;
  const lastBefore = (accept: (m: ActorSuggestion) => boolean) => {
    for (let k = firstFrom(mentions, sentenceStart) - 1; k >= 0; k--) {
      if (accept(mentions[k])) {
        return mentions[k];
      }
    }
    return undefined;
  };
  const knownMatch = (name: string) => {
    const key = normaliseActorText(name);
    return known.find((k) => [k.name, ...(k.aliases ?? [])].some((n) => normaliseActorText(n) === key));
  };
  const guess = (name: string, at?: Span): ClaimantGuess => {
    const k = knownMatch(name);
    return { name: k?.name ?? name, ...(k?.id !== undefined ? { actorId: k.id } : {}), ...(at ? { start: at.start, end: at.end } : {}) };
  };
  if (attribution.pronoun) {
    const wanted = PRONOUNS[attribution.claimant.toLowerCase()];
    const last = wanted ? lastBefore((m) => m.type === wanted) : undefined;
    return last ? guess(last.name) : undefined;
  }
  if (attribution.named) {
    const mention = inSentence.find((m) => m.start <= start && end <= m.end) ?? inSentence.find((m) => m.start >= start && m.end <= end);
    if (mention) {
      return guess(mention.name, { start: mention.start, end: mention.end });
    }
    const actor = actors.get(normaliseActorText(attribution.claimant));
    return guess(actor?.name ?? attribution.claimant, { start, end });
  }
  const noun = /^(?:the|its|this)\s+(\p{Ll}+)$/iu.exec(attribution.claimant)?.[1];
  if (noun && ORGANISATION_NOUNS.has(noun)) {
    const organisation = (m: ActorSuggestion) => m.type === 'organisation' || m.type === 'other';
    const last = lastBefore((m) => organisation(m) && m.name.toLowerCase().includes(noun)) ?? lastBefore(organisation);
    return last ? guess(last.name) : undefined;
  }
  return undefined;
}

export function claimSuggestionsFrom(
  analysis: Analysis,
  mentions: readonly ActorSuggestion[],
  actors: Map<string, ArticleActor>,
  options: SuggestClaimsOptions,
): ClaimSuggestion[] {
  const { text } = analysis;
  const known = options.actors ?? [];
  const rejected = new Set((options.rejected ?? []).map(normaliseClaimText));
  const existing = options.existingClaims ?? [];
  const minScore = options.minScore ?? DEFAULT_MIN_CLAIM_SCORE;
  const out: ClaimSuggestion[] = [];
  for (const sentence of analysis.sentences) {
    if (sentence.line.kind !== 'body') {
      continue;
    }
    // A dateline is not part of the first sentence's claim.
    const start = Math.max(sentence.start, sentence.line.bodyStart);
    if (start >= sentence.end) {
      continue;
    }
    const claimText = text.slice(start, sentence.end);
    if (rejected.has(normaliseClaimText(claimText)) || existing.some((c) => c.start < sentence.end && start < c.end)) {
      continue;
    }
    const inSentence = mentions.slice(firstFrom(mentions, start), firstFrom(mentions, sentence.end)).filter((m) => m.end <= sentence.end);
    const scored = scoreSentence(analysis, sentence, start, inSentence);
    if (scored.score < minScore) {
      continue;
    }
    const claimant = scored.attribution ? resolveClaimant(scored.attribution, start, mentions, inSentence, known, actors) : undefined;
    out.push({
      start,
      end: sentence.end,
      text: claimText,
      score: Math.round(scored.score * 100) / 100,
      reasons: scored.reasons,
      ...(claimant ? { claimant } : {}),
    });
  }
  out.sort((a, b) => b.score - a.score || a.start - b.start);
  return options.limit !== undefined ? out.slice(0, options.limit) : out;
}
