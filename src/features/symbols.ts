// Actors as symbols across the workspace: Go to Symbol in Workspace, Find All References of a mention, and Rename Symbol (F2) in every sidecar.

import * as vscode from 'vscode';
import type { Actor, Anchor, Annotations } from '../core/model';
import { annotationsAt, renameActor } from '../core/operations';
import { groupOf, symbolMatches, type WorkspaceActor } from '../core/workspace';
import { actorTypeLabel } from './config';
import { addSidecarChange, positionsIn } from './sidecarEdits';
import { ARTICLE_LANGUAGES, type AnnotationStore, basename, sidecarUriFor } from './store';
import type { WorkspaceIndex } from './workspaceIndex';

const SYMBOL_KINDS: Record<string, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organisation: vscode.SymbolKind.Class,
  country: vscode.SymbolKind.Namespace,
  location: vscode.SymbolKind.Package,
  event: vscode.SymbolKind.Event,
};

export function registerSymbols(store: AnnotationStore, index: WorkspaceIndex): vscode.Disposable {
  /** Renames waiting for their edit to be applied (not previewed and cancelled), by sidecar URI. */
  const renamesInMemory = new Map<string, { text: string; apply: () => void }>();
  /** Locations of anchors, with each article's lines indexed once per request. */
  const locator = () => {
    const articles = new Map<string, { uri: vscode.Uri; at?: (offset: number) => vscode.Position }>();
    return (article: string, anchor: Anchor): vscode.Location | undefined => {
      let known = articles.get(article);
      if (!known) {
        const uri = vscode.Uri.parse(article);
        const text = index.text(uri);
        known = { uri, at: text === undefined ? undefined : positionsIn(text) };
        articles.set(article, known);
      }
      return known.at && new vscode.Location(known.uri, new vscode.Range(known.at(anchor.start), known.at(anchor.end)));
    };
  };

  /** The mention under the cursor, its actor, and that actor's entry across the workspace. */
  const mentionAt = async (doc: vscode.TextDocument, position: vscode.Position) => {
    const annotations = store.get(doc.uri)?.annotations;
    const ref = annotations ? annotationsAt(annotations, doc.offsetAt(position)).find((r) => r.kind === 'mention') : undefined;
    if (ref?.kind !== 'mention') {
      return undefined;
    }
    const group = groupOf(await index.groups(), doc.uri.toString(), ref.actor.id);
    return { actor: ref.actor, mention: ref.mention, group };
  };

  const appearancesOf = (doc: vscode.TextDocument, actor: Actor, group: WorkspaceActor | undefined) =>
    group?.appearances ?? [{ article: doc.uri.toString(), actor }];

  const symbols: vscode.WorkspaceSymbolProvider = {
    async provideWorkspaceSymbols(query) {
      const locationOf = locator();
      const out: vscode.SymbolInformation[] = [];
      for (const group of await index.groups()) {
        for (const { article, actor } of group.appearances) {
          if (![actor.name, ...(actor.aliases ?? [])].some((name) => symbolMatches(query, name))) {
            continue;
          }
          const first = actor.mentions.find((m) => !m.orphaned);
          const location = first ? locationOf(article, first) : undefined;
          if (location) {
            const where = `${actorTypeLabel(actor.type)} · ${basename(location.uri)}`;
            out.push(new vscode.SymbolInformation(actor.name, SYMBOL_KINDS[actor.type] ?? vscode.SymbolKind.Variable, where, location));
          }
        }
      }
      return out;
    },
  };

  const references: vscode.ReferenceProvider = {
    async provideReferences(doc, position) {
      const here = await mentionAt(doc, position);
      if (!here) {
        return undefined;
      }
      const locationOf = locator();
      const out: vscode.Location[] = [];
      for (const { article, actor } of appearancesOf(doc, here.actor, here.group)) {
        for (const mention of actor.mentions) {
          const location = mention.orphaned ? undefined : locationOf(article, mention);
          if (location) {
            out.push(location);
          }
        }
      }
      return out;
    },
  };

  const rename: vscode.RenameProvider = {
    async prepareRename(doc, position) {
      const here = await mentionAt(doc, position);
      if (!here) {
        throw new Error('Put the cursor on a marked mention to rename its actor.');
      }
      return { range: new vscode.Range(doc.positionAt(here.mention.start), doc.positionAt(here.mention.end)), placeholder: here.actor.name };
    },
    async provideRenameEdits(doc, position, newName) {
      const here = await mentionAt(doc, position);
      if (!here) {
        return undefined;
      }
      if (!newName.trim()) {
        throw new Error('An actor’s name cannot be empty.');
      }
      // Sidecars are read from disk: let the store finish writing what it has first.
      await store.flush();
      // Every sidecar is changed as a text edit, open articles' too, so the whole rename can be
      // previewed and undone as one; the store reads an open article's sidecar back when it is saved.
      const edit = new vscode.WorkspaceEdit();
      const label = `Rename ${here.actor.name} to ${newName.trim()}`;
      const problems: string[] = [];
      for (const { article, actor } of appearancesOf(doc, here.actor, here.group)) {
        const uri = vscode.Uri.parse(article);
        const rename = (annotations: Annotations) => {
          const same = annotations.actors.find((a) => a.id === actor.id);
          if (same) {
            renameActor(same, newName);
          }
        };
        const { text, problem } = await addSidecarChange(edit, uri, rename, label);
        if (problem) {
          problems.push(problem);
        }
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === article);
        if (text !== undefined && open?.isDirty && store.get(uri)?.annotations) {
          // An article with unsaved edits keeps its annotations in memory until saved; they are
          // renamed too once the edit is applied, or saving it would find both sides changed.
          renamesInMemory.set(sidecarUriFor(uri).toString(), { text, apply: () => store.update(open, rename) });
        }
      }
      if (problems.length) {
        void vscode.window.showWarningMessage(`${label}: ${problems.length === 1 ? 'one sidecar was' : `${problems.length} sidecars were`} left as they are. ${problems.join(' ')}`);
      }
      return edit;
    },
  };

  const selector = ARTICLE_LANGUAGES.map((language) => ({ language }));
  return vscode.Disposable.from(
    vscode.languages.registerWorkspaceSymbolProvider(symbols),
    vscode.languages.registerReferenceProvider(selector, references),
    vscode.languages.registerRenameProvider(selector, rename),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const waiting = renamesInMemory.get(e.document.uri.toString());
      if (waiting && e.document.getText() === waiting.text) {
        renamesInMemory.delete(e.document.uri.toString());
        waiting.apply();
      }
    }),
  );
}
