// The claim linter: rules that find gaps in a fact-check (no claimant, no verdict, no evidence, lost anchors), as positioned findings.

import { snippet } from './text';
import type { Anchor, Annotations } from './model';

export const LINT_RULES = [
  'claim-no-claimant',
  'checked-no-verdict',
  'verdict-no-source',
  'source-no-archive',
  'orphaned-anchor',
  'unknown-claimant',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

export const LINT_SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/**
 * Shipped defaults. A claim without a claimant is often the article's own claim, so that is
 * only a hint; a source without an archived copy is worth knowing before a page disappears.
 */
export const DEFAULT_LINT_SEVERITIES: Readonly<Record<LintRule, LintSeverity>> = Object.freeze({
  'claim-no-claimant': 'hint',
  'checked-no-verdict': 'warning',
  'verdict-no-source': 'warning',
  'source-no-archive': 'hint',
  'orphaned-anchor': 'warning',
  'unknown-claimant': 'error',
});

export interface LintFinding {
  rule: LintRule;
  severity: Exclude<LintSeverity, 'off'>;
  message: string;
  /** UTF-16 offsets into the article; for an orphaned anchor, where it was last seen, kept inside the text. */
  start: number;
  end: number;
  claim?: string;
  actor?: string;
  /** Index of the source in the claim's `sources`. */
  source?: number;
  /** The anchor the finding is about (a mention for `orphaned-anchor` on an actor). */
  anchor?: Anchor;
}

/** Labels the linter writes into messages; the caller passes the user's verdict scale. */
export interface LintLabels {
  verdict?(id: string): string;
}

/** Reads a severity from settings; anything unknown falls back to the rule's default rather than silencing it. */
export function severityFrom(value: unknown, rule: LintRule): LintSeverity {
  return typeof value === 'string' && (LINT_SEVERITIES as readonly string[]).includes(value) ? (value as LintSeverity) : DEFAULT_LINT_SEVERITIES[rule];
}

/**
 * Runs every rule not turned off. `textLength` keeps positions of orphaned anchors, which
 * point at text that may no longer exist, inside the article. Findings come in text order.
 */
export function lintAnnotations(
  annotations: Annotations,
  severities: Partial<Record<LintRule, LintSeverity>> = {},
  textLength = Number.MAX_SAFE_INTEGER,
  labels: LintLabels = {},
): LintFinding[] {
  const out: LintFinding[] = [];
  const level = (rule: LintRule) => severities[rule] ?? DEFAULT_LINT_SEVERITIES[rule];
  const at = (anchor: Anchor) => {
    const start = Math.min(anchor.start, textLength);
    return { start, end: Math.max(start, Math.min(anchor.end, textLength)) };
  };
  const add = (rule: LintRule, message: string, anchor: Anchor, more: Partial<LintFinding> = {}) => {
    const severity = level(rule);
    if (severity !== 'off') {
      out.push({ rule, severity, message, ...at(anchor), anchor, ...more });
    }
  };
  const actorIds = new Set(annotations.actors.map((a) => a.id));
  const verdictName = (id: string) => labels.verdict?.(id) ?? id;

  for (const actor of annotations.actors) {
    for (const mention of actor.mentions) {
      if (mention.orphaned) {
        add('orphaned-anchor', `Orphaned mention of ${actor.name}: “${snippet(mention.quote)}” was not found in the text. It is kept in the sidecar; select its text and re-attach it.`, mention, {
          actor: actor.id,
        });
      }
    }
  }
  for (const claim of annotations.claims) {
    const anchor = claim.anchor;
    const ref = { claim: claim.id };
    if (anchor.orphaned) {
      add('orphaned-anchor', `Orphaned claim ${claim.id}: “${snippet(anchor.quote)}” was not found in the text. It is kept in the sidecar; select its text and re-attach it.`, anchor, ref);
      // The other rules would point at text that is gone; the claim is reported once, as orphaned.
      continue;
    }
    if (claim.claimant === undefined) {
      add('claim-no-claimant', `Claim ${claim.id} has no claimant, so it is attributed to the article itself. Say who makes it if someone does.`, anchor, ref);
    } else if (!actorIds.has(claim.claimant)) {
      add('unknown-claimant', `Claim ${claim.id} names the claimant “${claim.claimant}”, but no actor of this article has that id.`, anchor, ref);
    }
    if (claim.status === 'checked' && claim.verdict === undefined) {
      add('checked-no-verdict', `Claim ${claim.id} is checked but has no verdict.`, anchor, ref);
    }
    if (claim.verdict !== undefined && claim.sources.length === 0) {
      add('verdict-no-source', `Claim ${claim.id} has the verdict “${verdictName(claim.verdict)}” but no source; readers cannot see the evidence.`, anchor, ref);
    }
    claim.sources.forEach((source, i) => {
      if (!source.archived) {
        add('source-no-archive', `Source ${i + 1} of claim ${claim.id} (${source.title || source.url}) has no archived copy; if the page changes or goes away, the evidence goes with it.`, anchor, {
          ...ref,
          source: i,
        });
      }
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

