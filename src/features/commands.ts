// The command palette actions: mark, review and remove annotations, from the editor, the views, hovers or keybindings.

import { snippet } from '../core/describe';
import * as vscode from 'vscode';
import { type Actor, type Annotations, type Claim, CLAIM_STATUSES, type ClaimStatus } from '../core/model';
import * as ops from '../core/operations';
import { actorTypeLabel, actorTypes, statusLabel, verdicts, actorTypeIcon } from './config';
import { AnnotationStore, type ArticleEntry, basename, SidecarBlockedError } from './store';
import type { TreeNode, ViewScope } from './tree';

/** Command ids: user-facing ones appear in the palette; internal ones are hidden there. */
export enum Command {
  MarkActor = 'newsmark.markActor',
  MarkClaim = 'newsmark.markClaim',
  SetVerdict = 'newsmark.setVerdict',
  SetStatus = 'newsmark.setStatus',
  AddSource = 'newsmark.addSource',
  AddNote = 'newsmark.addNote',
  RemoveAnnotation = 'newsmark.removeAnnotation',
  MarkAllMentions = 'newsmark.markAllMentions',
  OpenSidecar = 'newsmark.openSidecar',
  ReattachToSelection = 'newsmark.reattachToSelection',
  AcceptNewWording = 'newsmark.acceptNewWording',
  ShowWorkspace = 'newsmark.showWorkspace',
  ShowActiveArticle = 'newsmark.showActiveArticle',
  CopyCitation = 'newsmark.copyCitation',
  MergeActors = 'newsmark.mergeActors',
  SetWikidataId = 'newsmark.setWikidataId',
}

export enum InternalCommand {
  RevealAnchor = 'newsmark.revealAnchor',
  OpenSource = 'newsmark.openSource',
}

/**
 * Arguments commands accept besides a tree node: from hovers (`{uri, claim}`), keybindings
 * and scripts. Each field answers one question the command would otherwise ask.
 */
export interface CommandArgs {
  uri?: string;
  claim?: string;
  actor?: string;
  /** Mark Actor: a new actor's name and type. */
  name?: string;
  type?: string;
  /** Mark Claim: the claimant's actor id, or null for the article itself. */
  claimant?: string | null;
  verdict?: string | null;
  status?: ClaimStatus;
  url?: string;
  title?: string;
  archived?: string;
  accessed?: string;
  note?: string;
  /** Remove Annotation: skip the confirmation. */
  confirm?: boolean;
  start?: number;
  end?: number;
  /** Re-attach: which mention of `actor`, by its quote. */
  quote?: string;
  /** Merge Actors: the id of the actor that `actor` is merged into. */
  into?: string;
  /** Set Wikidata Id: an id (Q42) or an item's address; empty to unlink. */
  wikidata?: string;
}

interface Target {
  doc: vscode.TextDocument;
  entry: ArticleEntry;
  annotations: Annotations;
}

export function registerCommands(store: AnnotationStore, scope: ViewScope): vscode.Disposable {
  /** The article a command acts on: the one named in the arguments, else the active editor's. */
  const article = async (args?: CommandArgs | TreeNode): Promise<Target | undefined> => {
    let uri: vscode.Uri | undefined;
    if (args && 'kind' in args && 'article' in args) {
      uri = args.article.uri;
    } else if (args && 'uri' in args && typeof args.uri === 'string') {
      uri = vscode.Uri.parse(args.uri);
    } else {
      uri = vscode.window.activeTextEditor?.document.uri;
    }
    if (!uri) {
      void vscode.window.showInformationMessage('Open a news article (a .txt, .md, .article or .news file) first.');
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    if (!AnnotationStore.isArticle(doc)) {
      void vscode.window.showInformationMessage(`${basename(uri)} is not an article Newsmark annotates (plain text, Markdown or news-article).`);
      return undefined;
    }
    const entry = await store.load(doc);
    if (!entry) {
      return undefined;
    }
    if (!entry.annotations) {
      reportBlocked(entry);
      return undefined;
    }
    return { doc, entry, annotations: entry.annotations };
  };

  const editorFor = (doc: vscode.TextDocument) => vscode.window.visibleTextEditors.find((e) => e.document === doc);

  /** The claim a command acts on: named, from a tree node, or under the cursor. */
  const claimFor = (target: Target, args?: CommandArgs | TreeNode): Claim | undefined => {
    if (args && 'kind' in args && 'claim' in args && args.claim) {
      return target.annotations.claims.find((c) => c.id === args.claim!.id);
    }
    if (args && !('kind' in args) && args.claim) {
      return target.annotations.claims.find((c) => c.id === args.claim);
    }
    const editor = editorFor(target.doc);
    const claim = editor ? ops.claimAt(target.annotations, target.doc.offsetAt(editor.selection.active)) : undefined;
    if (!claim) {
      void vscode.window.showInformationMessage('Put the cursor in a marked claim first (or pick one in the Assertions view).');
    }
    return claim;
  };

  const run = <T>(target: Target, change: (annotations: Annotations, text: string) => T): T | undefined => {
    try {
      return store.update(target.doc, change);
    } catch (err) {
      if (err instanceof SidecarBlockedError) {
        reportBlocked(err.entry);
      } else {
        void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
      }
      return undefined;
    }
  };

  const markActor = async (args?: CommandArgs) => {
    const target = await article(args);
    if (!target) {
      return;
    }
    const editor = editorFor(target.doc);
    const spans = selectedSpans(target.doc, editor, args, true);
    if (!spans.length) {
      void vscode.window.showInformationMessage('Select the name to mark as an actor first.');
      return;
    }
    const text = target.doc.getText();
    const selected = text.slice(spans[0].start, spans[0].end);
    let choice: string | ops.NewActor | undefined;
    if (args?.actor) {
      if (!ops.actorById(target.annotations, args.actor)) {
        void vscode.window.showErrorMessage(`This article has no actor with the id "${args.actor}".`);
        return;
      }
      choice = args.actor;
    } else if (args?.name || args?.type) {
      choice = await newActor(args.name ?? selected, args.type);
    } else {
      choice = await pickActor(target.annotations, selected);
    }
    if (!choice) {
      return;
    }
    const chosen = choice;
    const actor = run(target, (annotations, t) => {
      let result: Actor | undefined;
      for (const span of spans) {
        result = ops.markMention(annotations, t, span.start, span.end, result ? result.id : chosen);
      }
      return result;
    });
    if (actor) {
      vscode.window.setStatusBarMessage(`Marked ${spans.length === 1 ? `“${selected}”` : `${spans.length} mentions`} as ${actor.name} (${actorTypeLabel(actor.type)})`, 4000);
    }
    return actor?.id;
  };

  const markClaim = async (args?: CommandArgs) => {
    const target = await article(args);
    if (!target) {
      return;
    }
    const editor = editorFor(target.doc);
    const text = target.doc.getText();
    let span = selectedSpans(target.doc, editor, args, false)[0];
    if (!span && editor) {
      span = ops.sentenceAround(text, target.doc.offsetAt(editor.selection.active)) as typeof span;
    }
    if (!span) {
      void vscode.window.showInformationMessage('Select the claim, or put the cursor in its sentence.');
      return;
    }
    let claimant: string | undefined;
    if (args && 'claimant' in args) {
      claimant = args.claimant ?? undefined;
      if (claimant !== undefined && !ops.actorById(target.annotations, claimant)) {
        void vscode.window.showErrorMessage(`This article has no actor with the id "${claimant}" to be the claimant.`);
        return;
      }
    } else {
      const picked = await pickClaimant(target.annotations, span);
      if (picked === undefined) {
        return;
      }
      claimant = picked === null ? undefined : picked;
    }
    const claim = run(target, (annotations, t) => ops.markClaim(annotations, t, span.start, span.end, claimant));
    if (claim && editor) {
      editor.selection = new vscode.Selection(target.doc.positionAt(span.start), target.doc.positionAt(span.end));
    }
    return claim?.id;
  };

  const setVerdict = async (args?: CommandArgs | TreeNode) => {
    const target = await article(args);
    const claim = target && claimFor(target, args);
    if (!target || !claim) {
      return;
    }
    let verdict: string | null | undefined = args && !('kind' in args) ? args.verdict : undefined;
    const scale = verdicts();
    if (verdict === undefined) {
      const given = (id: string) => target.annotations.claims.filter((c) => c.verdict === id).length;
      const items: (vscode.QuickPickItem & { id: string | null })[] = scale.map((v) => ({
        label: v.label,
        description: [v.id === claim.verdict ? 'current' : '', given(v.id) ? `${given(v.id)} in this article` : ''].filter(Boolean).join(' · ') || undefined,
        detail: `ClaimReview rating ${v.ratingValue}`,
        iconPath: new vscode.ThemeIcon('circle-filled', v.color ? new vscode.ThemeColor(v.color) : undefined),
        id: v.id,
      }));
      if (claim.verdict) {
        items.push({ label: 'Clear verdict', id: null, iconPath: new vscode.ThemeIcon('clear-all') });
      }
      const picked = await vscode.window.showQuickPick(items, { title: `Verdict for claim ${claim.id}`, placeHolder: snippet(claim.anchor.quote) });
      if (!picked) {
        return;
      }
      verdict = picked.id;
    } else if (verdict !== null && !scale.some((v) => v.id === verdict)) {
      void vscode.window.showErrorMessage(`"${verdict}" is not on the verdict scale (${scale.map((v) => v.id).join(', ')}).`);
      return;
    }
    run(target, () => ops.setVerdict(claim, verdict ?? undefined));
    const interactive = !(args && !('kind' in args) && args.verdict !== undefined);
    if (interactive && verdict && claim.sources.length === 0 && vscode.workspace.getConfiguration('newsmark').get<boolean>('askForSourceOnVerdict', true)) {
      const add = await vscode.window.showInformationMessage(`Claim ${claim.id} has a verdict but no source. Add the evidence now?`, 'Add Source');
      if (add) {
        await addSource({ uri: target.doc.uri.toString(), claim: claim.id });
      }
    }
  };

  const setStatus = async (args?: CommandArgs | TreeNode) => {
    const target = await article(args);
    const claim = target && claimFor(target, args);
    if (!target || !claim) {
      return;
    }
    let status = args && !('kind' in args) ? args.status : undefined;
    if (status === undefined) {
      const picked = await vscode.window.showQuickPick(
        CLAIM_STATUSES.map((s) => ({ label: statusLabel(s), description: s === claim.status ? 'current' : undefined, id: s })),
        { title: `Status of claim ${claim.id}`, placeHolder: snippet(claim.anchor.quote) },
      );
      if (!picked) {
        return;
      }
      status = picked.id;
    } else if (!CLAIM_STATUSES.includes(status)) {
      void vscode.window.showErrorMessage(`"${status}" is not a claim status (${CLAIM_STATUSES.join(', ')}).`);
      return;
    }
    const chosen = status;
    run(target, () => ops.setStatus(claim, chosen));
  };

  const addSource = async (args?: CommandArgs | TreeNode) => {
    const target = await article(args);
    const claim = target && claimFor(target, args);
    if (!target || !claim) {
      return;
    }
    const given = args && !('kind' in args) ? args : undefined;
    let url = given?.url;
    let title = given?.title;
    let archived = given?.archived;
    if (url === undefined) {
      url = await vscode.window.showInputBox({
        title: `Source for claim ${claim.id} (1/3)`,
        prompt: 'Web address of the evidence',
        placeHolder: 'https://…',
        ignoreFocusOut: true,
        validateInput: (value) => ops.checkSourceUrl(value),
      });
      if (url === undefined) {
        return;
      }
      title = await vscode.window.showInputBox({ title: `Source for claim ${claim.id} (2/3)`, prompt: 'Title (optional)', ignoreFocusOut: true });
      if (title === undefined) {
        return;
      }
      archived = await vscode.window.showInputBox({
        title: `Source for claim ${claim.id} (3/3)`,
        prompt: 'Archived copy, e.g. on the Wayback Machine (optional)',
        placeHolder: 'https://web.archive.org/…',
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() ? ops.checkSourceUrl(value) : undefined),
      });
      if (archived === undefined) {
        return;
      }
    }
    const problem = ops.checkSourceUrl(url) ?? (archived?.trim() ? ops.checkSourceUrl(archived) : undefined);
    if (problem) {
      void vscode.window.showErrorMessage(`Source not added. ${problem}`);
      return;
    }
    const accessed = given?.accessed ?? new Date().toISOString().slice(0, 10);
    run(target, () => ops.addSource(claim, { url, title, archived, accessed }));
  };

  const addNote = async (args?: CommandArgs | TreeNode) => {
    const target = await article(args);
    if (!target) {
      return;
    }
    let subject: Actor | Claim | undefined;
    if (args && 'kind' in args) {
      subject = 'claim' in args && args.claim ? args.claim : 'actor' in args ? args.actor : undefined;
    } else if (args?.claim) {
      subject = target.annotations.claims.find((c) => c.id === args.claim);
    } else if (args?.actor) {
      subject = ops.actorById(target.annotations, args.actor);
    } else {
      subject = await pickAtCursor(target, 'Add a note to');
    }
    if (!subject) {
      return;
    }
    const name = 'name' in subject ? subject.name : `claim ${subject.id}`;
    let note = args && !('kind' in args) ? args.note : undefined;
    if (note === undefined) {
      note = await vscode.window.showInputBox({ title: `Notes on ${name}`, value: subject.notes ?? '', prompt: 'Leave empty to remove the note.', ignoreFocusOut: true });
      if (note === undefined) {
        return;
      }
    }
    const s = subject;
    const n = note;
    run(target, () => ops.setNotes(s, n));
  };

  const removeAnnotation = async (args?: CommandArgs | TreeNode) => {
    const target = await article(args);
    if (!target) {
      return;
    }
    let ref: ops.AnnotationRef | undefined;
    if (args && 'kind' in args) {
      ref =
        args.kind === 'mention'
          ? { kind: 'mention', actor: args.actor, mention: args.mention }
          : args.kind === 'actor'
            ? { kind: 'actor', actor: args.actor }
            : args.kind === 'claim'
              ? { kind: 'claim', claim: args.claim }
              : args.kind === 'orphan'
                ? args.claim
                  ? { kind: 'claim', claim: args.claim }
                  : { kind: 'mention', actor: args.actor!, mention: args.anchor }
                : undefined;
    } else {
      const editor = editorFor(target.doc);
      const refs = editor ? ops.annotationsAt(target.annotations, target.doc.offsetAt(editor.selection.active)) : [];
      if (!refs.length) {
        void vscode.window.showInformationMessage('There is no annotation at the cursor.');
        return;
      }
      ref = refs.length === 1 || args?.confirm ? refs[0] : await pickRef(refs);
    }
    if (!ref) {
      return;
    }
    if (ref.kind === 'actor' && !(args && !('kind' in args) && args.confirm)) {
      const mentions = ref.actor.mentions.length;
      const claims = ops.claimsBy(target.annotations, ref.actor.id).length;
      const ok = await vscode.window.showWarningMessage(
        `Remove the actor ${ref.actor.name} with its ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}?${claims ? ` Its ${claims} ${claims === 1 ? 'claim' : 'claims'} will be attributed to the article.` : ''}`,
        { modal: true },
        'Remove',
      );
      if (ok !== 'Remove') {
        return;
      }
    }
    const chosen = ref;
    run(target, (annotations) => ops.removeAnnotation(annotations, chosen));
  };

  const markAllMentions = async (args?: CommandArgs | TreeNode) => {
    const target = await article(args);
    if (!target) {
      return;
    }
    let actor: Actor | undefined;
    if (args && 'kind' in args && 'actor' in args) {
      actor = args.actor && ops.actorById(target.annotations, args.actor.id);
    } else if (args && !('kind' in args) && args.actor) {
      actor = ops.actorById(target.annotations, args.actor);
    } else {
      const editor = editorFor(target.doc);
      const here = editor ? ops.annotationsAt(target.annotations, target.doc.offsetAt(editor.selection.active)).find((r) => r.kind === 'mention') : undefined;
      actor = here?.kind === 'mention' ? here.actor : await pickExistingActor(target.annotations);
    }
    if (!actor) {
      return;
    }
    const chosen = actor;
    const added = run(target, (_annotations, text) => ops.markAllMentions(target.annotations, text, chosen));
    if (added !== undefined) {
      void vscode.window.showInformationMessage(
        added ? `Marked ${added} more ${added === 1 ? 'mention' : 'mentions'} of ${chosen.name}.` : `No other unmarked mentions of ${chosen.name} were found.`,
      );
    }
    return added;
  };

  const openSidecar = async (args?: CommandArgs | TreeNode) => {
    const uri = args && 'kind' in args && 'article' in args ? args.article.uri : args && 'uri' in args && typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      return;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const entry = await store.load(doc);
    if (!entry) {
      return;
    }
    await store.flush();
    try {
      await vscode.workspace.fs.stat(entry.sidecarUri);
    } catch {
      void vscode.window.showInformationMessage(`${basename(uri)} has no annotations yet; its sidecar is created when you mark the first actor or claim.`);
      return;
    }
    await vscode.window.showTextDocument(entry.sidecarUri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  };

  /** The orphaned or changed anchor a command acts on: named, from a tree node, or picked. */
  const anchorNeedingAttention = async (target: Target, args: CommandArgs | TreeNode | undefined, title: string): Promise<ops.AnnotationRef | undefined> => {
    if (args && 'kind' in args) {
      switch (args.kind) {
        case 'claim':
          return { kind: 'claim', claim: args.claim };
        case 'mention':
          return { kind: 'mention', actor: args.actor, mention: args.mention };
        case 'orphan':
          return args.claim ? { kind: 'claim', claim: args.claim } : args.actor && { kind: 'mention', actor: args.actor, mention: args.anchor };
        default:
          return undefined;
      }
    }
    const text = target.doc.getText();
    const refs = ops.anchorsNeedingAttention(target.annotations, text);
    if (args?.claim) {
      const claim = target.annotations.claims.find((c) => c.id === args.claim);
      return claim && { kind: 'claim', claim };
    }
    if (args?.actor) {
      return refs.find((r) => r.kind === 'mention' && r.actor.id === args.actor && (args.quote === undefined || r.mention.quote === args.quote));
    }
    if (!refs.length) {
      void vscode.window.showInformationMessage('Every annotation of this article is attached to its text.');
      return undefined;
    }
    return refs.length === 1 ? refs[0] : pickRef(refs, title);
  };

  const reattachToSelection = async (args?: CommandArgs | TreeNode) => {
    const target = await article(args);
    if (!target) {
      return;
    }
    const editor = editorFor(target.doc);
    const span = selectedSpans(target.doc, editor, args && !('kind' in args) ? args : undefined, false)[0];
    if (!span) {
      void vscode.window.showInformationMessage('Select the text the annotation belongs to, then run Re-attach to Selection.');
      return;
    }
    const ref = await anchorNeedingAttention(target, args, `Re-attach to “${snippet(target.doc.getText().slice(span.start, span.end), 40)}”`);
    if (!ref || ref.kind === 'actor') {
      return;
    }
    const anchor = ref.kind === 'claim' ? ref.claim.anchor : ref.mention;
    run(target, (_annotations, text) => ops.reattachTo(anchor, text, span.start, span.end));
  };

  const acceptNewWording = async (args?: CommandArgs | TreeNode) => {
    const target = await article(args);
    if (!target) {
      return;
    }
    let ref: ops.AnnotationRef | undefined;
    if (!args || ('kind' in args ? false : !args.claim && !args.actor)) {
      const editor = editorFor(target.doc);
      const here = editor ? ops.annotationsAt(target.annotations, target.doc.offsetAt(editor.selection.active)) : [];
      const text = target.doc.getText();
      ref = here.find((r) => (r.kind === 'claim' ? r.claim.anchor : r.kind === 'mention' ? r.mention : undefined)?.quote !== undefined && ops.anchorsNeedingAttention(target.annotations, text).some((n) => sameRef(n, r)));
    }
    ref ??= await anchorNeedingAttention(target, args, 'Accept the new wording of…');
    if (!ref || ref.kind === 'actor') {
      return;
    }
    const anchor = ref.kind === 'claim' ? ref.claim.anchor : ref.mention;
    if (anchor.orphaned) {
      void vscode.window.showInformationMessage('This annotation is orphaned: select its text and run Re-attach to Selection.');
      return;
    }
    run(target, (_annotations, text) => ops.acceptWording(anchor, text));
  };

  const revealAnchor = async (args: CommandArgs) => {
    if (!args?.uri || args.start === undefined) {
      return;
    }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
    const range = new vscode.Range(doc.positionAt(args.start), doc.positionAt(args.end ?? args.start));
    const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false, preview: true });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const openSource = async (url: string) => {
    if (typeof url === 'string' && !ops.checkSourceUrl(url)) {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    } else {
      void vscode.window.showErrorMessage('Only http:// and https:// sources can be opened.');
    }
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Command.MarkActor, markActor),
    vscode.commands.registerCommand(Command.MarkClaim, markClaim),
    vscode.commands.registerCommand(Command.SetVerdict, setVerdict),
    vscode.commands.registerCommand(Command.SetStatus, setStatus),
    vscode.commands.registerCommand(Command.AddSource, addSource),
    vscode.commands.registerCommand(Command.AddNote, addNote),
    vscode.commands.registerCommand(Command.RemoveAnnotation, removeAnnotation),
    vscode.commands.registerCommand(Command.MarkAllMentions, markAllMentions),
    vscode.commands.registerCommand(Command.OpenSidecar, openSidecar),
    vscode.commands.registerCommand(Command.ReattachToSelection, reattachToSelection),
    vscode.commands.registerCommand(Command.AcceptNewWording, acceptNewWording),
    vscode.commands.registerCommand(Command.ShowWorkspace, () => scope.set('workspace')),
    vscode.commands.registerCommand(Command.ShowActiveArticle, () => scope.set('article')),
    vscode.commands.registerCommand(InternalCommand.RevealAnchor, revealAnchor),
    vscode.commands.registerCommand(InternalCommand.OpenSource, openSource),
  );
}

/** The spans to mark: every non-empty selection (several cursors mark several mentions), trimmed. */
function selectedSpans(
  doc: vscode.TextDocument,
  editor: vscode.TextEditor | undefined,
  args: CommandArgs | undefined,
  wordAtCursor: boolean,
): { start: number; end: number }[] {
  const text = doc.getText();
  if (args?.start !== undefined && args.end !== undefined) {
    const span = ops.trimSpan(text, args.start, args.end);
    return span.end > span.start ? [span] : [];
  }
  if (!editor) {
    return [];
  }
  const spans: { start: number; end: number }[] = [];
  for (const selection of editor.selections) {
    let range: vscode.Range | undefined = selection;
    if (selection.isEmpty) {
      range = wordAtCursor ? doc.getWordRangeAtPosition(selection.active) : undefined;
    }
    if (range) {
      const span = ops.trimSpan(text, doc.offsetAt(range.start), doc.offsetAt(range.end));
      if (span.end > span.start) {
        spans.push(span);
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

async function pickActor(annotations: Annotations, selected: string): Promise<string | ops.NewActor | undefined> {
  const lower = selected.toLowerCase();
  const matches = (a: Actor) => [a.name, ...(a.aliases ?? [])].some((n) => n.toLowerCase() === lower || n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase()));
  const actors = [...annotations.actors].sort((a, b) => Number(matches(b)) - Number(matches(a)) || a.name.localeCompare(b.name));
  type Item = vscode.QuickPickItem & { actor?: string };
  const items: Item[] = [
    { label: `$(add) New actor “${snippet(selected, 40)}”…`, alwaysShow: true },
    ...(actors.length ? [{ label: 'Actors in this article', kind: vscode.QuickPickItemKind.Separator } as Item] : []),
    ...actors.map((a) => ({
      label: a.name,
      description: `${actorTypeLabel(a.type)} · ${a.mentions.length} ${a.mentions.length === 1 ? 'mention' : 'mentions'}`,
      detail: a.aliases?.length ? `Also called: ${a.aliases.join(', ')}` : undefined,
      iconPath: actorTypeIcon(a.type),
      actor: a.id,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Mark “${snippet(selected, 40)}” as a mention of…`, placeHolder: 'An actor of this article, or a new one', matchOnDetail: true });
  if (!picked) {
    return undefined;
  }
  return picked.actor ?? newActor(selected, undefined, annotations);
}

async function newActor(defaultName: string, givenType?: string, annotations?: Annotations): Promise<ops.NewActor | undefined> {
  const types = actorTypes();
  if (givenType !== undefined && !types.some((t) => t.id === givenType)) {
    void vscode.window.showErrorMessage(`"${givenType}" is not an actor type (${types.map((t) => t.id).join(', ')}).`);
    return undefined;
  }
  const name = givenType !== undefined ? defaultName : await vscode.window.showInputBox({
    title: 'New actor (1/2)',
    prompt: 'Name of the person, organisation, country or place',
    value: defaultName,
    validateInput: (v) => (v.trim() ? undefined : 'The name cannot be empty.'),
  });
  if (!name?.trim()) {
    return undefined;
  }
  let type = givenType;
  if (type === undefined) {
    const picked = await vscode.window.showQuickPick(
      types.map((t) => {
        const count = annotations?.actors.filter((a) => a.type === t.id).length ?? 0;
        return { label: t.label, description: count ? `${count} in this article` : undefined, id: t.id, iconPath: actorTypeIcon(t.id) };
      }),
      { title: `New actor (2/2): what is ${name.trim()}?` },
    );
    type = picked?.id;
  }
  return type ? { name: name.trim(), type } : undefined;
}

async function pickExistingActor(annotations: Annotations): Promise<Actor | undefined> {
  if (!annotations.actors.length) {
    void vscode.window.showInformationMessage('This article has no actors yet. Select a name and run Newsmark: Mark Actor.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    annotations.actors.map((a) => ({ label: a.name, description: actorTypeLabel(a.type), iconPath: actorTypeIcon(a.type), actor: a })),
    { title: 'Which actor?' },
  );
  return picked?.actor;
}

async function pickClaimant(annotations: Annotations, span: { start: number; end: number }): Promise<string | null | undefined> {
  // Actors mentioned in or near the claim are the likeliest claimants; list them first.
  const distance = (a: Actor) =>
    Math.min(Infinity, ...a.mentions.filter((m) => !m.orphaned).map((m) => (m.end < span.start ? span.start - m.end : m.start > span.end ? m.start - span.end : 0)));
  const actors = [...annotations.actors].sort((a, b) => distance(a) - distance(b) || a.name.localeCompare(b.name));
  type Item = vscode.QuickPickItem & { id: string | null };
  const items: Item[] = [
    { label: '$(file-text) The article itself', description: 'no named claimant', id: null },
    ...actors.map((a) => ({ label: a.name, description: actorTypeLabel(a.type), iconPath: actorTypeIcon(a.type), id: a.id })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Who makes this claim?', placeHolder: 'The claimant' });
  return picked ? picked.id : undefined;
}

async function pickAtCursor(target: Target, title: string): Promise<Actor | Claim | undefined> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === target.doc);
  const refs = editor ? ops.annotationsAt(target.annotations, target.doc.offsetAt(editor.selection.active)) : [];
  if (!refs.length) {
    void vscode.window.showInformationMessage('Put the cursor in a marked actor or claim first.');
    return undefined;
  }
  const ref = refs.length === 1 ? refs[0] : await pickRef(refs, title);
  if (!ref) {
    return undefined;
  }
  return ref.kind === 'claim' ? ref.claim : ref.actor;
}

async function pickRef(refs: ops.AnnotationRef[], title = 'Which annotation?'): Promise<ops.AnnotationRef | undefined> {
  const picked = await vscode.window.showQuickPick(
    refs.map((ref) => ({
      label: ref.kind === 'claim' ? `Claim ${ref.claim.id}` : ref.kind === 'mention' ? `Mention of ${ref.actor.name}` : ref.actor.name,
      description: ref.kind === 'claim' ? snippet(ref.claim.anchor.quote) : ref.kind === 'mention' ? `“${snippet(ref.mention.quote)}”` : undefined,
      ref,
    })),
    { title },
  );
  return picked?.ref;
}

function sameRef(a: ops.AnnotationRef, b: ops.AnnotationRef): boolean {
  return (a.kind === 'claim' && b.kind === 'claim' && a.claim === b.claim) || (a.kind === 'mention' && b.kind === 'mention' && a.mention === b.mention);
}


function reportBlocked(entry: ArticleEntry): void {
  void vscode.window.showErrorMessage(new SidecarBlockedError(entry).message, 'Open Sidecar').then((choice) => {
    if (choice) {
      void vscode.window.showTextDocument(entry.sidecarUri);
    }
  });
}

