// Export… and Import brat… in a real VS Code: what lands on disk.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateNewsmark, openArticle, select, sidecarPath, workspaceFile, writeArticle } from './helpers';

describe('Export and import', () => {
  it('export W3C Web Annotations with code-point selectors, and a Markdown report', async () => {
    const api = await activateNewsmark();
    const text = '🇰🇬 Kyrgyzstan hosts the drills. Approximately 2,500 personnel are involved.\n';
    const file = writeArticle('export.txt', text);
    const editor = await openArticle(file);
    select(editor, 'Kyrgyzstan');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Kyrgyzstan', type: 'country' });
    select(editor, 'Approximately 2,500 personnel are involved.');
    await vscode.commands.executeCommand('newsmark.markClaim', { claimant: 'kyrgyzstan' });
    await api.store.flush();

    const target = workspaceFile('export.annotations.jsonld');
    await vscode.commands.executeCommand('newsmark.export', { format: 'w3c', target });
    const collection = JSON.parse(fs.readFileSync(target, 'utf8'));
    const items = collection.first?.items ?? collection.items ?? [];
    assert.ok(JSON.stringify(collection['@context']).includes('http://www.w3.org/ns/anno.jsonld'));
    const mention = items.find((a: { target: { selector: { type: string; exact?: string }[] } }) =>
      a.target.selector.some((s) => s.type === 'TextQuoteSelector' && s.exact === 'Kyrgyzstan'),
    );
    assert.ok(mention, JSON.stringify(items).slice(0, 500));
    const position = mention.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    // The flag before the name is two code points (four UTF-16 units).
    assert.deepStrictEqual([position.start, position.end], [3, 13]);

    const report = workspaceFile('export.report.md');
    await vscode.commands.executeCommand('newsmark.export', { format: 'markdown', target: report });
    const md = fs.readFileSync(report, 'utf8');
    assert.ok(md.includes('Approximately 2,500 personnel are involved.'), md);
    assert.ok(md.includes('Kyrgyzstan'), md);
  });

  it('import a brat pair into a sidecar, and refuse a broken .ann with its line and nothing written', async () => {
    await activateNewsmark();
    const text = 'Nikol Pashinyan met officials in Yerevan. The CSTO said 2,500 troops took part.\n';
    const txt = writeArticle('brat-pair.txt', text);
    const ann = workspaceFile('brat-pair.ann');
    fs.writeFileSync(ann, ['T1\tPerson 0 15\tNikol Pashinyan', 'T2\tLocation 33 40\tYerevan', 'T3\tClaim 42 79\tThe CSTO said 2,500 troops took part.', 'N1\tReference T2 Wikidata:Q1953\tYerevan', ''].join('\n'));
    const written = await vscode.commands.executeCommand<string>('newsmark.importBrat', { ann, replace: true });
    assert.strictEqual(written, sidecarPath(txt));
    const yaml = fs.readFileSync(sidecarPath(txt), 'utf8');
    assert.ok(yaml.includes('name: Nikol Pashinyan'), yaml);
    assert.ok(yaml.includes('wikidata: Q1953'), yaml);
    assert.ok(yaml.includes('quote: "The CSTO said 2,500 troops took part."'), yaml);

    const brokenTxt = writeArticle('brat-broken.txt', text);
    const brokenAnn = workspaceFile('brat-broken.ann');
    fs.writeFileSync(brokenAnn, ['T1\tPerson 0 15\tNikol Pashinyan', 'T2\tLocation 33 40\tTbilisi', ''].join('\n'));
    const result = await vscode.commands.executeCommand('newsmark.importBrat', { ann: brokenAnn, replace: true });
    assert.strictEqual(result, undefined);
    assert.ok(!fs.existsSync(sidecarPath(brokenTxt)), 'nothing may be written for a broken .ann');
  });
});
