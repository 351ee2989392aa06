// Claims checked before, in a real VS Code: a claim marked in one article finds the checked claim of another, and reuses its verdict and sources.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { activateNewsmark, hoverText, type NewsmarkApi, openArticle, select, settle, sidecarPath, workspaceFile, writeArticle } from './helpers';
import { DAM_FACT_CHECK } from '../factCheck';

const ARTICLE = ['Drought deepens in the valley', '', 'Officials confirmed that water rationing started on 3 June in 14 municipalities.', 'The dam holds 2,500 million litres, the ministry said.', ''].join('\n');

async function sidecarOnDisk(file: string, test: (data: { claims?: Record<string, unknown>[] }) => boolean): Promise<{ claims?: Record<string, unknown>[] }> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (fs.existsSync(sidecarPath(file))) {
      const data = parse(fs.readFileSync(sidecarPath(file), 'utf8'));
      if (test(data)) {
        return data;
      }
    }
    await settle(100);
  }
  assert.fail(`the sidecar of ${file} never reached the expected state:\n${fs.existsSync(sidecarPath(file)) ? fs.readFileSync(sidecarPath(file), 'utf8') : '(none)'}`);
}

describe('Claims checked before', () => {
  let file: string;
  let editor: vscode.TextEditor;
  let api: NewsmarkApi;

  before(async () => {
    api = await activateNewsmark();
    file = writeArticle('similar-drought.txt', ARTICLE);
    editor = await openArticle(file);
  });

  it('finds the checked claim of another article for a claim just marked, and reuses its verdict and sources', async () => {
    select(editor, 'water rationing started on 3 June in 14 municipalities');
    const id = await vscode.commands.executeCommand<string>('newsmark.markClaim', { claimant: null });
    assert.ok(id, 'the claim was marked');
    const match = await vscode.commands.executeCommand<{ claim: { key: string; text: string }; score: number }>('newsmark.findSimilarClaims', {
      uri: editor.document.uri.toString(),
      claim: id,
      match: 'brenn-water-rationing.txt#c3',
      action: 'reuse',
    });
    assert.ok(match, 'the checked claim of brenn-water-rationing.txt was offered');
    assert.equal(match.claim.text, 'Rationing began on 3 June in 14 municipalities');
    const data = await sidecarOnDisk(file, (d) => Boolean(d.claims?.[0]?.sameAs));
    const claim = data.claims![0] as { verdict?: string; sameAs?: string; sources?: { url: string; accessed?: string }[] };
    assert.equal(claim.sameAs, 'brenn-water-rationing.txt#c3');
    assert.equal(claim.verdict, 'true');
    assert.deepEqual(claim.sources?.map((s) => [s.url, s.accessed]), [['https://www.brenn-water.example/notices/rationing-order', '2024-06-12']]);
  });

  it('offers Find Similar Claims in the claim’s hover and CodeLens, and marks it checked before in the Assertions view', async () => {
    const uri = editor.document.uri;
    const at = editor.document.positionAt(editor.document.getText().indexOf('water rationing started') + 3);
    const hover = await hoverText(uri, at);
    const link = /\[Find similar claims\]\(command:newsmark\.findSimilarClaims\?([^)]+)\)/.exec(hover);
    assert.ok(link, `the hover links to Find Similar Claims:\n${hover}`);
    const claimId = (JSON.parse(decodeURIComponent(link[1])) as { claim: string }).claim;
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command?.command === 'newsmark.findSimilarClaims');
    assert.equal(lens?.command?.title, 'Find Similar Claims');
    assert.deepEqual(lens?.command?.arguments, [{ uri: uri.toString(), claim: claimId }]);

    let description = '';
    for (let waited = 0; waited < 10_000 && !description.includes('checked before'); waited += 200) {
      await settle(200);
      const groups = await api.trees.assertions.getChildren();
      const claims = (await Promise.all(groups.map((g) => api.trees.assertions.getChildren(g)))).flat();
      const node = claims.find((n) => n.kind === 'claim' && n.claim.id === claimId && n.article.uri.toString() === uri.toString());
      description = String((node && api.trees.assertions.getTreeItem(node).description) ?? '');
    }
    assert.match(description, /checked before: True, 12 Jun 2024$/);
  });

  it('imports published fact-checks and matches a claim against them; a rejected match is remembered', async () => {
    const json = workspaceFile('dam-review.json');
    fs.writeFileSync(json, JSON.stringify(DAM_FACT_CHECK));
    const count = await vscode.commands.executeCommand<number>('newsmark.importFactChecks', vscode.Uri.file(json));
    assert.equal(count, 1);
    assert.match(fs.readFileSync(workspaceFile('.newsmark/fact-checks.yaml'), 'utf8'), /Valley Fact Check/);

    select(editor, 'The dam holds 2,500 million litres');
    const id = await vscode.commands.executeCommand<string>('newsmark.markClaim', { claimant: null });
    const match = await vscode.commands.executeCommand<{ claim: { key: string } }>('newsmark.findSimilarClaims', {
      uri: editor.document.uri.toString(),
      claim: id,
      match: DAM_FACT_CHECK.url,
      action: 'reject',
    });
    assert.equal(match?.claim.key, DAM_FACT_CHECK.url);
    const data = await sidecarOnDisk(file, (d) => Boolean(d.claims?.find((c) => c.id === id)?.notSameAs));
    assert.deepEqual(data.claims!.find((c) => c.id === id)!.notSameAs, [DAM_FACT_CHECK.url]);
    // Turned down once, it is not offered again.
    const again = await vscode.commands.executeCommand('newsmark.findSimilarClaims', { uri: editor.document.uri.toString(), claim: id, match: DAM_FACT_CHECK.url, action: 'reuse' });
    assert.equal(again, undefined);
  });
});
