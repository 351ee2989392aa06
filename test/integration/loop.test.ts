// The first working loop in a real VS Code: mark an actor and a claim, see them in hovers and trees, find them on disk.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/features/tree';
import { activateNewsmark, markEditAndSave, hoverText, openArticle, select, settle, sidecarPath, workspaceFile, writeArticle } from './helpers';

const ARTICLE = [
  'Armenia’s Absence Raises Eyebrows at CSTO Training',
  '',
  'Armenia’s Prime Minister, Nikol Pashinyan, has expressed reservations about the CSTO’s effectiveness. Approximately 2,500 personnel are involved in the exercises. Pashinyan’s government has sought to diversify Armenia’s security partnerships.',
  '',
].join('\n');

describe('Marking an article', () => {
  let api: Awaited<ReturnType<typeof activateNewsmark>>;
  let file: string;

  before(async () => {
    api = await activateNewsmark();
    file = writeArticle('loop.txt', ARTICLE);
  });

  it('marks an actor and a claim and writes exactly that to the sidecar', async () => {
    const editor = await openArticle(file);
    select(editor, 'Pashinyan');
    const actorId = await vscode.commands.executeCommand('newsmark.markActor', { name: 'Nikol Pashinyan', type: 'person' });
    assert.strictEqual(actorId, 'nikol-pashinyan');
    select(editor, 'Approximately 2,500 personnel are involved in the exercises.');
    const claimId = await vscode.commands.executeCommand('newsmark.markClaim', { claimant: 'nikol-pashinyan' });
    assert.strictEqual(claimId, 'c1');
    await api.store.flush();

    // Who marked them is the annotator set for the tests; when, the time they ran, which the comparison leaves out.
    const yaml = fs.readFileSync(sidecarPath(file), 'utf8').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '(time)');
    const by = vscode.workspace.getConfiguration('newsmark').get<string>('annotator');
    const start = ARTICLE.indexOf('Pashinyan');
    const claimStart = ARTICLE.indexOf('Approximately');
    assert.match(yaml, /^newsmark: 1\narticle:\n {2}file: loop\.txt\n {2}sha256: [0-9a-f]{64}\nactors:\n/);
    assert.ok(
      yaml.includes(
        [
          'actors:',
          '  - id: nikol-pashinyan',
          '    name: Nikol Pashinyan',
          '    type: person',
          `    by: ${by}`,
          '    at: (time)',
          '    mentions:',
          // The article has only BMP characters before the name, so code points equal UTF-16 offsets here.
          `      - { start: ${start}, end: ${start + 9}, quote: Pashinyan, prefix: "Armenia’s Prime Minister, Nikol ", suffix: ", has expressed reservations abo", by: ${by}, at: (time) }`,
          'claims:',
          '  - id: c1',
          `    anchor: { start: ${claimStart}, end: ${claimStart + 60}, quote: "Approximately 2,500 personnel are involved in the exercises.", prefix: "about the CSTO’s effectiveness. ", suffix: " Pashinyan’s government has soug" }`,
          `    by: ${by}`,
          '    at: (time)',
          '    claimant: nikol-pashinyan',
          '    status: unchecked',
          '',
        ].join('\n'),
      ),
      `unexpected sidecar:\n${yaml}`,
    );
  });

  it('shows the actor and the claim in hovers', async () => {
    const doc = await vscode.workspace.openTextDocument(file);
    const mentionPos = doc.positionAt(ARTICLE.indexOf('Pashinyan') + 3);
    const text = await hoverText(doc.uri, mentionPos);
    assert.ok(text.includes('**Nikol Pashinyan** — Person'), text);
    assert.ok(text.includes('1 mention'), text);
    assert.ok(text.includes('Makes 1 claim'), text);

    const claimPos = doc.positionAt(ARTICLE.indexOf('2,500'));
    const claimText = await hoverText(doc.uri, claimPos);
    assert.ok(claimText.includes('**Claim c1** · Unchecked'), claimText);
    assert.ok(claimText.includes('Claimant: **Nikol Pashinyan** (Person)'), claimText);
    assert.ok(claimText.includes('No sources yet.'), claimText);
  });

  it('lists the actor and the claim in the trees', async () => {
    await openArticle(file);
    const types = await api.trees.actors.getChildren();
    assert.deepStrictEqual(types.map((n) => api.trees.actors.getTreeItem(n).label), ['Person']);
    const actors = await api.trees.actors.getChildren(types[0]);
    const actorItem = api.trees.actors.getTreeItem(actors[0]);
    assert.strictEqual(actorItem.label, 'Nikol Pashinyan');
    assert.strictEqual(actorItem.description, '1 mention');
    const mentions = await api.trees.actors.getChildren(actors[0]);
    assert.deepStrictEqual(mentions.map((n) => api.trees.actors.getTreeItem(n).label), ['Pashinyan']);

    const groups = await api.trees.assertions.getChildren();
    assert.deepStrictEqual(groups.map((n) => api.trees.assertions.getTreeItem(n).label), ['Unchecked']);
    const claims = await api.trees.assertions.getChildren(groups[0]);
    const claimItem = api.trees.assertions.getTreeItem(claims[0]);
    assert.strictEqual(claimItem.label, 'Approximately 2,500 personnel are involved in the exercises.');
    assert.strictEqual(claimItem.description, 'Nikol Pashinyan');
    const details = await api.trees.assertions.getChildren(claims[0]);
    assert.deepStrictEqual(details.map((n: TreeNode) => api.trees.assertions.getTreeItem(n).label), ['Claimant: Nikol Pashinyan']);
  });

  it('sets verdict, status, source and note, and rejects a non-web source', async () => {
    const uri = vscode.Uri.file(file).toString();
    await vscode.commands.executeCommand('newsmark.setStatus', { uri, claim: 'c1', status: 'in-progress' });
    await vscode.commands.executeCommand('newsmark.addSource', { uri, claim: 'c1', url: 'ftp://example.org/report.pdf' });
    await vscode.commands.executeCommand('newsmark.addSource', {
      uri,
      claim: 'c1',
      url: 'https://example.org/csto-exercise',
      title: 'CSTO press release',
      archived: 'https://web.archive.org/web/2026/https://example.org/csto-exercise',
      accessed: '2026-11-28',
    });
    await vscode.commands.executeCommand('newsmark.setVerdict', { uri, claim: 'c1', verdict: 'mostly-true' });
    await vscode.commands.executeCommand('newsmark.addNote', { uri, claim: 'c1', note: 'Ministry figure; independent count pending.' });
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(file), 'utf8').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '(time)');
    const by = vscode.workspace.getConfiguration('newsmark').get<string>('annotator');
    assert.ok(
      yaml.includes(
        [
          '    claimant: nikol-pashinyan',
          '    status: checked',
          '    verdict: mostly-true',
          `    reviewedBy: ${by}`,
          '    reviewedAt: (time)',
          '    sources:',
          '      - url: https://example.org/csto-exercise',
          '        title: CSTO press release',
          '        archived: https://web.archive.org/web/2026/https://example.org/csto-exercise',
          '        accessed: 2026-11-28',
          '    notes: Ministry figure; independent count pending.',
        ].join('\n'),
      ),
      yaml,
    );
    assert.ok(!yaml.includes('ftp://'), 'the ftp source must not be stored');
  });

  it('marks all other mentions of an actor by name and alias', async () => {
    const uri = vscode.Uri.file(file).toString();
    const added = await vscode.commands.executeCommand<number>('newsmark.markAllMentions', { uri, actor: 'nikol-pashinyan' });
    // "Pashinyan’s" further on is a whole word followed by an apostrophe.
    assert.strictEqual(added, 1);
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.strictEqual((yaml.match(/quote: Pashinyan,/g) ?? []).length, 2, yaml);
  });

  it('moves anchors while typing and writes their new offsets when the article is saved', async () => {
    const editor = await openArticle(file);
    const before = fs.readFileSync(sidecarPath(file), 'utf8');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'BREAKING: '));
    await settle();
    // Unsaved article: the sidecar on disk must still match the file on disk.
    assert.strictEqual(fs.readFileSync(sidecarPath(file), 'utf8'), before);
    const entry = api.store.get(editor.document.uri)!;
    const mention = entry.annotations!.actors[0].mentions[0];
    assert.strictEqual(editor.document.getText().slice(mention.start, mention.end), 'Pashinyan');
    await editor.document.save();
    await settle();
    await api.store.flush();
    const after = fs.readFileSync(sidecarPath(file), 'utf8');
    const start = ARTICLE.indexOf('Pashinyan') + 'BREAKING: '.length;
    assert.ok(after.includes(`{ start: ${start}, end: ${start + 9}, quote: Pashinyan,`), after);
  });

  it('orphans a mention whose text is deleted, keeps it, and shows it under Orphaned', async () => {
    const editor = await openArticle(file);
    const text = editor.document.getText();
    const at = text.indexOf('Nikol Pashinyan');
    await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'Nikol Pashinyan'.length))));
    await editor.document.save();
    await settle();
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.match(yaml, /quote: Pashinyan, prefix: "[^"]*", suffix: "[^"]*", orphaned: true, by: [^,]+, at: \S+ \}/);
    const roots = await api.trees.actors.getChildren();
    const labels = roots.map((n) => api.trees.actors.getTreeItem(n).label);
    assert.deepStrictEqual(labels, ['Person', 'Orphaned']);
    const orphans = await api.trees.actors.getChildren(roots[1]);
    assert.strictEqual(api.trees.actors.getTreeItem(orphans[0]).description, 'mention of Nikol Pashinyan');
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri);
    assert.ok(diagnostics.some((d) => d.code === 'orphaned-anchor' && d.message.includes('“Pashinyan” was not found')), JSON.stringify(diagnostics));
  });

  it('removes the annotation at the cursor', async () => {
    const editor = await openArticle(file);
    select(editor, 'Approximately 2,500');
    await vscode.commands.executeCommand('newsmark.removeAnnotation');
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.ok(!yaml.includes('id: c1'), yaml);
    assert.ok(yaml.includes('id: nikol-pashinyan'), 'the actor stays');
  });
});

describe('A sidecar that cannot be read', () => {
  const BROKEN = ['newsmark: 1', 'article:', '  file: damaged.txt', 'claims:', '  - id: c1', '    status: maybe', '    anchor: { start: 0, end: 5, quote: Kyrgy }', ''].join('\n');

  it('is reported at its line and column and never overwritten', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('damaged.txt', 'Kyrgyzstan hosts the exercise.\n');
    fs.writeFileSync(sidecarPath(file), BROKEN);
    const editor = await openArticle(file);
    await api.store.flush();
    const sidecarUri = vscode.Uri.file(sidecarPath(file));
    const diagnostics = vscode.languages.getDiagnostics(sidecarUri);
    const status = diagnostics.find((d) => d.message.includes('"status" of claim 1'));
    assert.ok(status, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.strictEqual(status.range.start.line, 5);
    assert.strictEqual(status.range.start.character, 12);
    assert.strictEqual(status.severity, vscode.DiagnosticSeverity.Error);

    await markEditAndSave(api, editor);
    assert.strictEqual(fs.readFileSync(sidecarPath(file), 'utf8'), BROKEN, 'the broken sidecar must be left byte for byte');
  });

  it('is read again once fixed on disk', async () => {
    const api = await activateNewsmark();
    const file = workspaceFile('damaged.txt');
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf('Kyrgyzstan');
    fs.writeFileSync(
      sidecarPath(file),
      ['newsmark: 1', 'article:', '  file: damaged.txt', 'actors:', '  - id: kyrgyzstan', '    name: Kyrgyzstan', '    type: country', '    mentions:', `      - { start: ${start}, end: ${start + 10}, quote: Kyrgyzstan }`, ''].join('\n'),
    );
    const uri = vscode.Uri.file(file);
    for (let i = 0; i < 50 && !api.store.get(uri)?.annotations; i++) {
      await settle(100);
    }
    assert.strictEqual(api.store.get(uri)?.annotations?.actors[0]?.name, 'Kyrgyzstan');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(vscode.Uri.file(sidecarPath(file))), []);
    assert.ok(path.basename(file) === 'damaged.txt');
  });
});
