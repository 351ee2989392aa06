// Who did what, in a real VS Code: marking through the commands with newsmark.annotator set stamps the sidecar on disk, and the hovers say who and when.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { shortDate } from '../../src/core/provenance';
import { activateNewsmark, hoverText, openArticle, select, sidecarPath, writeArticle } from './helpers';

const ARTICLE = 'YEREVAN — Nikol Pashinyan said Armenia would not take part. Approximately 2,500 personnel are involved in the exercises.\n';

describe('Who did what', () => {
  const settings = () => vscode.workspace.getConfiguration('newsmark');
  let before: string | undefined;
  beforeEach(async () => {
    before = settings().inspect<string>('annotator')?.globalValue;
    await settings().update('annotator', 'Ana Petrosyan', vscode.ConfigurationTarget.Global);
  });
  afterEach(async () => {
    await settings().update('annotator', before, vscode.ConfigurationTarget.Global);
  });

  it('stamps an actor marked through the command with newsmark.annotator, on disk and in the hover', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('provenance.txt', ARTICLE);
    const editor = await openArticle(file);
    const earliest = Date.now() - 1000;
    select(editor, 'Nikol Pashinyan');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Nikol Pashinyan', type: 'person' });
    await api.store.flush();
    const latest = Date.now() + 1000;

    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    const actor = /\n {4}type: person\n {4}by: Ana Petrosyan\n {4}at: (\S+)\n {4}mentions:\n/.exec(yaml);
    assert.ok(actor, yaml);
    const at = actor[1];
    assert.match(at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.ok(Date.parse(at) >= earliest && Date.parse(at) <= latest, `${at} is when the actor was marked`);
    assert.ok(yaml.includes(`quote: Nikol Pashinyan, prefix: "YEREVAN — ", suffix: " said Armenia would not take par", by: Ana Petrosyan, at: ${at} }\n`), yaml);

    const hover = await hoverText(editor.document.uri, editor.document.positionAt(ARTICLE.indexOf('Pashinyan')));
    // The hover shows the day on the fact-checker's own calendar.
    assert.ok(hover.includes(`Marked by Ana Petrosyan, ${shortDate(at, 'local')}`), hover);
  });

  it('stamps who set the verdict, and shows it in the claim’s hover', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('provenance-verdict.txt', ARTICLE);
    const editor = await openArticle(file);
    const uri = editor.document.uri.toString();
    select(editor, 'Approximately 2,500 personnel are involved in the exercises');
    await vscode.commands.executeCommand('newsmark.markClaim', { claimant: null });
    await settings().update('annotator', 'Davit <Hakobyan> *', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('newsmark.setVerdict', { uri, claim: 'c1', verdict: 'mostly-true' });
    await api.store.flush();

    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.match(yaml, /\n {4}by: Ana Petrosyan\n {4}at: \S+\n {4}status: checked\n {4}verdict: mostly-true\n {4}reviewedBy: Davit <Hakobyan> \*\n {4}reviewedAt: \S+Z\n/);
    const hover = await hoverText(editor.document.uri, editor.document.positionAt(ARTICLE.indexOf('2,500')));
    assert.match(hover, /Marked by Ana Petrosyan, \d{1,2} \w{3} \d{4} · verdict by Davit \\<Hakobyan\\> \\\*, \d{1,2} \w{3} \d{4}/);
  });
});
