// Suggested actors and check-worthy claims: subtle underlines, a hover saying why, code actions and a review list to accept or reject them.

import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/describe';
import { type Actor, type Annotations } from '../core/model';
import * as ops from '../core/operations';
import type { Stamp } from '../core/provenance';
import type { ActorSuggestion, ClaimSuggestion, KnownActor } from '../core/suggest';
import { normaliseName } from '../core/workspace';
import type { Annotator } from './annotator';
import type { Feedback } from './commands/feedback';
import { Command, InternalCommand } from './commands/ids';
import { argsUri } from './commands/target';
import { actorTypeLabel, actorTypes, settings } from './config';
import { ARTICLE_LANGUAGES, AnnotationStore, basename } from './store';
import type { WorkspaceIndex } from './workspaceIndex';

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

type ReviewItem = vscode.QuickPickItem & { suggestion?: Suggestion };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const short = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A reason in the user's words: which library found a name is not their concern. */
function reasonForUser(reason: string): string {
  return reason.replace(/, by compromise’s lexicon/g, ', a name the suggester knows');
}

/** The suggestions of every open article, their underlines, and the commands, fixes and hovers that act on them. */
class SuggestionsController {
  private readonly byArticle = new Map<string, Suggestions>();
  /** Actors of other articles by name, so accepting one brings its aliases and Wikidata id. */
  private elsewhere = new Map<string, Actor>();
  /** Made when the first suggestions are drawn: most sessions never ask for any. */
  private types?: { actor: vscode.TextEditorDecorationType; claim: vscode.TextEditorDecorationType };

  private get decorationTypes(): { actor: vscode.TextEditorDecorationType; claim: vscode.TextEditorDecorationType } {
    this.types ??= {
      actor: vscode.window.createTextEditorDecorationType({
        textDecoration: 'underline dotted',
        borderColor: new vscode.ThemeColor('newsmark.suggestion'),
        borderStyle: 'none none dotted none',
        borderWidth: '0 0 1px 0',
      }),
      claim: vscode.window.createTextEditorDecorationType({
        borderColor: new vscode.ThemeColor('newsmark.suggestion'),
        borderStyle: 'none none dotted none',
        borderWidth: '0 0 1px 0',
        overviewRulerColor: new vscode.ThemeColor('newsmark.suggestion'),
        overviewRulerLane: vscode.OverviewRulerLane.Full,
      }),
    };
    return this.types;
  }

  constructor(
    private readonly store: AnnotationStore,
    private readonly index: WorkspaceIndex,
    private readonly feedback: Feedback,
    private readonly annotator: Annotator,
  ) {}

  draw(uri?: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (uri && editor.document.uri.toString() !== uri.toString()) {
        continue;
      }
      const s = this.byArticle.get(editor.document.uri.toString());
      if (!s && !this.types) {
        continue; // Nothing was ever underlined.
      }
      const doc = editor.document;
      const range = (x: { start: number; end: number }) => new vscode.Range(doc.positionAt(x.start), doc.positionAt(x.end));
      editor.setDecorations(this.decorationTypes.actor, (s?.actors ?? []).map(range));
      editor.setDecorations(this.decorationTypes.claim, (s?.claims ?? []).map(range));
    }
  }

  /** Computes suggestions for an article; the NLP module is loaded here, on first use only. */
  async suggest(doc: vscode.TextDocument): Promise<Suggestions | undefined> {
    const entry = await this.store.load(doc);
    if (!entry?.annotations) {
      return undefined;
    }
    const engine = await import('../core/suggest');
    const annotations = entry.annotations;
    const { known, elsewhere } = knownActors(annotations, this.index);
    this.elsewhere = elsewhere;
    const rejected = annotations.suggestions?.rejected ?? {};
    const result = engine.suggestAll(doc.getText(), {
      actors: {
        known,
        rejected: rejected.actors,
        existingMentions: annotations.actors.flatMap((a) => a.mentions.filter((m) => !m.orphaned)),
      },
      claims: { rejected: rejected.claims, existingClaims: annotations.claims.filter((c) => !c.anchor.orphaned).map((c) => c.anchor) },
    });
    this.byArticle.set(doc.uri.toString(), result);
    this.draw(doc.uri);
    return result;
  }

  find(uri: string, args: SuggestionArgs): Suggestion | undefined {
    const s = this.byArticle.get(uri);
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
  }

  private forget(uri: string, suggestion: Suggestion): void {
    const s = this.byArticle.get(uri);
    if (s) {
      s.actors = s.actors.filter((a) => a !== suggestion.item);
      s.claims = s.claims.filter((c) => c !== suggestion.item);
    }
  }

  /** Marks an actor suggestion; a new actor known from another article comes with its aliases and Wikidata id. */
  private acceptActor(annotations: Annotations, text: string, item: ActorSuggestion, stamp: Stamp | undefined): void {
    const chosen = actorFor(annotations, item);
    const actor = ops.markMention(annotations, text, item.start, item.end, chosen, stamp);
    const known = typeof chosen === 'string' ? undefined : this.elsewhere.get(normaliseName(item.name));
    if (known && actor.mentions.length === 1) {
      if (known.aliases?.length) {
        actor.aliases = [...known.aliases];
      }
      if (known.wikidata) {
        actor.wikidata = known.wikidata;
      }
    }
  }

  /** Marks a suggestion, stamped as made by the annotator who accepted it. */
  accept(doc: vscode.TextDocument, suggestion: Suggestion, stamp?: Stamp): void {
    const uri = doc.uri.toString();
    this.store.update(doc, (annotations, text) => {
      if (suggestion.kind === 'actor') {
        this.acceptActor(annotations, text, suggestion.item, stamp);
        return;
      }
      const s = this.byArticle.get(uri);
      ops.markClaim(annotations, text, suggestion.item.start, suggestion.item.end, claimantFor(annotations, text, suggestion.item, s?.actors ?? [], stamp), stamp);
    });
    this.forget(uri, suggestion);
    this.feedback.done(suggestion.kind === 'actor' ? `Marked “${short(suggestion.item.text)}” as ${suggestion.item.name}` : 'Marked the suggested claim');
    // A mention or claim now covers this span; overlapping suggestions are moot.
    const s = this.byArticle.get(uri);
    if (s && suggestion.kind === 'actor') {
      s.actors = s.actors.filter((a) => a.end <= suggestion.item.start || a.start >= suggestion.item.end);
    }
    this.draw(doc.uri);
  }

  reject(doc: vscode.TextDocument, suggestion: Suggestion): void {
    this.store.update(doc, (annotations) => {
      annotations.suggestions ??= {};
      annotations.suggestions.rejected ??= {};
      const list = suggestion.kind === 'actor' ? (annotations.suggestions.rejected.actors ??= []) : (annotations.suggestions.rejected.claims ??= []);
      list.push(suggestion.item.text);
    });
    const uri = doc.uri.toString();
    const s = this.byArticle.get(uri);
    if (s && suggestion.kind === 'actor') {
      // Rejecting "Training" rejects it everywhere in this article, as it will be on the next run.
      const key = normaliseName(suggestion.item.text);
      s.actors = s.actors.filter((a) => normaliseName(a.text) !== key);
    }
    this.forget(uri, suggestion);
    this.feedback.done(`Rejected “${short(suggestion.item.text)}”: it will not be suggested again`);
    this.draw(doc.uri);
  }

  private async targetDoc(args?: SuggestionArgs): Promise<vscode.TextDocument | undefined> {
    const uri = argsUri(args);
    if (!uri) {
      this.feedback.info('Open a news article first.');
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    return AnnotationStore.isArticle(doc) ? doc : undefined;
  }

  async suggestCommand(args?: SuggestionArgs): Promise<{ actors: number; claims: number } | undefined> {
    const doc = await this.targetDoc(args);
    if (!doc) {
      return undefined;
    }
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Finding actors and claims in ${basename(doc.uri)}` }, () =>
      this.suggest(doc),
    );
    if (!result) {
      return undefined;
    }
    vscode.window.setStatusBarMessage(
      `Newsmark: ${plural(result.actors.length, 'suggested mention', 'suggested mentions')}, ${plural(result.claims.length, 'suggested claim', 'suggested claims')}`,
      5000,
    );
    return { actors: result.actors.length, claims: result.claims.length };
  }

  /** The review list's rows: each with its line and the words around it, so identical names can be told apart. */
  private reviewItems(doc: vscode.TextDocument, rejectButton: vscode.QuickInputButton): ReviewItem[] {
    const current = this.byArticle.get(doc.uri.toString()) ?? { actors: [], claims: [] };
    const line = (at: number) => `line ${doc.positionAt(at).line + 1}`;
    return [
      { label: 'Actors', kind: vscode.QuickPickItemKind.Separator },
      ...current.actors.map((item) => ({
        label: item.text,
        description: `${item.name !== item.text ? `${item.name} · ` : ''}${actorTypeLabel(item.type)}`,
        detail: `${line(item.start)} · ${context(doc, item)} · ${reasonForUser(item.reason)}`,
        buttons: [rejectButton],
        suggestion: { kind: 'actor', item } as Suggestion,
      })),
      { label: 'Claims', kind: vscode.QuickPickItemKind.Separator },
      ...current.claims.map((item) => ({
        label: short(item.text, 90),
        description: item.claimant ? `claimant: ${item.claimant.name}` : 'claimant: the article',
        detail: `${line(item.start)} · ${item.reasons.map(reasonForUser).join(' · ')}`,
        buttons: [rejectButton],
        suggestion: { kind: 'claim', item } as Suggestion,
      })),
    ];
  }

  async reviewCommand(args?: SuggestionArgs): Promise<void> {
    const doc = await this.targetDoc(args);
    if (!doc) {
      return;
    }
    const s = this.byArticle.get(doc.uri.toString()) ?? (await this.suggest(doc));
    if (!s || s.actors.length + s.claims.length === 0) {
      this.feedback.info(`No suggestions for ${basename(doc.uri)}.`);
      return;
    }
    // Who is reviewing is settled before the picker opens; each accepted suggestion is stamped when accepted.
    const stamp = await this.annotator.stamper(doc.uri);
    const rejectButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('thumbsdown'), tooltip: 'Reject: do not suggest this again' };
    const pick = vscode.window.createQuickPick<ReviewItem>();
    pick.title = `Suggestions for ${basename(doc.uri)}: Space to select, Enter to accept, the thumb to reject`;
    pick.canSelectMany = true;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.items = this.reviewItems(doc, rejectButton);
    const done = new Promise<void>((resolve) => {
      pick.onDidTriggerItemButton((e) => {
        if (e.item.suggestion) {
          this.reject(doc, e.item.suggestion);
          pick.items = this.reviewItems(doc, rejectButton);
        }
      });
      pick.onDidAccept(() => {
        for (const item of pick.selectedItems) {
          if (item.suggestion) {
            this.accept(doc, item.suggestion, stamp());
          }
        }
        pick.hide();
      });
      pick.onDidHide(() => resolve());
    });
    pick.show();
    await done;
    pick.dispose();
  }

  async acceptOrReject(args: SuggestionArgs, how: 'accept' | 'reject'): Promise<void> {
    const doc = await this.targetDoc(args);
    const stamp = doc && how === 'accept' ? await this.annotator.stamp(doc.uri) : undefined;
    const suggestion = doc && this.find(doc.uri.toString(), args);
    if (doc && suggestion) {
      if (how === 'accept') {
        this.accept(doc, suggestion, stamp);
      } else {
        this.reject(doc, suggestion);
      }
    }
  }

  at(doc: vscode.TextDocument, offset: number): Suggestion[] {
    const s = this.byArticle.get(doc.uri.toString());
    if (!s) {
      return [];
    }
    return [
      ...s.actors.filter((a) => a.start <= offset && offset <= a.end).map((item): Suggestion => ({ kind: 'actor', item })),
      ...s.claims.filter((c) => c.start <= offset && offset <= c.end).map((item): Suggestion => ({ kind: 'claim', item })),
    ];
  }

  codeActions(doc: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const s of this.at(doc, doc.offsetAt(range.start))) {
      const args: SuggestionArgs = { uri: doc.uri.toString(), kind: s.kind, start: s.item.start, end: s.item.end };
      const title = s.kind === 'actor' ? `Mark as actor: ${s.item.name} (${actorTypeLabel(s.item.type)})` : `Mark as claim${s.item.claimant ? ` by ${s.item.claimant.name}` : ''}`;
      const accept = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      accept.command = { command: InternalCommand.AcceptSuggestion, title, arguments: [args] };
      accept.isPreferred = true;
      const reject = new vscode.CodeAction(`Reject suggestion “${short(s.item.text)}”`, vscode.CodeActionKind.QuickFix);
      reject.command = { command: InternalCommand.RejectSuggestion, title: 'Reject suggestion', arguments: [args] };
      actions.push(accept, reject);
    }
    return actions;
  }

  hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.at(doc, doc.offsetAt(position));
    if (!found.length) {
      return undefined;
    }
    const parts = found.map((s) =>
      s.kind === 'actor'
        ? `**Suggested actor:** ${escapeMarkdown(s.item.name)} (${escapeMarkdown(actorTypeLabel(s.item.type))})\n\nWhy: ${escapeMarkdown(reasonForUser(s.item.reason))}`
        : `**Suggested claim** (score ${s.item.score})${s.item.claimant ? ` by ${escapeMarkdown(s.item.claimant.name)}` : ''}\n\nWhy:\n${s.item.reasons.map((r) => `- ${escapeMarkdown(reasonForUser(r))}`).join('\n')}`,
    );
    const md = new vscode.MarkdownString(`${parts.join('\n\n---\n\n')}\n\nPress Ctrl+. to accept or reject.`);
    md.isTrusted = false;
    return new vscode.Hover(md);
  }

  /** Suggestions are positions in the text as it was; drop them once it changes. */
  dropChanged(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length && this.byArticle.delete(e.document.uri.toString())) {
      this.draw(e.document.uri);
    }
  }

  dispose(): void {
    this.types?.actor.dispose();
    this.types?.claim.dispose();
  }
}

export function registerSuggestions(store: AnnotationStore, index: WorkspaceIndex, feedback: Feedback, annotator: Annotator): vscode.Disposable {
  const c = new SuggestionsController(store, index, feedback, annotator);
  const selector = ARTICLE_LANGUAGES.map((language) => ({ language }));
  return vscode.Disposable.from(
    c,
    vscode.commands.registerCommand(Command.Suggest, (args?: SuggestionArgs) => c.suggestCommand(args)),
    vscode.commands.registerCommand(Command.ReviewSuggestions, (args?: SuggestionArgs) => c.reviewCommand(args)),
    vscode.commands.registerCommand(InternalCommand.AcceptSuggestion, (args: SuggestionArgs) => c.acceptOrReject(args, 'accept')),
    vscode.commands.registerCommand(InternalCommand.RejectSuggestion, (args: SuggestionArgs) => c.acceptOrReject(args, 'reject')),
    vscode.languages.registerCodeActionsProvider(selector, { provideCodeActions: (doc, range) => c.codeActions(doc, range) }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.languages.registerHoverProvider(selector, { provideHover: (doc, position) => c.hover(doc, position) }),
    vscode.workspace.onDidChangeTextDocument((e) => c.dropChanged(e)),
    vscode.window.onDidChangeVisibleTextEditors(() => c.draw()),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (AnnotationStore.isArticle(doc) && settings().suggestionsOnOpen) {
        void c.suggest(doc);
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

/**
 * The gazetteer: this article's actors with their aliases and, once the workspace index is
 * built, other articles' actors by name only — an alias given in one article ("the alliance")
 * says what it means there, not here. Those actors are returned by name too, so accepting one
 * brings its aliases and Wikidata id.
 */
function knownActors(annotations: Annotations, index: WorkspaceIndex): { known: KnownActor[]; elsewhere: Map<string, Actor> } {
  const known: KnownActor[] = annotations.actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, type: a.type }));
  const seen = new Set(known.flatMap((k) => [k.name, ...(k.aliases ?? [])].map(normaliseName)));
  const elsewhere = new Map<string, Actor>();
  const here = new Set(seen);
  for (const article of index.all()) {
    for (const a of article.record.actors) {
      const key = normaliseName(a.name);
      if (here.has(key)) {
        continue;
      }
      if (!seen.has(key)) {
        seen.add(key);
        known.push({ name: a.name, type: a.type });
      }
      // The same actor in several articles: what any of them knows of it.
      const before = elsewhere.get(key);
      const aliases = [...new Set([...(before?.aliases ?? []), ...(a.aliases ?? [])])];
      elsewhere.set(key, { id: a.id, name: a.name, type: a.type, mentions: [], aliases: aliases.length ? aliases : undefined, wikidata: before?.wikidata ?? a.wikidata });
    }
  }
  return { known, elsewhere };
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
function claimantFor(annotations: Annotations, text: string, s: ClaimSuggestion, actorSuggestions: ActorSuggestion[], stamp: Stamp | undefined): string | undefined {
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
    return ops.markMention(annotations, text, claimant.start, claimant.end, { name: named?.name ?? claimant.name, type }, stamp).id;
  }
  return undefined;
}
