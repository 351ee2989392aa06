// The verdict scale: the verdicts a fact-checker can give a claim, their labels and their ClaimReview ratings.

export interface Verdict {
  /** What the sidecar stores in a claim's `verdict`. */
  id: string;
  label: string;
  /** ClaimReview's ratingValue; may lie off the best–worst range (Unproven is 0 on a 1–5 scale). */
  ratingValue: number;
  /** A theme colour id the editor paints the verdict with. */
  color?: string;
}

export interface VerdictScale {
  verdicts: readonly Verdict[];
  bestRating: number;
  worstRating: number;
}

/** The scale Newsmark ships with; the editor's `newsmark.verdicts` and `newsmark.verdictScale` settings default to it. */
export const DEFAULT_VERDICT_SCALE: VerdictScale = Object.freeze({
  verdicts: Object.freeze([
    { id: 'true', label: 'True', ratingValue: 5, color: 'newsmark.verdict.true' },
    { id: 'mostly-true', label: 'Mostly true', ratingValue: 4, color: 'newsmark.verdict.mostlyTrue' },
    { id: 'mixed', label: 'Mixed', ratingValue: 3, color: 'newsmark.verdict.mixed' },
    { id: 'mostly-false', label: 'Mostly false', ratingValue: 2, color: 'newsmark.verdict.mostlyFalse' },
    { id: 'false', label: 'False', ratingValue: 1, color: 'newsmark.verdict.false' },
    { id: 'unproven', label: 'Unproven', ratingValue: 0, color: 'newsmark.verdict.unproven' },
  ] as Verdict[]),
  bestRating: 5,
  worstRating: 1,
});

export function findVerdict(scale: VerdictScale, id: string | undefined): Verdict | undefined {
  return id === undefined ? undefined : scale.verdicts.find((v) => v.id === id);
}

/** The label a reader sees for a verdict id; an id off the scale is shown as written rather than hidden. */
export function verdictLabel(scale: VerdictScale, id: string): string {
  return findVerdict(scale, id)?.label ?? id;
}

/**
 * Whether the verdict's rating lies on the numeric scale. ClaimReview consumers reject a
 * ratingValue outside worstRating–bestRating, so verdicts such as Unproven travel by label only.
 */
export function isOnNumericScale(scale: VerdictScale, verdict: Verdict): boolean {
  const low = Math.min(scale.worstRating, scale.bestRating);
  const high = Math.max(scale.worstRating, scale.bestRating);
  return verdict.ratingValue >= low && verdict.ratingValue <= high;
}

export type VerdictScaleProblem = { code: 'duplicate-verdict' | 'invalid-verdict' | 'invalid-range'; message: string };

/**
 * Builds a scale from user settings (the editor's or `.newsmark.json`), keeping the defaults
 * for whatever is left out. Problems come back rather than throwing so the caller can show
 * them where the settings were written.
 */
export function verdictScaleFrom(
  settings: { verdicts?: unknown; bestRating?: unknown; worstRating?: unknown } = {},
): { scale: VerdictScale; problems: VerdictScaleProblem[] } {
  const problems: VerdictScaleProblem[] = [];
  let verdicts: readonly Verdict[] = DEFAULT_VERDICT_SCALE.verdicts;
  if (settings.verdicts !== undefined) {
    if (!Array.isArray(settings.verdicts)) {
      problems.push({ code: 'invalid-verdict', message: 'The verdicts must be a list of { id, label, ratingValue }.' });
    } else {
      const seen = new Set<string>();
      const read: Verdict[] = [];
      settings.verdicts.forEach((v: unknown, i) => {
        const item = v as Partial<Verdict> | null;
        if (
          !item ||
          typeof item.id !== 'string' ||
          !/^[a-z][a-z0-9-]*$/.test(item.id) ||
          typeof item.label !== 'string' ||
          typeof item.ratingValue !== 'number' ||
          !Number.isFinite(item.ratingValue)
        ) {
          problems.push({
            code: 'invalid-verdict',
            message: `Verdict ${i + 1} needs an id (lower-case letters, digits and "-"), a label and a numeric ratingValue.`,
          });
          return;
        }
        if (seen.has(item.id)) {
          problems.push({ code: 'duplicate-verdict', message: `The verdict id "${item.id}" appears twice on the scale.` });
          return;
        }
        seen.add(item.id);
        read.push({ id: item.id, label: item.label, ratingValue: item.ratingValue, ...(typeof item.color === 'string' ? { color: item.color } : {}) });
      });
      verdicts = read;
    }
  }
  const number = (value: unknown, fallback: number, name: string): number => {
    if (value === undefined) {
      return fallback;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ code: 'invalid-range', message: `${name} must be a number.` });
      return fallback;
    }
    return value;
  };
  const bestRating = number(settings.bestRating, DEFAULT_VERDICT_SCALE.bestRating, 'bestRating');
  const worstRating = number(settings.worstRating, DEFAULT_VERDICT_SCALE.worstRating, 'worstRating');
  if (bestRating === worstRating) {
    problems.push({ code: 'invalid-range', message: 'bestRating and worstRating must differ.' });
  }
  return { scale: { verdicts, bestRating, worstRating }, problems };
}
