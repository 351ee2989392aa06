// Actors as symbols across the workspace: Go to Symbol in Workspace, Find All References of a mention, and Rename Symbol (F2) in every sidecar.

import * as vscode from 'vscode';
import { SYMBOL_LIMIT } from '../core/archiveIndex';
import { type ArticleRecord, type IndexedActor, placesOf } from '../core/indexRecords';
import type { Annotations } from '../core/model';
import { annotationsAt, renameActor } from '../core/operations';
import { actorTypeLabel } from './config';
import { addSidecarChange } from './sidecarEdits';
import { ARTICLE_LANGUAGES, type AnnotationStore, basename, sidecarUriFor } from './store';
import type { WorkspaceIndex } from './workspaceIndex';

const SYMBOL_KINDS: Record<string, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organisation: vscode.SymbolKind.Class,
  country: vscode.SymbolKind.Namespace,
  location: vscode.SymbolKind.Package,
  event: vscode.SymbolKind.Event,
};

/** Renames waiting for their edit to be applied (not previewed and cancelled), by sidecar URI. */
type RenamesInMemory = Map<string, { text: string; apply: () => void }>;

/** An actor in one article, as every article of the workspace shows it. */
type ActorIn = { article: string; actor: Pick<IndexedActor, 'id'> };

export function registerSymbols(store: AnnotationStore, index: WorkspaceIndex): vscode.Disposable {
  const renamesInMemory: RenamesInMemory = new Map();
  const selector = ARTICLE_LANGUAGES.map((language) => ({ language }));
  return vscode.Disposable.from(
    vscode.languages.registerWorkspaceSymbolProvider({ provideWorkspaceSymbols: (query) => workspaceSymbols(index, query) }),
    vscode.languages.registerReferenceProvider(selector, { provideReferences: (doc, position) => references(store, index, doc, position) }),
    vscode.languages.registerRenameProvider(selector, renameProvider(store, index, renamesInMemory)),
    vscode.workspace.onDidChangeTextDocument((e) => applyRenameInMemory(renamesInMemory, e.document)),
  );
}

/** Every appearance of an actor whose name or alias matches, at its first mention; from the index's prebuilt names. */
async function workspaceSymbols(index: WorkspaceIndex, query: string): Promise<vscode.SymbolInformation[]> {
  await index.current();
  const out: vscode.SymbolInformation[] = [];
  for (const { record, actor } of index.search(query, SYMBOL_LIMIT)) {
    const [first] = locationsOf(index, record, actor, 1);
    if (first) {
      const where = `${actorTypeLabel(actor.type)} · ${basename(first.uri)}`;
      out.push(new vscode.SymbolInformation(actor.name, SYMBOL_KINDS[actor.type] ?? vscode.SymbolKind.Variable, where, first));
    }
  }
  return out;
}

/** Every mention, in every article, of the actor whose mention is under the cursor. */
async function references(store: AnnotationStore, index: WorkspaceIndex, doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
  const here = await mentionAt(store, index, doc, position);
  if (!here) {
    return undefined;
  }
  return here.appearances.flatMap(({ article, actor }) => {
    const record = index.record(article);
    const indexed = record?.actors.find((a) => a.id === actor.id);
    return record && indexed ? locationsOf(index, record, indexed) : [];
  });
}

/** Where an actor's placed mentions are in its article, the first `limit` of them. */
function locationsOf(index: WorkspaceIndex, record: ArticleRecord, actor: IndexedActor, limit = Infinity): vscode.Location[] {
  const uri = index.uriOf(record.article);
  return placesOf(record, actor)
    .slice(0, limit)
    .map(({ start, end }) => new vscode.Location(uri, new vscode.Range(start[0], start[1], end[0], end[1])));
}

/** The mention under the cursor, its actor, and that actor in every article of the workspace. */
async function mentionAt(store: AnnotationStore, index: WorkspaceIndex, doc: vscode.TextDocument, position: vscode.Position) {
  const annotations = store.get(doc.uri)?.annotations;
  const ref = annotations ? annotationsAt(annotations, doc.offsetAt(position)).find((r) => r.kind === 'mention') : undefined;
  if (ref?.kind !== 'mention') {
    return undefined;
  }
  await index.current();
  const article = doc.uri.toString();
  const appearances: ActorIn[] = index.groupOf(article, ref.actor.id)?.appearances ?? [{ article, actor: ref.actor }];
  return { actor: ref.actor, mention: ref.mention, appearances };
}

function renameProvider(store: AnnotationStore, index: WorkspaceIndex, renamesInMemory: RenamesInMemory): vscode.RenameProvider {
  return {
    async prepareRename(doc, position) {
      const here = await mentionAt(store, index, doc, position);
      if (!here) {
        throw new Error('Put the cursor on a marked mention to rename its actor.');
      }
      return { range: new vscode.Range(doc.positionAt(here.mention.start), doc.positionAt(here.mention.end)), placeholder: here.actor.name };
    },
    async provideRenameEdits(doc, position, newName) {
      const here = await mentionAt(store, index, doc, position);
      if (!here) {
        return undefined;
      }
      if (!newName.trim()) {
        throw new Error('An actor’s name cannot be empty.');
      }
      return renameEdits(store, renamesInMemory, here.appearances, `Rename ${here.actor.name} to ${newName.trim()}`, newName);
    },
  };
}

/**
 * The rename of an actor in every sidecar it appears in, as one edit. Every sidecar is
 * changed as a text edit, open articles' too, so the whole rename can be previewed and
 * undone as one; the store reads an open article's sidecar back when it is saved.
 */
async function renameEdits(store: AnnotationStore, renamesInMemory: RenamesInMemory, appearances: readonly ActorIn[], label: string, newName: string): Promise<vscode.WorkspaceEdit> {
  // Sidecars are read from disk: let the store finish writing what it has first.
  await store.flush();
  const edit = new vscode.WorkspaceEdit();
  const problems: string[] = [];
  for (const { article, actor } of appearances) {
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
}

/** A sidecar whose rename was applied as a text edit: its open article's annotations are renamed too. */
function applyRenameInMemory(renamesInMemory: RenamesInMemory, document: vscode.TextDocument): void {
  const waiting = renamesInMemory.get(document.uri.toString());
  if (waiting && document.getText() === waiting.text) {
    renamesInMemory.delete(document.uri.toString());
    waiting.apply();
  }
}
