// Agreement between annotators of the same articles: mention and claim spans (F1), actor types and verdicts (κ, α).

import type { Annotations } from '../model';
import { findVerdict, isOnNumericScale, type VerdictScale } from '../verdicts';
import { cohenKappa, krippendorffAlpha, type Unit } from './reliability';
import { addCounts, countSpans, f1, NO_COUNTS, type Span, type SpanCounts, spanUnits } from './spans';

export { cohenKappa, krippendorffAlpha } from './reliability';
export { compareAnnotations, type Difference, type DifferenceKind, differenceKey, startOf, takeTheirs } from './differences';
export { f1, matchSpans, spanUnits } from './spans';

/** One article as each annotator marked it, in the same order of annotators for every article. */
export interface ArticleVersions {
  article: string;
  /** One entry per annotator; undefined where that annotator has no sidecar for the article. */
  versions: readonly (Annotations | undefined)[];
}

export interface SpanFigures {
  exact: number | undefined;
  overlap: number | undefined;
  /** Summed over every pair of annotators. */
  counts: { exact: SpanCounts; overlap: SpanCounts };
}

export interface LabelFigures {
  /** Cohen's κ, for two annotators only: over units both of them labelled. */
  kappa: number | undefined;
  /** Krippendorff's α (nominal), for any number of annotators, missing values included. */
  alpha: number | undefined;
  /** Units at least two annotators labelled. */
  units: number;
}

export interface Figures {
  mentions: SpanFigures;
  actorTypes: LabelFigures;
  claims: SpanFigures;
  verdicts: LabelFigures & {
    /** Krippendorff's α (ordinal) on the scale's ratingValue; verdicts off the numeric scale count as missing. */
    alphaOrdinal: number | undefined;
  };
}

export interface AgreementReport {
  annotators: number;
  articles: { article: string; figures: Figures }[];
  overall: Figures;
}

/** The raw material of the figures, kept apart so that articles can be pooled before dividing. */
interface Tally {
  mentions: { exact: SpanCounts; overlap: SpanCounts };
  claims: { exact: SpanCounts; overlap: SpanCounts };
  typeUnits: Unit<string>[];
  verdictUnits: Unit<string>[];
  ratingUnits: Unit<number>[];
}

/** Agreement per article and pooled over all, between two or more annotators. */
export function measureAgreement(articles: readonly ArticleVersions[], scale: VerdictScale): AgreementReport {
  const annotators = Math.max(0, ...articles.map((a) => a.versions.length));
  const tallies = articles.map((a) => tally(a.versions, scale));
  const pooled = tallies.reduce(mergeTally, emptyTally());
  return {
    annotators,
    articles: articles.map((a, i) => ({ article: a.article, figures: figures(tallies[i], annotators) })),
    overall: figures(pooled, annotators),
  };
}

function emptyTally(): Tally {
  return {
    mentions: { exact: NO_COUNTS, overlap: NO_COUNTS },
    claims: { exact: NO_COUNTS, overlap: NO_COUNTS },
    typeUnits: [],
    verdictUnits: [],
    ratingUnits: [],
  };
}

function mergeTally(a: Tally, b: Tally): Tally {
  return {
    mentions: { exact: addCounts(a.mentions.exact, b.mentions.exact), overlap: addCounts(a.mentions.overlap, b.mentions.overlap) },
    claims: { exact: addCounts(a.claims.exact, b.claims.exact), overlap: addCounts(a.claims.overlap, b.claims.overlap) },
    typeUnits: [...a.typeUnits, ...b.typeUnits],
    verdictUnits: [...a.verdictUnits, ...b.verdictUnits],
    ratingUnits: [...a.ratingUnits, ...b.ratingUnits],
  };
}

interface Marked<T> {
  span: Span;
  value: T;
}

/** Orphaned anchors point nowhere; only placed annotations can agree or disagree. */
function placed(annotations: Annotations | undefined): { mentions: Marked<string>[]; claims: Marked<string | undefined>[] } {
  if (!annotations) {
    return { mentions: [], claims: [] };
  }
  const isPlaced = (a: { orphaned?: boolean }) => !a.orphaned;
  return {
    mentions: annotations.actors.flatMap((actor) =>
      actor.mentions.filter(isPlaced).map((m) => ({ span: { start: m.start, end: m.end }, value: actor.type })),
    ),
    claims: annotations.claims
      .filter((c) => isPlaced(c.anchor))
      .map((c) => ({ span: { start: c.anchor.start, end: c.anchor.end }, value: c.verdict })),
  };
}

function tally(versions: readonly (Annotations | undefined)[], scale: VerdictScale): Tally {
  const marks = versions.map(placed);
  const out = emptyTally();
  for (let a = 0; a < marks.length; a++) {
    for (let b = a + 1; b < marks.length; b++) {
      const spans = (key: 'mentions' | 'claims', who: number) => marks[who][key].map((m) => m.span);
      for (const key of ['mentions', 'claims'] as const) {
        out[key] = {
          exact: addCounts(out[key].exact, countSpans(spans(key, a), spans(key, b), 'exact')),
          overlap: addCounts(out[key].overlap, countSpans(spans(key, a), spans(key, b), 'overlap')),
        };
      }
    }
  }
  out.typeUnits = spanUnits(marks.map((m) => m.mentions)).filter(pairable);
  const claimUnits = spanUnits(marks.map((m) => m.claims));
  out.verdictUnits = claimUnits.filter(pairable);
  out.ratingUnits = claimUnits
    .map((unit) =>
      unit.map((id) => {
        const verdict = findVerdict(scale, id);
        return verdict && isOnNumericScale(scale, verdict) ? verdict.ratingValue : undefined;
      }),
    )
    .filter(pairable);
  return out;
}

function pairable<T>(unit: Unit<T>): boolean {
  return unit.filter((v) => v !== undefined).length >= 2;
}

function figures(t: Tally, annotators: number): Figures {
  const spanFigures = (c: Tally['mentions']): SpanFigures => ({ exact: f1(c.exact), overlap: f1(c.overlap), counts: c });
  const kappa = (units: Unit<string>[]) =>
    annotators === 2 ? cohenKappa(units.map((u) => [u[0], u[1]] as [string, string])) : undefined;
  return {
    mentions: spanFigures(t.mentions),
    actorTypes: { kappa: kappa(t.typeUnits), alpha: krippendorffAlpha(t.typeUnits, 'nominal'), units: t.typeUnits.length },
    claims: spanFigures(t.claims),
    verdicts: {
      kappa: kappa(t.verdictUnits),
      alpha: krippendorffAlpha(t.verdictUnits, 'nominal'),
      alphaOrdinal: krippendorffAlpha(t.ratingUnits, 'ordinal'),
      units: t.verdictUnits.length,
    },
  };
}
