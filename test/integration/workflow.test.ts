// The fact-checker's workflow in a real VS Code: the claim linter and its quick fixes, CodeLens, status bar, citations, and actors across articles.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { anchorAt, type Annotations } from '../../src/core/model';
import { encodeSidecar } from '../../src/core/sidecar';
import { activateNewsmark, answeringPicker, openArticle, select, settle, sidecarPath, writeArticle } from './helpers';

const BUDGET = [
  'Yerevan budget vote delayed',
  '',
  'Finance Minister Lilit Arzumanyan said the 2027 budget raises school funding by 14%. Arzumanyan added that the deficit will stay under 3%.',
  'The opposition called the figures optimistic.',
  '',
].join('\n');

const SUMMIT = ['CSTO summit opens without Armenia', '', 'Arzumanyan did not travel to Minsk, officials said. Armenia froze its participation in 2024.', ''].join('\n');

async function until<T>(what: string, read: () => T | undefined, ms = 5000): Promise<T> {
  for (let waited = 0; ; waited += 100) {
    const value = read();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (waited >= ms) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await settle(100);
  }
}

function codes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .map((d) => String(d.code))
    .sort();
}

describe('The fact-checker’s workflow', () => {
  let api: Awaited<ReturnType<typeof activateNewsmark>>;
  let budget: string;
  let summit: string;
  let budgetUri: vscode.Uri;
  let summitUri: vscode.Uri;

  before(async () => {
    api = await activateNewsmark();
    budget = writeArticle('workflow-budget.txt', BUDGET);
    summit = writeArticle('workflow-summit.txt', SUMMIT);
    budgetUri = vscode.Uri.file(budget);
    summitUri = vscode.Uri.file(summit);
    // The second article is annotated on disk and never opened, as a colleague's work would arrive.
    const start = SUMMIT.indexOf('Arzumanyan');
    const annotations: Annotations = {
      article: { file: 'workflow-summit.txt' },
      actors: [{ id: 'arzumanyan', name: 'Arzumanyan', type: 'person', mentions: [anchorAt(SUMMIT, start, start + 10)] }],
      claims: [],
    };
    fs.writeFileSync(sidecarPath(summit), encodeSidecar(annotations, SUMMIT));
  });

  it('marks several mentions at once from several cursors', async () => {
    const editor = await openArticle(budget);
    const first = select(editor, 'Lilit Arzumanyan');
    const second = select(editor, 'Arzumanyan', 1);
    editor.selections = [first, second];
    const id = await vscode.commands.executeCommand('newsmark.markActor', { name: 'Lilit Arzumanyan', type: 'person' });
    assert.strictEqual(id, 'lilit-arzumanyan');
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(budget), 'utf8');
    assert.strictEqual((yaml.match(/quote: (Lilit )?Arzumanyan,/g) ?? []).length, 2, yaml);
  });

  it('lints a claim through its check, with quick fixes, and follows the severity settings', async () => {
    const editor = await openArticle(budget);
    const uri = budgetUri.toString();
    select(editor, 'the 2027 budget raises school funding by 14%');
    assert.strictEqual(await vscode.commands.executeCommand('newsmark.markClaim', { claimant: null }), 'c1');
    await until('the no-claimant hint', () => codes(budgetUri).includes('claim-no-claimant'));
    const hint = vscode.languages.getDiagnostics(budgetUri).find((d) => d.code === 'claim-no-claimant')!;
    assert.strictEqual(hint.severity, vscode.DiagnosticSeverity.Hint);
    assert.strictEqual(editor.document.getText(hint.range), 'the 2027 budget raises school funding by 14%');

    await vscode.commands.executeCommand('newsmark.setStatus', { uri, claim: 'c1', status: 'checked' });
    await until('checked-no-verdict', () => codes(budgetUri).includes('checked-no-verdict'));
    const checked = vscode.languages.getDiagnostics(budgetUri).find((d) => d.code === 'checked-no-verdict')!;
    const setVerdictFix = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', budgetUri, checked.range)).find(
      (a) => a.title === 'Set the verdict of claim c1',
    );
    assert.ok(setVerdictFix, 'a quick fix sets the verdict');
    assert.deepStrictEqual(setVerdictFix.command?.arguments, [{ uri, claim: 'c1' }]);

    await vscode.commands.executeCommand('newsmark.setVerdict', { uri, claim: 'c1', verdict: 'mostly-true' });
    await until('verdict-no-source', () => codes(budgetUri).includes('verdict-no-source'));
    assert.ok(!codes(budgetUri).includes('checked-no-verdict'));
    const noSource = vscode.languages.getDiagnostics(budgetUri).find((d) => d.code === 'verdict-no-source')!;
    assert.strictEqual(noSource.severity, vscode.DiagnosticSeverity.Warning);
    const addSourceFix = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', budgetUri, noSource.range)).find(
      (a) => a.title === 'Add a source to claim c1',
    );
    assert.deepStrictEqual(addSourceFix?.command?.command, 'newsmark.addSource');

    await vscode.commands.executeCommand('newsmark.addSource', { uri, claim: 'c1', url: 'https://example.org/budget-2027', title: 'Draft budget 2027', accessed: '2026-11-28' });
    await until('source-no-archive', () => codes(budgetUri).includes('source-no-archive'));
    assert.deepStrictEqual(codes(budgetUri), ['claim-no-claimant', 'source-no-archive']);

    const lint = vscode.workspace.getConfiguration('newsmark.lint');
    await lint.update('source-no-archive', 'off', vscode.ConfigurationTarget.Global);
    await lint.update('claim-no-claimant', 'error', vscode.ConfigurationTarget.Global);
    try {
      await until('the new severities', () => (codes(budgetUri).join() === 'claim-no-claimant' ? true : undefined));
      assert.strictEqual(vscode.languages.getDiagnostics(budgetUri)[0].severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await lint.update('source-no-archive', undefined, vscode.ConfigurationTarget.Global);
      await lint.update('claim-no-claimant', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows each claim’s check above it, and sets the verdict from there', async () => {
    await openArticle(budget);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', budgetUri);
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.title),
      ['c1 · Checked · Mostly true · 1 source', 'Find Similar Claims'],
    );
    assert.strictEqual(lenses[0].range.start.line, 2);
    assert.strictEqual(lenses[0].command?.command, 'newsmark.setVerdict');
    assert.deepStrictEqual(lenses[0].command?.arguments, [{ uri: budgetUri.toString(), claim: 'c1' }]);
  });

  it('in a long article, shows the lenses around what is on screen, and those further down once scrolled there', async () => {
    // 3,000 lines with a claim on every tenth: far more lenses than the editor can move at each keystroke.
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 10 === 0 ? `Line ${i}: the ministry said ${i} personnel took part.` : `Line ${i} of the report.`));
    const text = lines.join('\n');
    const annotations: Annotations = { article: { file: 'workflow-long.txt' }, actors: [], claims: [] };
    let at = 0;
    lines.forEach((line, i) => {
      if (i % 10 === 0) {
        const start = at + line.indexOf('the ministry');
        annotations.claims.push({ id: `c${i}`, anchor: anchorAt(text, start, at + line.length), status: 'unchecked', sources: [] });
      }
      at += line.length + 1;
    });
    const long = writeArticle('workflow-long.txt', text);
    fs.writeFileSync(sidecarPath(long), encodeSidecar(annotations, text));
    const editor = await openArticle(long);
    const lensLines = async () =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).filter((l) => l.command?.command === 'newsmark.setVerdict').map((l) => l.range.start.line);
    const top = await lensLines();
    assert.ok(top.includes(0) && top.length < 100, `lenses near the top only: ${top.length} lenses, ${top.at(0)}–${top.at(-1)}`);
    assert.ok(!top.includes(2000));
    editor.revealRange(new vscode.Range(2000, 0, 2000, 0), vscode.TextEditorRevealType.AtTop);
    let below = await lensLines();
    for (let waited = 0; !below.includes(2000); waited += 100) {
      assert.ok(waited < 5000, `no lens near line 2000 after scrolling there: ${below.at(0)}–${below.at(-1)}`);
      await settle(100);
      below = await lensLines();
    }
    assert.ok(!below.includes(0), 'the top’s lenses are no longer served');
    assert.ok(below.every((line) => line % 10 === 0));
    assert.deepStrictEqual(below, [...below].sort((a, b) => a - b));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('counts the active article’s actors, claims and unchecked claims in the status bar', async () => {
    await openArticle(budget);
    await until('the status bar', () => api.statusBar.item.text.includes('1 actor · 1 claim · 0 unchecked'));
    const claim = 'The opposition called the figures optimistic.';
    await vscode.commands.executeCommand('newsmark.markClaim', { uri: budgetUri.toString(), start: BUDGET.indexOf(claim), end: BUDGET.indexOf(claim) + claim.length, claimant: null });
    await until('the new count', () => api.statusBar.item.text.includes('1 actor · 2 claims · 1 unchecked'));
    assert.strictEqual(typeof api.statusBar.item.command === 'object' ? api.statusBar.item.command.command : api.statusBar.item.command, 'newsmark.assertions.focus');
  });

  it('copies a claim’s citation to the clipboard', async () => {
    const text = await vscode.commands.executeCommand<string>('newsmark.copyCitation', { uri: budgetUri.toString(), claim: 'c1' });
    assert.strictEqual(text, 'Draft budget 2027. example.org. Accessed 28 November 2026. https://example.org/budget-2027');
    assert.strictEqual(await vscode.env.clipboard.readText(), text);
  });

  it('merges two actors of an article into one', async () => {
    await openArticle(budget);
    // Spans given as arguments, so the marks do not depend on which editor has focus.
    const span = (text: string) => ({ uri: budgetUri.toString(), start: BUDGET.indexOf(text), end: BUDGET.indexOf(text) + text.length });
    assert.strictEqual(await vscode.commands.executeCommand('newsmark.markActor', { ...span('opposition'), name: 'Opposition', type: 'organisation' }), 'opposition');
    assert.strictEqual(await vscode.commands.executeCommand('newsmark.markActor', { ...span('Yerevan'), name: 'Yerevan', type: 'location' }), 'yerevan');
    const kept = await vscode.commands.executeCommand('newsmark.mergeActors', { uri: budgetUri.toString(), actor: 'yerevan', into: 'opposition' });
    assert.strictEqual(kept, 'opposition');
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(budget), 'utf8');
    assert.ok(!yaml.includes('id: yerevan'), yaml);
    assert.ok(yaml.includes('    aliases:\n      - Yerevan\n'), yaml);
    assert.strictEqual((yaml.match(/quote: (opposition|Yerevan),/g) ?? []).length, 2, yaml);
  });

  // Q4115189 is the Wikidata sandbox item, there for tests; the people in these articles are made up.
  it('links an actor of an article that is not open to Wikidata, writing only its sidecar', async () => {
    const before = fs.readFileSync(sidecarPath(summit), 'utf8');
    const id = await vscode.commands.executeCommand('newsmark.setWikidataId', { uri: summitUri.toString(), actor: 'arzumanyan', wikidata: 'https://www.wikidata.org/wiki/Q4115189' });
    assert.strictEqual(id, 'Q4115189');
    const after = await until('the sidecar on disk', () => {
      const text = fs.readFileSync(sidecarPath(summit), 'utf8');
      return text !== before ? text : undefined;
    });
    assert.strictEqual(after, before.replace('    type: person\n', '    type: person\n    wikidata: Q4115189\n'));
    assert.ok(!api.store.get(summitUri), 'the article was not opened');
  });

  it('shows the same actor in both articles as one entry of the workspace view', async () => {
    // Linked to the same Wikidata item, "Lilit Arzumanyan" and "Arzumanyan" are one person.
    assert.strictEqual(await vscode.commands.executeCommand('newsmark.setWikidataId', { uri: budgetUri.toString(), actor: 'lilit-arzumanyan', wikidata: 'Q4115189' }), 'Q4115189');
    await vscode.commands.executeCommand('newsmark.showWorkspace');
    try {
      const roots = await api.trees.actors.getChildren();
      const people = roots.find((n) => n.kind === 'workspaceType' && n.type === 'person')!;
      const entries = await api.trees.actors.getChildren(people);
      const entry = entries.find((n) => n.kind === 'workspaceActor' && n.group.name === 'Lilit Arzumanyan');
      assert.ok(entry, JSON.stringify(entries.map((n) => api.trees.actors.getTreeItem(n).label)));
      const item = api.trees.actors.getTreeItem(entry);
      assert.strictEqual(item.description, '2 articles · 3 mentions');
      const articles = await api.trees.actors.getChildren(entry);
      assert.deepStrictEqual(articles.map((n) => api.trees.actors.getTreeItem(n).label).sort(), ['workflow-budget.txt', 'workflow-summit.txt']);
    } finally {
      await vscode.commands.executeCommand('newsmark.showActiveArticle');
    }
  });

  it('finds the actor with Go to Symbol in Workspace, in both articles', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'arzuman');
    const ours = symbols.filter((s) => s.location.uri.fsPath === budget || s.location.uri.fsPath === summit);
    assert.deepStrictEqual(ours.map((s) => `${s.name} @ ${s.containerName}`).sort(), ['Arzumanyan @ Person · workflow-summit.txt', 'Lilit Arzumanyan @ Person · workflow-budget.txt']);
    const inSummit = ours.find((s) => s.location.uri.fsPath === summit)!;
    assert.strictEqual(inSummit.location.range.start.line, 2);
    assert.strictEqual(inSummit.location.range.start.character, 0);
  });

  it('lists every mention in every article with Find All References', async () => {
    const editor = await openArticle(budget);
    const at = editor.document.positionAt(BUDGET.indexOf('Arzumanyan added') + 2);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', budgetUri, at);
    const found = locations.map((l) => `${l.uri.fsPath === budget ? 'budget' : l.uri.fsPath === summit ? 'summit' : l.uri.fsPath}:${l.range.start.line}:${l.range.start.character}`).sort();
    const lilit = BUDGET.split('\n')[2].indexOf('Lilit Arzumanyan');
    const added = BUDGET.split('\n')[2].indexOf('Arzumanyan added');
    assert.deepStrictEqual(found, [`budget:2:${added}`, `budget:2:${lilit}`, 'summit:2:0'].sort());
  });

  it('renames the actor in every sidecar with Rename Symbol, as one edit', async () => {
    const editor = await openArticle(budget);
    const at = editor.document.positionAt(BUDGET.indexOf('Lilit Arzumanyan') + 3);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', budgetUri, at, 'Lilit Hrachi Arzumanyan');
    const touched = edit.entries().map(([uri]) => uri.fsPath).sort();
    assert.deepStrictEqual(touched, [sidecarPath(budget), sidecarPath(summit)].sort());
    assert.ok(await vscode.workspace.applyEdit(edit, { isRefactoring: true }));
    for (const [uri] of edit.entries()) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc?.isDirty) {
        await doc.save();
      }
    }
    const summitYaml = fs.readFileSync(sidecarPath(summit), 'utf8');
    assert.ok(summitYaml.includes('    name: Lilit Hrachi Arzumanyan\n'), summitYaml);
    assert.ok(summitYaml.includes('  - id: arzumanyan\n'), 'the id stays');
    await until('the open article to read its renamed sidecar', () => api.store.get(budgetUri)?.annotations?.actors.find((a) => a.id === 'lilit-arzumanyan')?.name === 'Lilit Hrachi Arzumanyan');
    assert.ok(fs.readFileSync(sidecarPath(budget), 'utf8').includes('    name: Lilit Hrachi Arzumanyan\n'));
  });

  it('binds Newsmark’s keys to a Ctrl+Alt+M chord that no VS Code default uses', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const text = await until('the default keybindings', () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc && doc.uri.scheme !== 'file' && doc.getText().includes('"key"') ? doc.getText() : undefined;
    });
    const bound = [...text.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].map((m) => ({ key: m[1], command: m[2] }));
    assert.ok(bound.length > 100, 'the default keybindings were read');
    const clashes = bound.filter((b) => /^(ctrl|cmd)\+alt\+m( |$)/.test(b.key) && !b.command.startsWith('newsmark.'));
    assert.deepStrictEqual(clashes, []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('offers to re-attach an orphaned mention to the text the user selects', async () => {
    const file = writeArticle('workflow-orphan.txt', 'Ministry spokesperson Aram Petrosyan declined to comment on the figures.\n');
    const editor = await openArticle(file);
    const uri = vscode.Uri.file(file);
    select(editor, 'Aram Petrosyan');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Aram Petrosyan', type: 'person' });
    await api.store.flush();
    const at = editor.document.getText().indexOf('Aram Petrosyan');
    await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'Aram Petrosyan'.length)), 'he'));
    await editor.document.save();
    await until('the orphaned-anchor finding', () => codes(uri).includes('orphaned-anchor'));

    const orphan = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'orphaned-anchor')!;
    const atDiagnostic = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, orphan.range);
    // With nothing selected there is no text to re-attach to, so no fix offers it.
    assert.ok(!atDiagnostic.some((a) => a.title.startsWith('Re-attach')), JSON.stringify(atDiagnostic.map((a) => a.title)));

    const selection = select(editor, 'Ministry spokesperson');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, selection);
    const reattach = actions.find((a) => a.title === 'Re-attach orphaned mention “Aram Petrosyan” to “Ministry spokesperson”');
    assert.ok(reattach?.command, JSON.stringify(actions.map((a) => a.title)));
    assert.deepStrictEqual(reattach.command.arguments, [{ uri: uri.toString(), actor: 'aram-petrosyan', quote: 'Aram Petrosyan' }]);
    await answeringPicker(() => vscode.commands.executeCommand(reattach.command!.command, ...(reattach.command!.arguments ?? [])), 'accept');
    await api.store.flush();
    await until('the re-attached mention on disk', () => /- \{ start: 0, end: 21, quote: Ministry spokesperson, prefix: "", suffix: "[^"]*"(?:, by: [^,]+, at: [^ ]+)? \}\n/.test(fs.readFileSync(sidecarPath(file), 'utf8')));
    await until('the finding to clear', () => (codes(uri).includes('orphaned-anchor') ? undefined : true));
  });

  it('renames in an article with unsaved edits without a conflict when the article is saved', async () => {
    const editor = await openArticle(budget);
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), 'Updated on Monday. '));
    assert.ok(editor.document.isDirty);
    const at = editor.document.positionAt(editor.document.getText().indexOf('Lilit Arzumanyan') + 3);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', budgetUri, at, 'Lilit H. Arzumanyan');
    assert.ok(await vscode.workspace.applyEdit(edit, { isRefactoring: true }));
    for (const [uri] of edit.entries()) {
      await vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty)?.save();
    }
    // The open article shows the new name at once, before it is saved.
    await until('the name in memory', () => api.store.get(budgetUri)?.annotations?.actors.find((a) => a.id === 'lilit-arzumanyan')?.name === 'Lilit H. Arzumanyan');
    await editor.document.save();
    const start = editor.document.getText().indexOf('Lilit Arzumanyan');
    const moved = `{ start: ${start}, end: ${start + 16}, quote: Lilit Arzumanyan,`;
    const yaml = await until('the sidecar written with the moved mentions', () => {
      const text = fs.readFileSync(sidecarPath(budget), 'utf8');
      return text.includes(moved) ? text : undefined;
    });
    assert.ok(yaml.includes('    name: Lilit H. Arzumanyan\n'), yaml);
  });
});
