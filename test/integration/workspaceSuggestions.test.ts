// Suggestions from actors of other articles: by name only, never by an alias that article gave them, and accepted with their aliases and Wikidata id.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { anchorAt } from '../../src/core/model';
import { encodeSidecar } from '../../src/core/sidecar';
import { activateNewsmark, openArticle, settle, sidecarPath, writeArticle } from './helpers';

const EARLIER = 'The CSTO met in Minsk. The alliance promised new drills.\n';
const TODAY = 'Armenia said the alliance had failed it. The CSTO did not reply.\n';

describe('Suggestions from other articles', () => {
  it('suggests an actor of another article by its name, not its alias there, and brings its aliases when accepted', async () => {
    const api = await activateNewsmark();
    const earlier = writeArticle('known-earlier.txt', EARLIER);
    const at = EARLIER.indexOf('CSTO');
    fs.writeFileSync(
      sidecarPath(earlier),
      encodeSidecar(
        {
          article: { file: 'known-earlier.txt' },
          actors: [{ id: 'csto', name: 'CSTO', type: 'organisation', aliases: ['the alliance'], wikidata: 'Q188822', mentions: [anchorAt(EARLIER, at, at + 4)] }],
          claims: [],
        },
        EARLIER,
      ),
    );
    // Opened, the earlier article is in the index at once, whatever the file watcher reports.
    await openArticle(earlier);
    await api.index.ensureBuilt();
    for (let i = 0; i < 50 && !api.index.all().some((a) => a.uri.fsPath === earlier); i++) {
      await settle(100);
    }
    assert.ok(api.index.all().some((a) => a.uri.fsPath === earlier), 'the earlier article is indexed');
    const editor = await openArticle(writeArticle('known-today.txt', TODAY));
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('newsmark.suggest');
    const actionsAt = async (text: string) => {
      const pos = editor.document.positionAt(TODAY.indexOf(text) + 2);
      return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(pos, pos));
    };
    const alliance = await actionsAt('the alliance');
    assert.ok(!alliance.some((a) => a.title.includes('CSTO')), alliance.map((a) => a.title).join(' | '));

    const csto = (await actionsAt('CSTO did')).find((a) => a.title.startsWith('Mark as actor: CSTO'));
    assert.ok(csto?.command, (await actionsAt('CSTO did')).map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(csto.command.command, ...(csto.command.arguments ?? []));
    const actor = api.store.get(uri)!.annotations!.actors.find((a) => a.name === 'CSTO')!;
    assert.deepStrictEqual(actor.aliases, ['the alliance']);
    assert.strictEqual(actor.wikidata, 'Q188822');
    assert.strictEqual(api.feedback.last, 'Marked “CSTO” as CSTO');
  });
});
