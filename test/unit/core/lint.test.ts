// Tests of the claim linter: which gaps in a fact-check each rule finds, where, and how severities turn rules down or off.

import assert from 'node:assert/strict';
import { DEFAULT_LINT_SEVERITIES, lintAnnotations, severityFrom, type LintFinding } from '../../../src/core/lint';
import { anchorAt, type Annotations, type Claim } from '../../../src/core/model';

const ARTICLE =
  'Water minister Tomáš Řehoř said on Monday that reservoirs in the Brenn valley hold 31% of capacity. ' +
  'Farmers’ union leader Zoë Aldám called the figure "a fantasy".\n' +
  'Rationing began on 3 June in 14 municipalities, Řehoř added.\n';

function on(quote: string) {
  const at = ARTICLE.indexOf(quote);
  assert.ok(at >= 0, quote);
  return anchorAt(ARTICLE, at, at + quote.length);
}

function claim(id: string, quote: string, more: Partial<Claim> = {}): Claim {
  return { id, anchor: on(quote), status: 'unchecked', sources: [], ...more };
}

function article(claims: Claim[]): Annotations {
  return {
    article: { file: 'reservoirs.txt' },
    actors: [{ id: 'tomas-rehor', name: 'Tomáš Řehoř', type: 'person', mentions: [on('Tomáš Řehoř')] }],
    claims,
  };
}

const rules = (findings: LintFinding[]) => findings.map((f) => `${f.rule}:${f.claim ?? f.actor}`);

describe('lint', () => {
  it('finds nothing wrong with a claim checked with a verdict and an archived source', () => {
    const done = claim('c1', 'reservoirs in the Brenn valley hold 31% of capacity', {
      claimant: 'tomas-rehor',
      status: 'checked',
      verdict: 'false',
      sources: [{ url: 'https://example.org/levels', archived: 'https://web.archive.org/web/2026/https://example.org/levels' }],
    });
    assert.deepEqual(lintAnnotations(article([done])), []);
  });

  it('reports a claim without a claimant as a hint, on the claim’s text', () => {
    const [finding] = lintAnnotations(article([claim('c1', 'Rationing began on 3 June in 14 municipalities')]));
    assert.equal(finding.rule, 'claim-no-claimant');
    assert.equal(finding.severity, 'hint');
    assert.equal(ARTICLE.slice(finding.start, finding.end), 'Rationing began on 3 June in 14 municipalities');
    assert.match(finding.message, /attributed to the article itself/);
  });

  it('reports a checked claim without a verdict, and a verdict without a source', () => {
    const findings = lintAnnotations(
      article([
        claim('c1', 'reservoirs in the Brenn valley hold 31% of capacity', { claimant: 'tomas-rehor', status: 'checked' }),
        claim('c2', 'Rationing began on 3 June', { claimant: 'tomas-rehor', status: 'checked', verdict: 'mostly-true' }),
      ]),
      {},
      ARTICLE.length,
      { verdict: (id) => (id === 'mostly-true' ? 'Mostly true' : id) },
    );
    assert.deepEqual(rules(findings), ['checked-no-verdict:c1', 'verdict-no-source:c2']);
    assert.equal(findings[1].message, 'Claim c2 has the verdict “Mostly true” but no source; readers cannot see the evidence.');
  });

  it('reports each source without an archived copy, by its index', () => {
    const findings = lintAnnotations(
      article([
        claim('c1', 'hold 31% of capacity', {
          claimant: 'tomas-rehor',
          sources: [{ url: 'https://example.org/a', archived: 'https://archive.org/a' }, { url: 'https://example.org/b', title: 'Reservoir levels' }],
        }),
      ]),
    );
    assert.deepEqual(rules(findings), ['source-no-archive:c1']);
    assert.equal(findings[0].source, 1);
    assert.match(findings[0].message, /^Source 2 of claim c1 \(Reservoir levels\) has no archived copy/);
  });

  it('reports a claimant id that names no actor', () => {
    const findings = lintAnnotations(article([claim('c1', 'hold 31% of capacity', { claimant: 'tomas-rehorr' })]));
    assert.deepEqual(rules(findings), ['unknown-claimant:c1']);
    assert.equal(findings[0].severity, 'error');
  });

  it('reports orphaned mentions and claims once, where they were last seen, inside the text', () => {
    const annotations = article([claim('c1', 'hold 31% of capacity', { status: 'checked' })]);
    annotations.claims[0].anchor = { ...annotations.claims[0].anchor, orphaned: true };
    annotations.actors[0].mentions.push({ start: 400, end: 420, quote: 'the minister', prefix: '', suffix: '', orphaned: true });
    const findings = lintAnnotations(annotations, {}, ARTICLE.length);
    // An orphaned claim is only reported as orphaned: its other findings would point at text that is gone.
    assert.deepEqual(rules(findings), ['orphaned-anchor:c1', 'orphaned-anchor:tomas-rehor']);
    assert.deepEqual([findings[1].start, findings[1].end], [ARTICLE.length, ARTICLE.length]);
    assert.equal(findings[1].anchor?.quote, 'the minister');
    assert.match(findings[1].message, /Orphaned mention of Tomáš Řehoř: “the minister” was not found/);
  });

  it('uses the severities passed in, and leaves out rules turned off', () => {
    const annotations = article([claim('c1', 'hold 31% of capacity', { status: 'checked', verdict: 'false' })]);
    const findings = lintAnnotations(annotations, { 'claim-no-claimant': 'off', 'verdict-no-source': 'error' });
    assert.deepEqual(
      findings.map((f) => `${f.rule}=${f.severity}`),
      ['verdict-no-source=error'],
    );
  });

  it('reads severities from settings, falling back to the default for anything unknown', () => {
    assert.equal(severityFrom('off', 'source-no-archive'), 'off');
    assert.equal(severityFrom('warning', 'source-no-archive'), 'warning');
    assert.equal(severityFrom('loud', 'source-no-archive'), DEFAULT_LINT_SEVERITIES['source-no-archive']);
    assert.equal(severityFrom(undefined, 'unknown-claimant'), 'error');
  });
});
