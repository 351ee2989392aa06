// The user's sidecar files as the editor reads and writes them: bytes that are not UTF-8, a read-only file, CRLF line breaks.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { anchorAt } from '../../src/core/model';
import { encodeSidecar } from '../../src/core/sidecar';
import { activateNewsmark, markEditAndSave, type NewsmarkApi, openArticle, select, settle, sidecarPath, writeArticle } from './helpers';

const ARTICLE = 'Kyrgyzstan hosts the CSTO exercise.\nArmenia stays away, says José Ortega.\n';

function sidecarFor(name: string): string {
  const at = ARTICLE.indexOf('Armenia');
  return encodeSidecar(
    { article: { file: name }, actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [anchorAt(ARTICLE, at, at + 'Armenia'.length)] }], claims: [] },
    ARTICLE,
  );
}

async function until<T>(what: string, check: () => T | undefined): Promise<T> {
  for (let i = 0; i < 60; i++) {
    const value = check();
    if (value) {
      return value;
    }
    await settle(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Sidecar files in the editor', () => {
  let api: NewsmarkApi;

  before(async () => {
    api = await activateNewsmark();
  });

  it('reports a Latin-1 byte in a sidecar at its line and column, and never rewrites the file', async () => {
    const file = writeArticle('latin1.txt', ARTICLE);
    const bytes = Buffer.concat([Buffer.from(sidecarFor('latin1.txt')), Buffer.from('# Jos'), Buffer.from([0xe9]), Buffer.from(' Ortega\n')]);
    fs.writeFileSync(sidecarPath(file), bytes);
    const line = bytes.toString('latin1').split('\n').length - 1;
    const editor = await openArticle(file);
    const entry = api.store.get(editor.document.uri)!;
    assert.strictEqual(entry.annotations, undefined, 'nothing is shown from a sidecar that cannot be read');
    assert.deepStrictEqual(
      entry.problems.map((p) => [p.code, p.line, p.column]),
      [['encoding', line, 6]],
    );
    const diagnostic = await until('the problem in the Problems panel', () => vscode.languages.getDiagnostics(vscode.Uri.file(sidecarPath(file)))[0]);
    assert.strictEqual(diagnostic.range.start.line, line - 1);
    assert.strictEqual(diagnostic.range.start.character, 5);
    assert.match(diagnostic.message, /0xE9 is not valid UTF-8/);
    assert.ok(api.store.reported.some((m) => m.includes(`line ${line}, column 6`)), JSON.stringify(api.store.reported));

    await markEditAndSave(api, editor);
    assert.deepStrictEqual(fs.readFileSync(sidecarPath(file)), bytes, 'the sidecar must be left byte for byte');
  });

  it('refuses to change a read-only sidecar, says so, and keeps the annotation in the editor', async () => {
    const file = writeArticle('readonly.txt', ARTICLE);
    const before = sidecarFor('readonly.txt');
    fs.writeFileSync(sidecarPath(file), before);
    fs.chmodSync(sidecarPath(file), 0o444);
    try {
      const editor = await openArticle(file);
      select(editor, 'Kyrgyzstan');
      await vscode.commands.executeCommand('newsmark.markActor', { name: 'Kyrgyzstan', type: 'country' });
      await api.store.flush();
      const message = await until('the refusal to be shown', () => api.store.reported.find((m) => m.includes('readonly.txt') && m.includes('read-only')));
      assert.match(message, /could not save the annotations of readonly\.txt/);
      assert.strictEqual(fs.readFileSync(sidecarPath(file), 'utf8'), before, 'the read-only sidecar must be left as it was');
      assert.deepStrictEqual(
        api.store.get(editor.document.uri)!.annotations!.actors.map((a) => a.name).sort(),
        ['Armenia', 'Kyrgyzstan'],
      );
    } finally {
      fs.chmodSync(sidecarPath(file), 0o644);
    }
  });

  it('keeps a CRLF sidecar CRLF after Mark Actor', async () => {
    const file = writeArticle('crlf.txt', ARTICLE);
    fs.writeFileSync(sidecarPath(file), sidecarFor('crlf.txt').replace(/\n/g, '\r\n'));
    const editor = await openArticle(file);
    select(editor, 'Kyrgyzstan');
    await vscode.commands.executeCommand('newsmark.markActor', { name: 'Kyrgyzstan', type: 'country' });
    await api.store.flush();
    const yaml = fs.readFileSync(sidecarPath(file), 'utf8');
    assert.ok(yaml.includes('name: Kyrgyzstan'), yaml);
    assert.ok(yaml.includes('\r\n') && !/[^\r]\n/.test(yaml), `every line break must stay CRLF: ${JSON.stringify(yaml)}`);
  });
});
