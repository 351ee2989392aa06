// Set Article Details… and the exports that use them, and exported files that are not articles, in a real VS Code.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateNewsmark, answeringPicker, openArticle, select, settle, sidecarPath, workspaceFile, writeArticle } from './helpers';

const ARTICLE = '# Armenia’s Absence Raises Eyebrows at Russian-Led CSTO Training\n\nYEREVAN — Approximately 2,500 personnel are involved in the exercises, Nikol Pashinyan said.\n';

describe('Article details', () => {
  it('keeps the details given to Set Article Details in the sidecar, and ClaimReview shows them as the claim’s appearance', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('details.txt', ARTICLE);
    const editor = await openArticle(file);
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('newsmark.setArticleDetails', {
      uri,
      url: 'https://news.example.com/2026/11/csto-training',
      title: 'Armenia’s Absence Raises Eyebrows at Russian-Led CSTO Training',
      publisher: 'Example News',
      published: '2026-11-20',
    });
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.ok(yaml.includes('  url: https://news.example.com/2026/11/csto-training\n  publisher: Example News\n  published: 2026-11-20\n'), yaml);
    assert.match(api.feedback.last ?? '', /^Details of details\.txt saved: “Armenia’s Absence/);

    await vscode.commands.executeCommand('newsmark.setArticleDetails', { uri, published: '20 November' });
    await api.store.flush();
    assert.strictEqual(fs.readFileSync(sidecarPath(file), 'utf8'), yaml, 'a date that is not one changes nothing');
    assert.match(api.feedback.last ?? '', /not changed: A date looks like/);

    select(editor, 'Approximately 2,500 personnel are involved in the exercises');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Nikol Pashinyan', type: 'person', start: ARTICLE.indexOf('Nikol'), end: ARTICLE.indexOf('Nikol') + 15 });
    select(editor, 'Approximately 2,500 personnel are involved in the exercises');
    await vscode.commands.executeCommand('newsmark.markClaim', { claimant: 'nikol-pashinyan' });
    await vscode.commands.executeCommand('newsmark.setStatus', { uri, claim: 'c1', status: 'checked' });
    await vscode.commands.executeCommand('newsmark.setVerdict', { uri, claim: 'c1', verdict: 'true' });
    await api.store.flush();

    const target = workspaceFile('details.claimreview.jsonld');
    await vscode.commands.executeCommand('newsmark.export', { uri, format: 'claimreview', target });
    const [review] = JSON.parse(fs.readFileSync(target, 'utf8'));
    assert.deepStrictEqual(review.itemReviewed, {
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Nikol Pashinyan' },
      datePublished: '2026-11-20',
      appearance: {
        '@type': 'NewsArticle',
        url: 'https://news.example.com/2026/11/csto-training',
        headline: 'Armenia’s Absence Raises Eyebrows at Russian-Led CSTO Training',
        publisher: { '@type': 'Organization', name: 'Example News' },
        datePublished: '2026-11-20',
      },
    });
    // The editor's default author setting is {}: no nameless organisation is written; the review is the annotator's who gave the verdict.
    const annotator = vscode.workspace.getConfiguration('newsmark').get<string>('annotator');
    assert.ok(annotator);
    assert.deepStrictEqual([review.author, review.reviewRating.author], [{ '@type': 'Person', name: annotator }, { '@type': 'Person', name: annotator }]);

    const w3c = workspaceFile('details.annotations.jsonld');
    await vscode.commands.executeCommand('newsmark.export', { uri, format: 'w3c', target: w3c });
    const collection = fs.readFileSync(w3c, 'utf8');
    assert.ok(!collection.includes('file:'), collection.slice(0, 400));
    // No nameless creator from the default setting: each annotation names the annotator who made it.
    assert.deepStrictEqual([...new Set(JSON.parse(collection).first.items.map((i: { creator?: unknown }) => JSON.stringify(i.creator)))], [JSON.stringify({ type: 'Person', name: annotator })]);
    assert.strictEqual(JSON.parse(collection).first.items[0].target.source, 'https://news.example.com/2026/11/csto-training');
  });

  it('proposes the headline from the first line when asked with Enter, and changes nothing on Escape', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('details-asked.txt', ARTICLE);
    const editor = await openArticle(file);
    await answeringPicker(() => vscode.commands.executeCommand('newsmark.setArticleDetails'), 'accept');
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.ok(yaml.includes('  title: Armenia’s Absence Raises Eyebrows at Russian-Led CSTO Training\n'), yaml);
    assert.ok(!/url:|publisher:|published:/.test(yaml), yaml);

    await vscode.window.showTextDocument(editor.document);
    await answeringPicker(() => vscode.commands.executeCommand('newsmark.setArticleDetails'), 'dismiss');
    await api.store.flush();
    assert.strictEqual(fs.readFileSync(sidecarPath(file), 'utf8'), yaml);
  });

  it('opens an exported .ann without taking it for an article: no sidecar, no Newsmark status', async () => {
    const api = await activateNewsmark();
    const ann = workspaceFile('exported.ann');
    fs.writeFileSync(ann, 'T1\tPerson 0 15\tNikol Pashinyan\n');
    const doc = await vscode.workspace.openTextDocument(ann);
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.strictEqual(await api.store.load(doc), undefined);
    await vscode.commands.executeCommand('newsmark.setArticleDetails', { uri: doc.uri.toString(), title: 'Not an article' });
    await settle();
    await api.store.flush();
    assert.strictEqual(api.store.get(doc.uri), undefined, 'Newsmark keeps no annotations for it, so shows no status for it');
    assert.ok(!fs.existsSync(sidecarPath(ann)), 'no sidecar is made for an exported file');
    assert.match(api.feedback.last ?? '', /exported\.ann is not an article/);
  });
});
