// Suggested actors and check-worthy claims: subtle underlines, a hover saying why, code actions and a review list to accept or reject them.

import * as vscode from 'vscode';
import { type Annotations } from '../core/model';
import * as ops from '../core/operations';
import type { ActorSuggestion, ClaimSuggestion, KnownActor } from '../core/suggest';
import { normaliseName } from '../core/workspace';
import { actorTypeLabel, actorTypes } from './config';
import { escapeMarkdown } from '../core/describe';
import { ARTICLE_LANGUAGES, AnnotationStore, basename } from './store';
import type { WorkspaceIndex } from './workspaceIndex';
import type { Feedback } from './commands/feedback';
import { Command, InternalCommand } from './commands/ids';
import { argsUri } from './commands/target';

interface Suggestions {
  actors: ActorSuggestion[];
  claims: ClaimSuggestion[];
}

type Suggestion = { kind: 'actor'; item: ActorSuggestion } | { kind: 'claim'; item: ClaimSuggestion };

export interface SuggestionArgs {
  uri?: string;
  kind?: 'actor' | 'claim';
  start?: number;
  end?: number;
}

export function registerSuggestions(store: AnnotationStore, index: WorkspaceIndex, feedback: Feedback): vscode.Disposable {
  const byArticle = new Map<string, Suggestions>();
  const actorType = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    borderColor: new vscode.ThemeColor('newsmark.suggestion'),
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
  });
  const claimType = vscode.window.createTextEditorDecorationType({
    borderColor: new vscode.ThemeColor('newsmark.suggestion'),
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    overviewRulerColor: new vscode.ThemeColor('newsmark.suggestion'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });

  const draw = (uri?: vscode.Uri) => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (uri && editor.document.uri.toString() !== uri.toString()) {
        continue;
      }
      const s = byArticle.get(editor.document.uri.toString());
      const doc = editor.document;
      const range = (x: { start: number; end: number }) => new vscode.Range(doc.positionAt(x.start), doc.positionAt(x.end));
      editor.setDecorations(actorType, (s?.actors ?? []).map(range));
      editor.setDecorations(claimType, (s?.claims ?? []).map(range));
    }
  };

  /** Computes suggestions for an article; the NLP module is loaded here, on first use only. */
  const suggest = async (doc: vscode.TextDocument): Promise<Suggestions | undefined> => {
    const entry = await store.load(doc);
    if (!entry?.annotations) {
      return undefined;
    }
    const engine = await import('../core/suggest');
    const annotations = entry.annotations;
    const known = knownActors(annotations, index);
    const rejected = annotations.suggestions?.rejected ?? {};
    const result = engine.suggestAll(doc.getText(), {
      actors: {
        known,
        rejected: rejected.actors,
        existingMentions: annotations.actors.flatMap((a) => a.mentions.filter((m) => !m.orphaned)),
      },
      claims: { rejected: rejected.claims, existingClaims: annotations.claims.filter((c) => !c.anchor.orphaned).map((c) => c.anchor) },
    });
    byArticle.set(doc.uri.toString(), result);
    draw(doc.uri);
    return result;
  };

  const find = (uri: string, args: SuggestionArgs): Suggestion | undefined => {
    const s = byArticle.get(uri);
    if (!s) {
      return undefined;
    }
    if (args.kind !== 'claim') {
      const item = s.actors.find((a) => a.start === args.start && a.end === args.end);
      if (item) {
        return { kind: 'actor', item };
      }
    }
    const claim = s.claims.find((c) => c.start === args.start && c.end === args.end);
    return claim ? { kind: 'claim', item: claim } : undefined;
  };

  const forget = (uri: string, suggestion: Suggestion) => {
    const s = byArticle.get(uri);
    if (s) {
      s.actors = s.actors.filter((a) => a !== suggestion.item);
      s.claims = s.claims.filter((c) => c !== suggestion.item);
    }
  };

  const accept = (doc: vscode.TextDocument, suggestion: Suggestion): void => {
    const uri = doc.uri.toString();
    store.update(doc, (annotations, text) => {
      if (suggestion.kind === 'actor') {
        ops.markMention(annotations, text, suggestion.item.start, suggestion.item.end, actorFor(annotations, suggestion.item));
        return;
      }
      const s = byArticle.get(uri);
      ops.markClaim(annotations, text, suggestion.item.start, suggestion.item.end, claimantFor(annotations, text, suggestion.item, s?.actors ?? []));
    });
    forget(uri, suggestion);
    feedback.done(suggestion.kind === 'actor' ? `Marked “${suggestion.item.text}” as ${suggestion.item.name}` : 'Marked the suggested claim');
    // A mention or claim now covers this span; overlapping suggestions are moot.
    const s = byArticle.get(uri);
    if (s && suggestion.kind === 'actor') {
      s.actors = s.actors.filter((a) => a.end <= suggestion.item.start || a.start >= suggestion.item.end);
    }
    draw(doc.uri);
  };

  const reject = (doc: vscode.TextDocument, suggestion: Suggestion): void => {
    store.update(doc, (annotations) => {
      annotations.suggestions ??= {};
      annotations.suggestions.rejected ??= {};
      const list = suggestion.kind === 'actor' ? (annotations.suggestions.rejected.actors ??= []) : (annotations.suggestions.rejected.claims ??= []);
      list.push(suggestion.item.text);
    });
    const uri = doc.uri.toString();
    const s = byArticle.get(uri);
    if (s && suggestion.kind === 'actor') {
      // Rejecting "Training" rejects it everywhere in this article, as it will be on the next run.
      const key = normaliseName(suggestion.item.text);
      s.actors = s.actors.filter((a) => normaliseName(a.text) !== key);
    }
    forget(uri, suggestion);
    feedback.done(`Rejected “${suggestion.item.text.length > 40 ? `${suggestion.item.text.slice(0, 39)}…` : suggestion.item.text}”: it will not be suggested again`);
    draw(doc.uri);
  };

  const targetDoc = async (args?: SuggestionArgs): Promise<vscode.TextDocument | undefined> => {
    const uri = argsUri(args);
    if (!uri) {
      feedback.info('Open a news article first.');
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    return AnnotationStore.isArticle(doc) ? doc : undefined;
  };

  const suggestCommand = async (args?: SuggestionArgs) => {
    const doc = await targetDoc(args);
    if (!doc) {
      return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Finding actors and claims in ${basename(doc.uri)}` },
      () => suggest(doc),
    );
    if (!result) {
      return undefined;
    }
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    vscode.window.setStatusBarMessage(`Newsmark: ${count(result.actors.length, 'suggested mention', 'suggested mentions')}, ${count(result.claims.length, 'suggested claim', 'suggested claims')}`, 5000);
    return { actors: result.actors.length, claims: result.claims.length };
  };

  const reviewCommand = async (args?: SuggestionArgs) => {
    const doc = await targetDoc(args);
    if (!doc) {
      return;
    }
    const s = byArticle.get(doc.uri.toString()) ?? (await suggest(doc));
    if (!s || s.actors.length + s.claims.length === 0) {
      void vscode.window.showInformationMessage(`No suggestions for ${basename(doc.uri)}.`);
      return;
    }
    type Item = vscode.QuickPickItem & { suggestion?: Suggestion };
    const rejectButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('thumbsdown'), tooltip: 'Reject: do not suggest this again' };
    const items = (): Item[] => {
      const current = byArticle.get(doc.uri.toString()) ?? { actors: [], claims: [] };
      return [
        { label: 'Actors', kind: vscode.QuickPickItemKind.Separator },
        ...current.actors.map((item) => ({
          label: item.text,
          description: `${item.name !== item.text ? `${item.name} · ` : ''}${actorTypeLabel(item.type)}`,
          detail: `line ${doc.positionAt(item.start).line + 1} · ${context(doc, item)} · ${item.reason}`,
          buttons: [rejectButton],
          suggestion: { kind: 'actor', item } as Suggestion,
        })),
        { label: 'Claims', kind: vscode.QuickPickItemKind.Separator },
        ...current.claims.map((item) => ({
          label: item.text.length > 90 ? `${item.text.slice(0, 89)}…` : item.text,
          description: item.claimant ? `claimant: ${item.claimant.name}` : 'claimant: the article',
          detail: `line ${doc.positionAt(item.start).line + 1} · ${item.reasons.join(' · ')}`,
          buttons: [rejectButton],
          suggestion: { kind: 'claim', item } as Suggestion,
        })),
      ];
    };
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = `Suggestions for ${basename(doc.uri)}: Space to select, Enter to accept, 👎 to reject`;
    pick.canSelectMany = true;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.items = items();
    const done = new Promise<void>((resolve) => {
      pick.onDidTriggerItemButton((e) => {
        if (e.item.suggestion) {
          reject(doc, e.item.suggestion);
          pick.items = items();
        }
      });
      pick.onDidAccept(() => {
        for (const item of pick.selectedItems) {
          if (item.suggestion) {
            accept(doc, item.suggestion);
          }
        }
        pick.hide();
      });
      pick.onDidHide(() => resolve());
    });
    pick.show();
    await done;
    pick.dispose();
  };

  const acceptCommand = async (args: SuggestionArgs) => {
    const doc = await targetDoc(args);
    const suggestion = doc && find(doc.uri.toString(), args);
    if (doc && suggestion) {
      accept(doc, suggestion);
    }
  };

  const rejectCommand = async (args: SuggestionArgs) => {
    const doc = await targetDoc(args);
    const suggestion = doc && find(doc.uri.toString(), args);
    if (doc && suggestion) {
      reject(doc, suggestion);
    }
  };

  const at = (doc: vscode.TextDocument, offset: number): Suggestion[] => {
    const s = byArticle.get(doc.uri.toString());
    if (!s) {
      return [];
    }
    return [
      ...s.actors.filter((a) => a.start <= offset && offset <= a.end).map((item): Suggestion => ({ kind: 'actor', item })),
      ...s.claims.filter((c) => c.start <= offset && offset <= c.end).map((item): Suggestion => ({ kind: 'claim', item })),
    ];
  };

  const selector = ARTICLE_LANGUAGES.map((language) => ({ language }));
  const args = (doc: vscode.TextDocument, s: Suggestion): SuggestionArgs => ({ uri: doc.uri.toString(), kind: s.kind, start: s.item.start, end: s.item.end });

  return vscode.Disposable.from(
    actorType,
    claimType,
    vscode.commands.registerCommand(Command.Suggest, suggestCommand),
    vscode.commands.registerCommand(Command.ReviewSuggestions, reviewCommand),
    vscode.commands.registerCommand(InternalCommand.AcceptSuggestion, acceptCommand),
    vscode.commands.registerCommand(InternalCommand.RejectSuggestion, rejectCommand),
    vscode.languages.registerCodeActionsProvider(
      selector,
      {
        provideCodeActions(doc, range) {
          const actions: vscode.CodeAction[] = [];
          for (const s of at(doc, doc.offsetAt(range.start))) {
            const title =
              s.kind === 'actor'
                ? `Mark as actor: ${s.item.name} (${actorTypeLabel(s.item.type)})`
                : `Mark as claim${s.item.claimant ? ` by ${s.item.claimant.name}` : ''}`;
            const accept = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
            accept.command = { command: InternalCommand.AcceptSuggestion, title, arguments: [args(doc, s)] };
            accept.isPreferred = true;
            const reject = new vscode.CodeAction(`Reject suggestion “${s.item.text.length > 40 ? `${s.item.text.slice(0, 39)}…` : s.item.text}”`, vscode.CodeActionKind.QuickFix);
            reject.command = { command: InternalCommand.RejectSuggestion, title: 'Reject suggestion', arguments: [args(doc, s)] };
            actions.push(accept, reject);
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.languages.registerHoverProvider(selector, {
      provideHover(doc, position) {
        const found = at(doc, doc.offsetAt(position));
        if (!found.length) {
          return undefined;
        }
        const parts = found.map((s) =>
          s.kind === 'actor'
            ? `**Suggested actor:** ${escapeMarkdown(s.item.name)} (${escapeMarkdown(actorTypeLabel(s.item.type))})\n\nWhy: ${escapeMarkdown(s.item.reason)}`
            : `**Suggested claim** (score ${s.item.score})${s.item.claimant ? ` by ${escapeMarkdown(s.item.claimant.name)}` : ''}\n\nWhy:\n${s.item.reasons.map((r) => `- ${escapeMarkdown(r)}`).join('\n')}`,
        );
        const md = new vscode.MarkdownString(`${parts.join('\n\n---\n\n')}\n\nPress Ctrl+. to accept or reject.`);
        md.isTrusted = false;
        return new vscode.Hover(md);
      },
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // Suggestions are positions in the text as it was; drop them once it changes.
      if (e.contentChanges.length && byArticle.delete(e.document.uri.toString())) {
        draw(e.document.uri);
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => draw()),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (AnnotationStore.isArticle(doc) && vscode.workspace.getConfiguration('newsmark').get<boolean>('suggestions.onOpen', false)) {
        void suggest(doc);
      }
    }),
  );
}

/** The words around a suggestion, so identical rows can be told apart. */
function context(doc: vscode.TextDocument, span: { start: number; end: number }): string {
  const text = doc.getText();
  const before = text.slice(Math.max(0, span.start - 20), span.start).replace(/\s+/g, ' ').trimStart();
  const after = text.slice(span.end, span.end + 20).replace(/\s+/g, ' ').trimEnd();
  return `…${before}${text.slice(span.start, span.end)}${after}…`;
}

/** The gazetteer: actors of this article and, once the workspace index is built, of every article. */
function knownActors(annotations: Annotations, index: WorkspaceIndex): KnownActor[] {
  const known: KnownActor[] = annotations.actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, type: a.type }));
  const seen = new Set(known.map((k) => normaliseName(k.name)));
  for (const article of index.all()) {
    for (const a of article.annotations.actors) {
      if (!seen.has(normaliseName(a.name))) {
        seen.add(normaliseName(a.name));
        known.push({ name: a.name, aliases: a.aliases, type: a.type });
      }
    }
  }
  return known;
}

/** This article's actor with that id, else the one whose name or an alias is that name (ignoring case and accents). */
function existingActor(annotations: Annotations, actorId: string | undefined, name: string): string | undefined {
  if (actorId && ops.actorById(annotations, actorId)) {
    return actorId;
  }
  const key = normaliseName(name);
  return annotations.actors.find((a) => [a.name, ...(a.aliases ?? [])].some((n) => normaliseName(n) === key))?.id;
}

/** The actor a suggested mention joins: one of this article's by id or name, or a new one. */
function actorFor(annotations: Annotations, s: ActorSuggestion): string | ops.NewActor {
  const same = existingActor(annotations, s.actorId, s.name);
  if (same) {
    return same;
  }
  const types = actorTypes().map((t) => t.id);
  return { name: s.name, type: types.includes(s.type) ? s.type : types.includes('other') ? 'other' : types[0] };
}

/**
 * The claimant of an accepted claim: a known actor, or the actor named in the sentence,
 * marked there as a mention; the article itself when the attribution names no one.
 */
function claimantFor(annotations: Annotations, text: string, s: ClaimSuggestion, actorSuggestions: ActorSuggestion[]): string | undefined {
  const claimant = s.claimant;
  if (!claimant) {
    return undefined;
  }
  const same = existingActor(annotations, claimant.actorId, claimant.name);
  if (same) {
    return same;
  }
  if (claimant.start !== undefined && claimant.end !== undefined) {
    const named = actorSuggestions.find((a) => a.start < claimant.end! && claimant.start! < a.end);
    const types = actorTypes().map((t) => t.id);
    const type = named && types.includes(named.type) ? named.type : types.includes('person') ? 'person' : types[0];
    return ops.markMention(annotations, text, claimant.start, claimant.end, { name: named?.name ?? claimant.name, type }).id;
  }
  return undefined;
}
