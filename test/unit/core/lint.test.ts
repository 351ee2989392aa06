// Tests of the claim linter: which gaps in a fact-check each rule finds, where, and how severities turn rules down or off.

import assert from 'node:assert/strict';
import { DEFAULT_LINT_SEVERITIES, LINT_RULES, LINT_SEVERITIES, lintAnnotations, severityFrom, type LintFinding } from '../../../src/core/lint';
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

  it('ships the severities the settings describe', () => {
    assert.deepEqual(DEFAULT_LINT_SEVERITIES, {
      'claim-no-claimant': 'hint',
      'checked-no-verdict': 'warning',
      'verdict-no-source': 'warning',
      'source-no-archive': 'hint',
      'orphaned-anchor': 'warning',
      'unknown-claimant': 'error',
    });
    assert.deepEqual([...LINT_RULES].sort(), Object.keys(DEFAULT_LINT_SEVERITIES).sort());
    assert.deepEqual(LINT_SEVERITIES, ['error', 'warning', 'info', 'hint', 'off']);
    for (const severity of LINT_SEVERITIES) {
      assert.equal(severityFrom(severity, 'claim-no-claimant'), severity);
    }
    assert.equal(severityFrom(2, 'checked-no-verdict'), 'warning');
  });

  it('writes each finding in the fact-checker’s words, with the claim, verdict and source it is about', () => {
    const annotations = article([
      claim('c1', 'reservoirs in the Brenn valley hold 31% of capacity', { status: 'checked' }),
      claim('c2', 'Rationing began on 3 June', { claimant: 'nobody', verdict: 'false', sources: [{ url: 'https://example.org/b' }] }),
    ]);
    annotations.actors[0].mentions.push({ ...on('Zoë Aldám'), orphaned: true });
    const findings = lintAnnotations(annotations, { 'claim-no-claimant': 'warning' });
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity, f.message, f.claim, f.actor, f.source]),
      [
        ['claim-no-claimant', 'warning', 'Claim c1 has no claimant, so it is attributed to the article itself. Say who makes it if someone does.', 'c1', undefined, undefined],
        ['checked-no-verdict', 'warning', 'Claim c1 is checked but has no verdict.', 'c1', undefined, undefined],
        [
          'orphaned-anchor',
          'warning',
          'Orphaned mention of Tomáš Řehoř: “Zoë Aldám” was not found in the text. It is kept in the sidecar; select its text and re-attach it.',
          undefined,
          'tomas-rehor',
          undefined,
        ],
        ['unknown-claimant', 'error', 'Claim c2 names the claimant “nobody”, but no actor of this article has that id.', 'c2', undefined, undefined],
        [
          'source-no-archive',
          'hint',
          'Source 1 of claim c2 (https://example.org/b) has no archived copy; if the page changes or goes away, the evidence goes with it.',
          'c2',
          undefined,
          0,
        ],
      ],
    );
    // Without a label for it, a verdict is named by its id.
    const bare = lintAnnotations(article([claim('c3', 'hold 31% of capacity', { claimant: 'tomas-rehor', verdict: 'mostly-false' })]));
    assert.deepEqual(bare.map((f) => f.message), ['Claim c3 has the verdict “mostly-false” but no source; readers cannot see the evidence.']);
  });

  it('reports an orphaned claim by its quote and where it was last seen', () => {
    const annotations = article([claim('c1', 'hold 31% of capacity', { claimant: 'tomas-rehor' })]);
    annotations.claims[0].anchor = { ...annotations.claims[0].anchor, orphaned: true };
    const [finding] = lintAnnotations(annotations);
    assert.equal(finding.message, 'Orphaned claim c1: “hold 31% of capacity” was not found in the text. It is kept in the sidecar; select its text and re-attach it.');
    assert.equal(ARTICLE.slice(finding.start, finding.end), 'hold 31% of capacity');
    assert.equal(finding.anchor, annotations.claims[0].anchor);
  });

  it('lists findings in text order, then by where they end', () => {
    const findings = lintAnnotations(
      article([
        claim('late', 'Rationing began on 3 June'),
        claim('long', 'reservoirs in the Brenn valley hold 31% of capacity'),
        claim('short', 'reservoirs in the Brenn valley'),
      ]),
    );
    assert.deepEqual(rules(findings), ['claim-no-claimant:short', 'claim-no-claimant:long', 'claim-no-claimant:late']);
  });

  it('keeps a finding whose anchor runs past a shortened text inside it', () => {
    const annotations = article([claim('c1', 'Rationing began on 3 June')]);
    const cut = ARTICLE.indexOf('Rationing') + 5;
    const [finding] = lintAnnotations(annotations, {}, cut);
    assert.deepEqual([finding.start, finding.end], [ARTICLE.indexOf('Rationing'), cut]);
    const beyond = lintAnnotations(annotations, {}, 10);
    assert.deepEqual([beyond[0].start, beyond[0].end], [10, 10]);
  });
});
