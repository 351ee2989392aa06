// Hover text: details of actors and claims, with every piece of sidecar text escaped and only web links.

import * as assert from 'node:assert/strict';
import { describeActor, describeClaim, escapeMarkdown, safeLink } from '../../../src/core/describe';
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
    assert.ok(md.includes('**Claim c1** · Checked, Mostly true'));
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
});
