// Commands as a fact-checker drives them: the pickers' first rows, the questions before a surprising change, the views' rows and what each command says it did.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { anchorAt, type Annotations } from '../../src/core/model';
import { encodeSidecar } from '../../src/core/sidecar';
import { ALL_COMMANDS } from '../../src/features/commands/ids';
import type { TreeNode } from '../../src/features/tree';
import { activateNewsmark, answeringPicker, type NewsmarkApi, openArticle, select, settle, sidecarPath, writeArticle } from './helpers';

/** The views Newsmark contributes, read from its manifest as VS Code reads it. */
function manifestViews(): Record<string, { id: string }[]> {
  const ext = vscode.extensions.getExtension('newsmark.newsmark');
  return (ext?.packageJSON as { contributes: { views: Record<string, { id: string }[]> } }).contributes.views;
}

const ARTICLE = [
  'CSTO drills open in Kyrgyzstan',
  '',
  'Prime Minister Nikol Pashinyan said Armenia’s troops would not take part. Pashinyan called the alliance ineffective.',
  'Russia and Kazakhstan sent troops; Russia sent the most.',
  'Many experts doubt the drills will change anything.',
  '',
].join('\n');

function span(text: string, quote: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
  }
  assert.ok(at >= 0, quote);
  return { start: at, end: at + quote.length };
}

function mention(text: string, quote: string, occurrence = 0) {
  const s = span(text, quote, occurrence);
  return anchorAt(text, s.start, s.end);
}

/** Writes an article with its sidecar on disk, opens it and returns its editor. */
async function annotated(name: string, text: string, annotations: Omit<Annotations, 'article'>): Promise<{ editor: vscode.TextEditor; file: string }> {
  const file = writeArticle(name, text);
  fs.writeFileSync(sidecarPath(file), encodeSidecar({ article: { file: name }, ...annotations }, text));
  return { editor: await openArticle(file), file };
}

async function rows(api: NewsmarkApi, view: 'actors' | 'assertions', node?: TreeNode): Promise<TreeNode[]> {
  const tree = api.trees[view];
  const children = await tree.getChildren(node);
  const all: TreeNode[] = [];
  for (const child of children) {
    all.push(child, ...(await rows(api, view, child)));
  }
  return all;
}

async function until<T>(what: string, read: () => T | undefined | false): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const value = read();
    if (value !== undefined && value !== false) {
      return value;
    }
    await settle(100);
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('Commands', () => {
  let api: NewsmarkApi;

  before(async () => {
    api = await activateNewsmark();
  });

  it('registers exactly the command ids declared in one place', async () => {
    // VS Code adds focus and layout commands for each view; those are not Newsmark's to declare.
    const views = new Set(Object.values(manifestViews()).flat().map((v) => v.id));
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('newsmark.') && !views.has(id) && !views.has(id.slice(0, id.lastIndexOf('.'))));
    assert.deepStrictEqual([...new Set(registered)].sort(), [...ALL_COMMANDS].sort());
  });

  it('gives every row a unique id, with two orphaned mentions of one actor with the same quote and a duplicated mention', async () => {
    const text = ARTICLE;
    const gone = { start: 40, end: 47, quote: 'Armenië', prefix: 'Minister Nikol Pashinyan said ', suffix: ' troops would not', orphaned: true };
    await annotated('ids.txt', text, {
      actors: [
        { id: 'armenia', name: 'Armenia', type: 'country', mentions: [gone, { ...gone }, mention(text, 'Armenia')] },
        { id: 'russia', name: 'Russia', type: 'country', mentions: [mention(text, 'Russia'), mention(text, 'Russia', 1)] },
      ],
      claims: [{ id: 'c1', anchor: { ...mention(text, 'Kyrgyzstan'), quote: 'Tajikistan', orphaned: true }, status: 'unchecked', sources: [] }],
    });
    await settle();
    const actorRows = await rows(api, 'actors');
    const assertionRows = await rows(api, 'assertions');
    for (const all of [actorRows, assertionRows]) {
      const ids = all.map((n) => api.trees.actors.getTreeItem(n).id);
      assert.strictEqual(new Set(ids).size, ids.length, JSON.stringify(ids));
    }
    const actorLabels = actorRows.map((n) => String(api.trees.actors.getTreeItem(n).label));
    assert.ok(actorLabels.includes('Russia') && actorLabels.includes('Armenia'), 'attached actors still show');
    // Orphaned mentions belong to the Actors view, orphaned claims to the Assertions view.
    assert.deepStrictEqual(actorRows.filter((n) => n.kind === 'orphan').map((n) => (n.kind === 'orphan' ? n.actor?.id : '')), ['armenia', 'armenia']);
    assert.deepStrictEqual(assertionRows.filter((n) => n.kind === 'orphan').map((n) => (n.kind === 'orphan' ? n.claim?.id : '')), ['c1']);
    // Two mentions of Russia on one line are told apart by their column and words around them.
    const russia = actorRows.filter((n) => n.kind === 'mention' && n.actor.id === 'russia').map((n) => String(api.trees.actors.getTreeItem(n).description));
    assert.strictEqual(russia.length, 2);
    assert.notStrictEqual(russia[0], russia[1]);
    assert.match(russia[0], /^line 4:1 · /);
  });

  it('re-attaches to the orphan whose quote is the selection, and asks before giving another its text', async () => {
    const text = ARTICLE;
    const orphan = (quote: string) => ({ start: 0, end: quote.length, quote, prefix: '', suffix: 'drills open', orphaned: true });
    const { editor, file } = await annotated('reattach.txt', text, {
      actors: [
        { id: 'tajikistan', name: 'Tajikistan', type: 'country', mentions: [orphan('Tajikistan')] },
        { id: 'russia', name: 'Russia', type: 'country', mentions: [orphan('Russia')] },
      ],
      claims: [],
    });
    const model = () => api.store.get(editor.document.uri)!.annotations!;
    assert.ok(model().actors[1].mentions[0].orphaned, 'Russia starts orphaned');
    select(editor, 'Russia', 1);
    await answeringPicker(() => vscode.commands.executeCommand('newsmark.reattachToSelection'), 'accept');
    await api.store.flush();
    assert.strictEqual(model().actors[1].mentions[0].orphaned, undefined, 'Russia’s own mention was attached');
    assert.ok(model().actors[0].mentions[0].orphaned, 'Tajikistan is still orphaned');
    assert.strictEqual(api.feedback.last, 'Re-attached the mention of Russia to “Russia”');

    // One orphan left, and the selection is not its text: asked, and Escape changes nothing.
    select(editor, 'Kazakhstan');
    await answeringPicker(() => vscode.commands.executeCommand('newsmark.reattachToSelection'), 'dismiss');
    await api.store.flush();
    assert.strictEqual(model().actors[0].mentions[0].quote, 'Tajikistan');
    assert.ok(model().actors[0].mentions[0].orphaned);
    assert.ok(!fs.readFileSync(sidecarPath(file), 'utf8').includes('quote: Kazakhstan'));
  });

  it('pre-selects the actor a selection is part of, and says when a mark changes nothing', async () => {
    const text = ARTICLE;
    const { editor, file } = await annotated('mark.txt', text, {
      actors: [{ id: 'nikol-pashinyan', name: 'Nikol Pashinyan', type: 'person', mentions: [mention(text, 'Nikol Pashinyan')] }],
      claims: [],
    });
    select(editor, 'Pashinyan', 1);
    const id = await answeringPicker(() => vscode.commands.executeCommand('newsmark.markActor'), 'accept');
    assert.strictEqual(id, 'nikol-pashinyan');
    await api.store.flush();
    assert.strictEqual(api.store.get(editor.document.uri)!.annotations!.actors[0].mentions.length, 2);

    const before = fs.readFileSync(sidecarPath(file), 'utf8');
    await vscode.commands.executeCommand('newsmark.markActor', { actor: 'nikol-pashinyan' });
    await api.store.flush();
    assert.strictEqual(api.feedback.last, '“Pashinyan” is already a mention of Nikol Pashinyan; nothing changed.');
    assert.strictEqual(fs.readFileSync(sidecarPath(file), 'utf8'), before);
  });

  it('asks before marking a mention of one actor as another’s too', async () => {
    const text = ARTICLE;
    const { editor } = await annotated('overlap.txt', text, {
      actors: [
        { id: 'armenia', name: 'Armenia', type: 'country', mentions: [mention(text, 'Armenia')] },
        { id: 'csto', name: 'CSTO', type: 'organisation', mentions: [mention(text, 'CSTO')] },
      ],
      claims: [],
    });
    select(editor, 'Armenia');
    await answeringPicker(() => vscode.commands.executeCommand('newsmark.markActor', { actor: 'csto' }), 'dismiss');
    assert.strictEqual(api.store.get(editor.document.uri)!.annotations!.actors[1].mentions.length, 1, 'not tagged twice');
    await answeringPicker(() => vscode.commands.executeCommand('newsmark.markActor', { actor: 'csto' }), 'accept');
    assert.strictEqual(api.store.get(editor.document.uri)!.annotations!.actors[1].mentions.length, 2, 'tagged once the user agrees');
  });

  it('proposes “Armenia” for a double-clicked “Armenia’s”, and marks just the name', async () => {
    const editor = await openArticle(writeArticle('possessive.txt', ARTICLE));
    select(editor, 'Armenia’s');
    assert.strictEqual(await vscode.commands.executeCommand('newsmark.markActor', { name: 'Armenia’s', type: 'country' }), 'armenia');
    const actor = api.store.get(editor.document.uri)!.annotations!.actors[0];
    assert.strictEqual(actor.name, 'Armenia');
    assert.strictEqual(actor.mentions[0].quote, 'Armenia');
  });

  it('makes a new actor the claimant from a typed name', async () => {
    const editor = await openArticle(writeArticle('claimant.txt', ARTICLE));
    select(editor, 'Many experts doubt the drills will change anything.');
    const id = await vscode.commands.executeCommand('newsmark.markClaim', { claimant: { name: 'Many experts' } });
    const annotations = api.store.get(editor.document.uri)!.annotations!;
    const claim = annotations.claims.find((c) => c.id === id)!;
    assert.strictEqual(claim.claimant, 'many-experts');
    const actor = annotations.actors.find((a) => a.id === 'many-experts')!;
    assert.strictEqual(actor.name, 'Many experts');
    assert.strictEqual(actor.mentions[0].quote, 'Many experts', 'marked where the claim names it');
    assert.strictEqual(api.feedback.last, `Marked claim ${id} by Many experts`);

    // Asked in the picker, Enter on its first row attributes the claim to the article itself.
    select(editor, 'Russia and Kazakhstan sent troops');
    const second = await answeringPicker(() => vscode.commands.executeCommand<string>('newsmark.markClaim'), 'accept');
    const claim2 = api.store.get(editor.document.uri)!.annotations!.claims.find((c) => c.id === second)!;
    assert.strictEqual(claim2.anchor.quote, 'Russia and Kazakhstan sent troops');
    assert.strictEqual(claim2.claimant, undefined);
  });

  it('acts on the row it is run from: Set Verdict on a claim, Remove on a mention and on a source', async () => {
    const text = ARTICLE;
    const { editor } = await annotated('rows.txt', text, {
      actors: [{ id: 'russia', name: 'Russia', type: 'country', mentions: [mention(text, 'Russia'), mention(text, 'Russia', 1)] }],
      claims: [
        { id: 'c1', anchor: mention(text, 'Russia and Kazakhstan sent troops'), claimant: 'russia', status: 'unchecked', sources: [{ url: 'https://example.org/a', accessed: '2026-11-01' }] },
      ],
    });
    const model = () => api.store.get(editor.document.uri)!.annotations!;
    // The cursor is elsewhere: the command must act on the row, not on what the cursor is in.
    select(editor, 'Pashinyan');
    const claimRow = (await rows(api, 'assertions')).find((n) => n.kind === 'claim')!;
    await answeringPicker(() => vscode.commands.executeCommand('newsmark.setVerdict', claimRow), 'accept');
    assert.strictEqual(model().claims[0].verdict, 'true');
    assert.strictEqual(api.feedback.last, 'Claim c1: True');

    const second = (await rows(api, 'actors')).filter((n) => n.kind === 'mention')[1];
    await vscode.commands.executeCommand('newsmark.remove', second);
    assert.deepStrictEqual(model().actors[0].mentions.map((m) => m.start), [span(text, 'Russia').start]);
    assert.strictEqual(api.feedback.last, 'Removed the mention “Russia” of Russia');

    const source = (await rows(api, 'assertions')).find((n) => n.kind === 'source')!;
    await vscode.commands.executeCommand('newsmark.setAccessed', { ...{ uri: editor.document.uri.toString(), claim: 'c1', url: 'https://example.org/a' }, accessed: '2026-11-30' });
    assert.strictEqual(model().claims[0].sources[0].accessed, '2026-11-30');
    await vscode.commands.executeCommand('newsmark.remove', source);
    assert.deepStrictEqual(model().claims[0].sources, []);
    assert.strictEqual(model().claims.length, 1, 'the claim stays');
  });

  it('reveals a row’s mention without moving the keyboard into the article', async () => {
    const text = ARTICLE;
    await annotated('reveal.txt', text, { actors: [{ id: 'russia', name: 'Russia', type: 'country', mentions: [mention(text, 'Russia')] }], claims: [] });
    const actorRow = (await rows(api, 'actors')).find((n) => n.kind === 'actor')!;
    const command = api.trees.actors.getTreeItem(actorRow).command!;
    assert.strictEqual(command.command, 'newsmark.revealAnchor');
    assert.strictEqual((command.arguments?.[0] as { focus?: boolean }).focus, false);
  });

  it('keeps a row expanded across a switch to the whole workspace and back', async () => {
    const text = ARTICLE;
    await annotated('expand.txt', text, { actors: [{ id: 'russia', name: 'Russia', type: 'country', mentions: [mention(text, 'Russia')] }], claims: [] });
    const actorRow = (await rows(api, 'actors')).find((n) => n.kind === 'actor')!;
    assert.strictEqual(api.trees.actors.getTreeItem(actorRow).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    api.trees.actors.expansion.set(actorRow.id!, vscode.TreeItemCollapsibleState.Expanded);
    await vscode.commands.executeCommand('newsmark.showWorkspace');
    await vscode.commands.executeCommand('newsmark.showActiveArticle');
    const again = (await rows(api, 'actors')).find((n) => n.kind === 'actor')!;
    assert.strictEqual(again.id, actorRow.id, 'the same id after the switch');
    assert.strictEqual(api.trees.actors.getTreeItem(again).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  });

  it('says the sidecar cannot be read in both views and the status bar, and stops once it reads again', async () => {
    const file = writeArticle('broken.txt', ARTICLE);
    fs.writeFileSync(sidecarPath(file), 'newsmark: 1\narticle:\n  file: broken.txt\nclaims:\n  - id: c1\n    status: maybe\n');
    const editor = await openArticle(file);
    await until('the status bar to say so', () => api.statusBar.item.text === '$(error) Sidecar cannot be read');
    // The views are empty, with no message over them, so their welcome says so with an Open Sidecar button.
    assert.deepStrictEqual([await rows(api, 'actors'), await rows(api, 'assertions')], [[], []]);
    assert.ok(!api.trees.actorsView.message, api.trees.actorsView.message);
    // Open Sidecar goes to the problem, also when run again with the sidecar in front.
    const problem = api.store.get(editor.document.uri)!.problems.find((p) => p.severity === 'error')!;
    for (let i = 0; i < 2; i++) {
      await vscode.commands.executeCommand('newsmark.openSidecar');
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, sidecarPath(file));
      assert.strictEqual(vscode.window.activeTextEditor.selection.active.line, problem.line - 1);
    }
    fs.writeFileSync(sidecarPath(file), encodeSidecar({ article: { file: 'broken.txt' }, actors: [], claims: [] }, ARTICLE));
    await until('the sidecar to be read again', () => api.store.get(editor.document.uri)?.annotations);
    await until('the status bar to stop saying so', () => /0 actors/.test(api.statusBar.item.text));
  });

  it('confirms a note, an alias and a removal in the status bar, and says what a half-typed address lacks', async () => {
    const text = ARTICLE;
    const { editor } = await annotated('confirm.txt', text, {
      actors: [{ id: 'nikol-pashinyan', name: 'Nikol Pashinyan', type: 'person', mentions: [mention(text, 'Nikol Pashinyan')] }],
      claims: [{ id: 'c1', anchor: mention(text, 'Many experts doubt the drills will change anything.'), status: 'unchecked', sources: [] }],
    });
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('newsmark.addNote', { uri, claim: 'c1', note: 'Ask the ministry.' });
    assert.strictEqual(api.feedback.last, 'Note saved on claim c1');
    await vscode.commands.executeCommand('newsmark.addAlias', { uri, actor: 'nikol-pashinyan', alias: 'Pashinyan' });
    assert.strictEqual(api.feedback.last, 'Nikol Pashinyan is also called Pashinyan');
    assert.deepStrictEqual(api.store.get(editor.document.uri)!.annotations!.actors[0].aliases, ['Pashinyan']);
    await vscode.commands.executeCommand('newsmark.addSource', { uri, claim: 'c1', url: 'https://' });
    assert.strictEqual(api.feedback.last, 'Source not added. Type or paste the rest of the address after https://.');
    select(editor, 'doubt');
    await vscode.commands.executeCommand('newsmark.removeAnnotation');
    assert.strictEqual(api.feedback.last, 'Removed claim c1');
  });
});
