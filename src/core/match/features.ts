// What a claim says, as features to match on: stemmed words, quantities, dates, actors and negation.

import stem from 'wink-porter2-stemmer';
import { quantities } from './numbers';

/** Someone a claim can name: an actor of the workspace, with the names it goes by. */
export interface ActorName {
  /** How the actor is identified across the archive: its Wikidata id, else its normalised name. */
  key: string;
  names: readonly string[];
}

export interface ClaimFeatures {
  /** Stemmed content words, stop words left out, in order (repeats kept, for term frequency). */
  words: string[];
  /** Canonical quantities: "2500", "12%", "2500 personnel" style keys. */
  numbers: string[];
  /** Years and month-years named in the claim ("2024", "2024-05"). */
  dates: string[];
  /** Keys of the actors the claim names. */
  actors: string[];
  /** The claim is negated ("not", "never", "no longer"…), counted so that a double negation cancels. */
  negated: boolean;
}

// Function words carry no claim; "not" and its kin are kept apart as negation, and numbers as numbers.
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'i if in into is it its itself just me more most my myself of off on once only or other our ours ourselves out over own same she ' +
    'should so some such than that the their theirs them themselves then there these they this those through to too under until up ' +
    'very was we were what when where which while who whom why will with would you your yours yourself yourselves said says say ' +
    'according told stated claimed since per cent percent'
  ).split(' '),
);

const NEGATIONS = new Set(['not', 'never', 'no', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without', 'denied', 'denies', 'deny']);

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Made on first use: building a segmenter loads ICU's word rules, which activation should not pay for. */
let segmenter: Intl.Segmenter | undefined;

/**
 * Words that newsrooms use for one another in the same claim, each mapped to one stem, and
 * phrases that stand for one word. Kept short and general: a wrong synonym would merge
 * claims that differ.
 */
const PHRASES: [RegExp, string][] = [
  [/\b(?:take|takes|taking|took|taken) part\b/gu, 'participate'],
  [/\b(?:step|steps|stepping|stepped) down\b/gu, 'resign'],
];
const SYNONYMS: Record<string, string> = Object.fromEntries(
  [
    ['personnel', 'troop', 'soldier'],
    ['equip', 'hardwar'],
    ['exercis', 'drill'],
    ['particip', 'involv'],
    ['home', 'household', 'hous'],
    ['electr', 'power'],
    ['suppli', 'provid'],
  ].flatMap(([canonical, ...others]) => [canonical, ...others].map((w) => [w, canonical])),
);

/** Lower-case words without accents, apostrophes folded ("Armenia’s" → "armenia's"). */
export function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

function tokens(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  segmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike) {
      out.push({ word: s.segment, start: s.index, end: s.index + s.segment.length });
    }
  }
  return out;
}

/** Finds the actors a normalised text names, with each name's pattern compiled once. */
export type ActorMatcher = (plain: string) => string[];

export function actorMatcher(actors: readonly ActorName[]): ActorMatcher {
  const patterns = actors.map((actor) => ({
    key: actor.key,
    names: actor.names
      .map((name) => normalise(name).trim())
      .filter((n) => n.length > 1)
      .map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, 'u')),
  }));
  return (plain) => [...new Set(patterns.filter((p) => p.names.some((r) => r.test(plain))).map((p) => p.key))].sort();
}

/**
 * A feature reader for one archive: its actors' patterns compiled once, and stems
 * remembered, since an archive repeats the same few thousand words (bounded, so memory is too).
 */
export function featureReader(actors: readonly ActorName[] = []): (text: string) => ClaimFeatures {
  const matcher = actorMatcher(actors);
  const stems = new Map<string, string>();
  const stemOf = (word: string) => {
    let stemmed = stems.get(word);
    if (stemmed === undefined) {
      if (stems.size > STEM_CACHE) {
        stems.clear();
      }
      stemmed = stem(word);
      stems.set(word, stemmed);
    }
    return stemmed;
  };
  return (text) => readFeatures(text, matcher, stemOf);
}

const STEM_CACHE = 100_000;

/** The features of one claim; actor names are looked for as whole words. */
export function claimFeatures(text: string, actors: readonly ActorName[] = []): ClaimFeatures {
  return readFeatures(text, actorMatcher(actors), stem);
}

function readFeatures(text: string, actors: ActorMatcher, stemOf: (word: string) => string): ClaimFeatures {
  const plain = PHRASES.reduce((t, [pattern, word]) => t.replace(pattern, word), normalise(text));
  const amounts = quantities(plain);
  const inAmount = (start: number) => amounts.some((q) => q.start <= start && start < q.end);
  const words: string[] = [];
  let negations = 0;
  const all = tokens(plain);
  for (let i = 0; i < all.length; i++) {
    const { word, start } = all[i];
    const bare = word.replace(/'s$/, '');
    if (word.endsWith("n't") || NEGATIONS.has(bare)) {
      negations++;
      continue;
    }
    if (bare === 'longer' && all[i - 1]?.word === 'no') {
      continue; // "no longer" is one negation, already counted.
    }
    if (STOP_WORDS.has(bare) || inAmount(start) || /^\d/.test(bare)) {
      continue;
    }
    const stemmed = stemOf(bare);
    words.push(SYNONYMS[stemmed] ?? stemmed);
  }
  return {
    words,
    numbers: [...new Set(amounts.map((q) => (q.unit === '%' ? `${q.value}%` : String(q.value))))],
    dates: dates(plain, amounts.map((q) => q.value)),
    actors: actors(plain),
    negated: negations % 2 === 1,
  };
}

function dates(plain: string, values: readonly number[]): string[] {
  const out = new Set<string>();
  for (const m of plain.matchAll(/\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b/gu)) {
    out.add(`${m[2]}-${String(MONTHS.indexOf(m[1]) + 1).padStart(2, '0')}`);
  }
  for (const m of plain.matchAll(/\b(january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d)/gu)) {
    // "May" is also a verb; a month without a year counts only after "in", "since", "by" or "until".
    if (m[1] !== 'may' || /\b(?:in|since|by|until|from|of)\s+$/u.test(plain.slice(Math.max(0, m.index - 7), m.index))) {
      out.add(`month-${String(MONTHS.indexOf(m[1]) + 1).padStart(2, '0')}`);
    }
  }
  for (const value of values) {
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) {
      out.add(String(value));
    }
  }
  return [...out].sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
