// Suggestions in a real VS Code: underlines with a reason, accepted or rejected from code actions, rejections remembered in the sidecar.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateNewsmark, hoverText, openArticle, sidecarPath, writeArticle } from './helpers';

const ARTICLE = [
  'Kyrgyzstan hosts CSTO drills as Armenia stays away',
  '',
  'BISHKEK, 12 September (Newsmark Wire) — Kyrgyzstan is hosting a week of military drills by the Collective Security Treaty Organization.',
  '',
  'Approximately 2,500 personnel are taking part, the Kyrgyz defence ministry said on Monday.',
  '',
  'Armenian Prime Minister Nikol Pashinyan said the alliance had failed Armenia in 2022.',
  '',
].join('\n');

async function codeActionTitles(uri: vscode.Uri, offset: number): Promise<vscode.CodeAction[]> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const pos = doc.positionAt(offset);
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(pos, pos));
}

describe('Suggestions', () => {
  it('suggest actors and claims, accepted and rejected from code actions and remembered', async () => {
    const api = await activateNewsmark();
    const file = writeArticle('suggest.txt', ARTICLE);
    const editor = await openArticle(file);
    const uri = editor.document.uri;
    const counts = await vscode.commands.executeCommand<{ actors: number; claims: number }>('newsmark.suggest');
    assert.ok(counts.actors > 0 && counts.claims > 0, JSON.stringify(counts));

    // Accept "Nikol Pashinyan" as a person from its code action.
    const actions = await codeActionTitles(uri, ARTICLE.indexOf('Nikol Pashinyan') + 2);
    const mark = actions.find((a) => a.title === 'Mark as actor: Nikol Pashinyan (Person)');
    assert.ok(mark?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(mark.command.command, ...(mark.command.arguments ?? []));

    // The figure is suggested as a claim, with its reasons in the hover.
    const claimAt = editor.document.positionAt(ARTICLE.indexOf('2,500'));
    const hover = await hoverText(uri, claimAt);
    assert.ok(hover.includes('**Suggested claim**'), hover);

    // Reject "Kyrgyzstan"; it is written to the sidecar and not suggested again.
    const kg = (await codeActionTitles(uri, ARTICLE.indexOf('Kyrgyzstan is') + 2)).find((a) => a.title.startsWith('Reject suggestion'));
    assert.ok(kg?.command);
    await vscode.commands.executeCommand(kg.command.command, ...(kg.command.arguments ?? []));
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.ok(yaml.includes('name: Nikol Pashinyan'), yaml);
    assert.ok(yaml.includes('type: person'), yaml);
    assert.match(yaml, /suggestions:\n {2}rejected:\n {4}actors:\n {6}- Kyrgyzstan\n/);

    await vscode.commands.executeCommand('newsmark.suggest');
    const again = await codeActionTitles(uri, ARTICLE.indexOf('Kyrgyzstan is') + 2);
    assert.ok(!again.some((a) => a.title.startsWith('Mark as actor: Kyrgyzstan')), again.map((a) => a.title).join(' | '));
    // Marked text is not suggested again either.
    const marked = await codeActionTitles(uri, ARTICLE.indexOf('Nikol Pashinyan') + 2);
    assert.ok(!marked.some((a) => a.title.startsWith('Mark as actor')), marked.map((a) => a.title).join(' | '));
  });
});
