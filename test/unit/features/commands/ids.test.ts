// Every command id is declared once, contributed in package.json with a title and a category, and internal ones are hidden from the palette.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_COMMANDS, InternalCommand } from '../../../../src/features/commands/ids';

const root = path.join(__dirname, '..', '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

describe('command ids', () => {
  const contributed: { command: string; title: string; category?: string }[] = pkg.contributes.commands;

  it('contributes exactly the ids the extension declares', () => {
    assert.deepEqual(contributed.map((c) => c.command).sort(), [...ALL_COMMANDS].sort());
    assert.equal(new Set(ALL_COMMANDS).size, ALL_COMMANDS.length, 'no id declared twice');
  });

  it('gives every command a translated title and the Newsmark category', () => {
    for (const c of contributed) {
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && nls[key], `${c.command} has no title in package.nls.json`);
      assert.equal(c.category, 'Newsmark', c.command);
    }
  });

  it('hides internal commands from the palette', () => {
    const palette: { command: string; when?: string }[] = pkg.contributes.menus.commandPalette;
    for (const id of Object.values(InternalCommand)) {
      assert.equal(palette.find((p) => p.command === id)?.when, 'false', `${id} shows in the palette`);
    }
  });

  it('names in menus and keybindings only commands that exist', () => {
    const used = [
      ...Object.values(pkg.contributes.menus as Record<string, { command: string }[]>).flat(),
      ...(pkg.contributes.keybindings as { command: string }[]),
    ].map((m) => m.command);
    for (const id of used) {
      assert.ok((ALL_COMMANDS as string[]).includes(id), `${id} is not a Newsmark command`);
    }
  });
});
