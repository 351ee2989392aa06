// Hover text: details of actors and claims, with every piece of sidecar text escaped and only web links.

import * as assert from 'node:assert/strict';
import { describeActor, describeClaim, escapeMarkdown, safeLink } from '../../../src/core/describe';
import { snippet } from '../../../src/core/text';
import { anchorAt, type Annotations } from '../../../src/core/model';

const TEXT = 'Nikol Pashinyan said approximately 2,500 personnel are involved.';
const labels = { actorType: (id: string) => ({ person: 'Person' })[id] ?? id, verdict: (id: string) => ({ 'mostly-true': 'Mostly true' })[id] ?? id };

function annotations(): Annotations {
  return {
    article: { file: 'a.txt' },
    actors: [{ id: 'np', name: 'Nikol Pashinyan', type: 'person', aliases: ['Pashinyan'], wikidata: 'Q1', mentions: [anchorAt(TEXT, 0, 15)] }],
    claims: [{ id: 'c1', anchor: anchorAt(TEXT, 21, 64), claimant: 'np', status: 'checked', verdict: 'mostly-true', sources: [{ url: 'https://example.org/r', title: 'Report', accessed: '2026-11-28' }] }],
  };
}

describe('describe', () => {
  it('describes an actor: name, type, aliases, Wikidata, mentions, claims', () => {
    const md = describeActor(annotations(), annotations().actors[0], labels, 'file:///a.txt');
    assert.ok(md.startsWith('**Nikol Pashinyan** — Person'));
    assert.ok(md.includes('Also called: Pashinyan'));
    assert.ok(md.includes('[Q1](https://www.wikidata.org/wiki/Q1)'));
    assert.ok(md.includes('1 mention'));
    assert.ok(md.includes('Makes 1 claim:'));
  });

  it('describes a claim: claimant, status, verdict, sources as links', () => {
    const a = annotations();
    const md = describeClaim(a, a.claims[0], TEXT, labels, 'file:///a.txt');
    assert.ok(md.startsWith('> approximately 2,500 personnel'), 'the claim’s words come first');
    assert.ok(md.includes('**Claim c1** · Checked · Verdict: **Mostly true**'));
    assert.equal(md.split('Mostly true').length, 2, 'the verdict is said once');
    assert.equal(md.split('Checked').length, 2, 'the status is said once');
    assert.ok(md.includes('Claimant: **Nikol Pashinyan** (Person)'));
    assert.ok(md.includes('1. [Report](https://example.org/r) · accessed 2026\\-11\\-28'));
    assert.ok(md.includes('command:newsmark.setVerdict?'));
  });

  it('escapes sidecar text so it cannot form links, images, HTML or commands', () => {
    const a = annotations();
    a.actors[0].name = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>';
    a.actors[0].notes = '![x](https://evil.example/p.png)';
    const md = describeActor(a, a.actors[0], labels, 'file:///a.txt');
    assert.ok(!md.includes('](command:workbench'), md);
    assert.ok(!/(^|[^\\])<img/.test(md), md);
    assert.ok(!md.includes('![x]('), md);
    assert.equal(escapeMarkdown('a*b_c'), 'a\\*b\\_c');
  });

  it('links only http and https addresses', () => {
    assert.equal(safeLink('doc', 'javascript:alert(1)'), 'doc');
    assert.equal(safeLink('doc', 'command:workbench.action.quit'), 'doc');
    assert.equal(safeLink('doc', 'https://example.org/a b'), '[doc](https://example.org/a%20b)');
    const a = annotations();
    a.claims[0].sources = [{ url: 'file:///etc/passwd', title: 'local' }];
    assert.ok(!describeClaim(a, a.claims[0], TEXT, labels, 'x').includes('file:///etc'));
  });

  it('says when a claim’s wording changed and offers to accept it', () => {
    const a = annotations();
    const edited = TEXT.replace('2,500', '2,600');
    const md = describeClaim(a, a.claims[0], edited, labels, 'file:///a.txt');
    assert.ok(md.includes('The wording changed since this claim was marked'));
    assert.ok(md.includes('command:newsmark.acceptNewWording?'));
  });

  it('keeps sidecar text on its line whatever line break it holds, so none can open a code block', () => {
    for (const brk of ['\r\n', '\r', '\n', '\u0085', '\u2028', '\u2029']) {
      const a = annotations();
      a.actors[0].notes = `Seen at the summit.${brk}${brk}    rm -rf ~${brk}# Heading`;
      const md = describeActor(a, a.actors[0], labels, 'file:///a.txt');
      const notes = md.split('\n\n').find((p) => p.startsWith('Notes: '));
      assert.ok(notes, JSON.stringify(brk));
      assert.ok(!/[\r\n\u0085\u2028\u2029]/.test(notes), `${JSON.stringify(brk)} stays folded: ${JSON.stringify(notes)}`);
      assert.ok(notes.includes('rm'), notes);
      assert.ok(!/[\r\n\u0085\u2028\u2029]/.test(snippet(`a${brk}b`)));
    }
  });

  it('shows bidirectional controls instead of applying them, so a name cannot disguise itself', () => {
    const a = annotations();
    a.actors[0].name = 'Person\u202Etxt.exe';
    a.actors[0].aliases = ['\u2066x\u2069', 'a\u200Fb\u061C'];
    const md = describeActor(a, a.actors[0], labels, 'file:///a.txt');
    assert.ok(md.startsWith('**Person⟨U+202E⟩txt\\.exe** — Person'), md);
    assert.ok(md.includes('Also called: ⟨U+2066⟩x⟨U+2069⟩, a⟨U+200F⟩b⟨U+061C⟩'), md);
    assert.ok(!/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/.test(md));
    assert.equal(snippet('Person\u202Etxt.exe'), 'Person⟨U+202E⟩txt.exe');
  });
});

describe('describe: who did what', () => {
  it('says who marked the hovered mention and when, and who marked and reviewed a claim', () => {
    const a = annotations();
    const mention = { ...a.actors[0].mentions[0], by: 'Ana Petrosyan', at: '2026-12-03T14:05:09Z' };
    a.actors[0].mentions = [mention];
    assert.match(describeActor(a, a.actors[0], labels, 'file:///a.txt', mention), /\n\nMarked by Ana Petrosyan, 3 Dec 2026\n\n/);
    // Another mention's stamp is not this one's.
    assert.doesNotMatch(describeActor(a, a.actors[0], labels, 'file:///a.txt', anchorAt(TEXT, 0, 15)), /Marked/);
    Object.assign(a.claims[0], { by: 'Ana', at: '2026-12-01T09:00:00Z', verdict: 'mostly-true', reviewedBy: 'Davit', reviewedAt: '2026-12-03T09:00:00Z' });
    assert.match(describeClaim(a, a.claims[0], TEXT, labels, 'file:///a.txt'), /\n\nMarked by Ana, 1 Dec 2026 · verdict by Davit, 3 Dec 2026\n\n/);
  });

  it('escapes a hostile annotator’s name so it can neither link nor run a command, and cuts a long one', () => {
    const a = annotations();
    const evil = '[Set verdict](command:newsmark.setVerdict?%7B%7D) <img src=x> *bold*\n# heading';
    const mention = { ...a.actors[0].mentions[0], by: evil, at: '2026-12-03T14:05:09Z' };
    const md = describeActor(a, a.actors[0], labels, 'file:///a.txt', mention);
    const line = md.split('\n\n').find((l) => l.startsWith('Marked'))!;
    assert.doesNotMatch(line, /(^|[^\\])[[\]()<>*#]/);
    assert.ok(!line.includes('\n'));
    Object.assign(a.claims[0], { reviewedBy: 'x'.repeat(5000), reviewedAt: '2026-12-03T09:00:00Z' });
    const claimLine = describeClaim(a, a.claims[0], TEXT, labels, 'file:///a.txt').split('\n\n').find((l) => l.startsWith('Verdict by'))!;
    assert.ok(claimLine.length < 200, claimLine);
  });
});
