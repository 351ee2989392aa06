import * as assert from 'node:assert/strict';
import { conflictKey, DEFAULT_CONFLICT_LABELS } from '../../../src/core/conflicts';
import { conflictMarkdown, conflictsAt, conflictSpan, resolutionTitle } from '../../../src/core/conflictView';
import { type Annotations, anchorAt, type MergeConflict } from '../../../src/core/model';

const text = 'Nikol Pashinyan said Armenia would not take part. Russia sent 2,500 troops to Belarus.';
const at = (quote: string) => anchorAt(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
const COMMANDS = { resolve: 'newsmark.resolveConflict', compare: 'newsmark.compareVerdicts' };

const verdict: MergeConflict = {
  kind: 'claim',
  id: 'c1',
  field: 'verdict',
  base: 'mixed',
  ours: 'mostly-false',
  theirs: 'false',
  evidence: {
    ours: { sources: [{ url: 'https://ministry.example/figures', title: 'Ministry figures', archived: 'https://web.archive.org/web/2024/https://ministry.example/figures', accessed: '2024-06-11' }] },
    theirs: { sources: [{ url: 'https://wire.example/report' }], notes: 'The wire says *all* [units](command:workbench.action.terminal.new) left | gone' },
  },
};

function annotations(...conflicts: MergeConflict[]): Annotations {
  return {
    article: { file: 'report (1).txt' },
    actors: [{ id: 'russia', name: 'Russia', type: 'country', mentions: [{ ...at('Russia'), orphaned: true }, at('Russia')] }],
    claims: [{ id: 'c1', anchor: at('Russia sent 2,500 troops'), status: 'checked', sources: [], verdict: 'mostly-false' }],
    conflicts,
  };
}

/** The arguments of each command link in the Markdown, decoded as the editor would. */
function links(markdown: string): { label: string; command: string; args: unknown }[] {
  return [...markdown.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^)\s]*)\)/g)].map((m) => ({ label: m[1], command: m[2], args: JSON.parse(decodeURIComponent(m[3])) }));
}

describe('conflictView', () => {
  it('places a claim conflict on the claim and an actor conflict on its first mention found', () => {
    const type: MergeConflict = { kind: 'actor', id: 'russia', field: 'type', ours: 'country', theirs: 'organization' };
    const a = annotations(verdict, type);
    assert.deepEqual(conflictSpan(a, verdict), { start: text.indexOf('Russia sent'), end: text.indexOf(' to Belarus') });
    assert.equal(conflictSpan(a, type)?.start, text.indexOf('Russia'));
    assert.equal(conflictSpan(a, { kind: 'article', id: 'report (1).txt', field: 'title' }), undefined);
    assert.deepEqual(conflictsAt(a, text.indexOf('2,500')), [verdict]);
    assert.deepEqual(conflictsAt(a, 0), []);
  });

  it('shows a verdict conflict’s two sides with their sources and notes, escaped, and buttons that name the conflict', () => {
    const md = conflictMarkdown(annotations(verdict), verdict, DEFAULT_CONFLICT_LABELS, 'file:///news/report%20(1).txt', COMMANDS);
    assert.match(md, /\| \*\*Verdict\*\* \| Mostly false \| False \|/);
    assert.match(md, /\[Ministry figures\]\(https:\/\/ministry\.example\/figures\) \(ministry\\\.example\), \[archived copy\]\(https:\/\/web\.archive\.org\/web\/2024\/https:\/\/ministry\.example\/figures\), accessed 2024\\-06\\-11/);
    assert.match(md, /\[https\\:\/\/wire\\\.example\/report\]\(https:\/\/wire\.example\/report\)/);
    // The note cannot make a link, a command or a table cell of its own.
    assert.doesNotMatch(md, /command:workbench/);
    assert.match(md, /\\\*all\\\* \\\[units\\\]\\\(command\\:workbench\\\.action\\\.terminal\\\.new\\\) left \\\| gone/);
    assert.deepEqual(links(md), [
      { label: 'Keep mine', command: 'newsmark.resolveConflict', args: [{ uri: 'file:///news/report%20(1).txt', conflict: conflictKey(verdict), side: 'ours' }] },
      { label: 'Take theirs', command: 'newsmark.resolveConflict', args: [{ uri: 'file:///news/report%20(1).txt', conflict: conflictKey(verdict), side: 'theirs' }] },
    ]);
  });

  it('says so when the merge did not record each side’s sources, and shows the claim’s', () => {
    const { evidence: _evidence, ...bare } = verdict;
    const a = annotations(bare);
    a.claims[0].sources = [{ url: 'https://example.org/a' }];
    const md = conflictMarkdown(a, bare, DEFAULT_CONFLICT_LABELS, 'file:///a.txt', COMMANDS);
    assert.match(md, /did not record which side’s sources are which/);
    assert.equal(md.match(/example\.org\/a\)/g)?.length, 2);
  });

  it('a conflict on another field has the message and the buttons, no table', () => {
    const status: MergeConflict = { kind: 'claim', id: 'c1', field: 'status', ours: 'checked', theirs: 'in-progress' };
    const md = conflictMarkdown(annotations(status), status, DEFAULT_CONFLICT_LABELS, 'file:///a.txt', COMMANDS);
    assert.match(md, /^\*\*Merge conflict\.\*\* Status conflict on claim c1\\: yours says “Checked”, theirs says “In progress”\./);
    assert.doesNotMatch(md, /\| Yours \|/);
    assert.equal(links(md).length, 2);
  });

  it('titles the buttons with the value each keeps', () => {
    const a = annotations(verdict);
    assert.equal(resolutionTitle(verdict, 'ours', DEFAULT_CONFLICT_LABELS, a), 'Keep mine — verdict “Mostly false”');
    assert.equal(resolutionTitle(verdict, 'theirs', DEFAULT_CONFLICT_LABELS, a), 'Take theirs — verdict “False”');
    const deleted: MergeConflict = { kind: 'claim', id: 'c1', field: 'deleted', ours: 'changed', theirs: 'deleted' };
    assert.equal(resolutionTitle(deleted, 'theirs', DEFAULT_CONFLICT_LABELS, a), 'Take theirs — claim c1 removed');
    assert.equal(resolutionTitle(deleted, 'ours', DEFAULT_CONFLICT_LABELS, a), 'Keep mine — claim c1 kept');
  });
});
