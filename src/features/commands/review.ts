// Set Verdict, Set Status, Set Claimant, Add Source and Set Date Accessed: a claim's check.

import { addActor } from '../../core/actors';
import { claimantChoices, verdictChoices } from '../../core/choices';
import { snippet } from '../../core/text';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../../core/model';
import * as ops from '../../core/operations';
import type { AnnotationKey } from '../../core/refs';
import * as vscode from 'vscode';
import { settings, statusLabel, verdictLabel, verdicts } from '../config';
import { Command } from './ids';
import { askActorType, pick } from './pickers';
import { type Article, argsOf, change, claimKey, type CommandContext, type Given, isNode, openTarget } from './target';

/** The claim a command acts on, with the article; undefined (having said why) when there is none. */
async function claimTarget(ctx: CommandContext, given: Given): Promise<{ article: Article; key: AnnotationKey; claim: Claim } | undefined> {
  const article = await openTarget(ctx, given);
  const key = article && claimKey(article, given, ctx.feedback);
  const claim = key?.kind === 'claim' ? article?.annotations.claims.find((c) => c.id === key.claim) : undefined;
  return article && key && claim ? { article, key, claim } : undefined;
}

function verdictRange(): { best: number; worst: number } {
  const { scale } = settings();
  return { best: scale.bestRating, worst: scale.worstRating };
}

async function setVerdict(ctx: CommandContext, given?: Given): Promise<void> {
  const target = await claimTarget(ctx, given);
  if (!target) {
    return;
  }
  const { article, key, claim } = target;
  const scale = verdicts();
  let verdict = argsOf(given).verdict;
  const interactive = verdict === undefined;
  if (verdict === undefined) {
    const items = verdictChoices(scale, claim, article.annotations.claims, verdictRange());
    verdict = await pick(items, { title: `Verdict for claim ${claim.id}`, placeholder: snippet(claim.anchor.quote) });
    if (verdict === undefined) {
      return;
    }
  } else if (verdict !== null && !scale.some((v) => v.id === verdict)) {
    ctx.feedback.error(`"${verdict}" is not on the verdict scale (${scale.map((v) => v.id).join(', ')}).`);
    return;
  }
  const chosen = verdict;
  const stamp = await ctx.annotator.stamp(article.doc.uri);
  const sources = change(ctx, article, key, (ref) => {
    if (ref.kind === 'claim') {
      ops.setVerdict(ref.claim, chosen ?? undefined, stamp);
      return ref.claim.sources.length;
    }
    return undefined;
  });
  if (sources === undefined) {
    return;
  }
  ctx.feedback.done(chosen ? `Claim ${claim.id}: ${verdictLabel(chosen)}` : `Claim ${claim.id}: verdict cleared`);
  if (interactive && chosen && sources === 0 && settings().askForSourceOnVerdict) {
    const add = await vscode.window.showInformationMessage(`Claim ${claim.id} has a verdict but no source. Add the evidence now?`, 'Add Source');
    if (add) {
      await addSource(ctx, { uri: article.doc.uri.toString(), claim: claim.id });
    }
  }
}

async function setStatus(ctx: CommandContext, given?: Given): Promise<void> {
  const target = await claimTarget(ctx, given);
  if (!target) {
    return;
  }
  const { article, key, claim } = target;
  let status: ClaimStatus | undefined = argsOf(given).status;
  if (status === undefined) {
    status = await pick(
      CLAIM_STATUSES.map((s) => ({ label: statusLabel(s), description: s === claim.status ? 'current' : undefined, value: s })),
      { title: `Status of claim ${claim.id}`, placeholder: snippet(claim.anchor.quote) },
    );
    if (!status) {
      return;
    }
  } else if (!CLAIM_STATUSES.includes(status)) {
    ctx.feedback.error(`"${status}" is not a claim status (${CLAIM_STATUSES.join(', ')}).`);
    return;
  }
  const chosen = status;
  const stamp = await ctx.annotator.stamp(article.doc.uri);
  if (change(ctx, article, key, (ref) => ref.kind === 'claim' && (ops.setStatus(ref.claim, chosen, stamp), true))) {
    ctx.feedback.done(`Claim ${claim.id}: ${statusLabel(chosen)}`);
  }
}

async function setClaimant(ctx: CommandContext, given?: Given): Promise<void> {
  const target = await claimTarget(ctx, given);
  if (!target) {
    return;
  }
  const { article, key, claim } = target;
  const args = argsOf(given);
  let chosen: string | null | { name: string; type: string } | undefined;
  if ('claimant' in args && args.claimant !== undefined && typeof args.claimant !== 'object') {
    chosen = args.claimant;
  } else {
    const span = claim.anchor;
    const picked = await pick(claimantChoices(article.annotations, span), {
      title: `Who makes claim ${claim.id}?`,
      placeholder: `“${snippet(claim.anchor.quote, 100)}” — type a name to add a new actor`,
      forTyped: (typed) => claimantChoices(ctx.store.get(article.doc.uri)?.annotations ?? article.annotations, span, typed),
    });
    if (!picked) {
      return;
    }
    if ('newActor' in picked) {
      const type = await askActorType(picked.newActor, article.annotations);
      chosen = type ? { name: picked.newActor.trim(), type } : undefined;
    } else {
      chosen = 'actor' in picked ? picked.actor : null;
    }
  }
  if (chosen === undefined) {
    return;
  }
  const value = chosen;
  const stamp = value !== null && typeof value === 'object' ? await ctx.annotator.stamp(article.doc.uri) : undefined;
  const name = change(ctx, article, key, (ref, annotations) => {
    if (ref.kind !== 'claim') {
      return undefined;
    }
    if (value !== null && typeof value === 'object') {
      ops.setClaimant(ref.claim, addActor(annotations, value, stamp).id);
      return value.name;
    }
    const actor = ops.actorById(annotations, value ?? undefined);
    if (value !== null && !actor) {
      throw new Error(`This article has no actor with the id "${value}" to be the claimant.`);
    }
    ops.setClaimant(ref.claim, actor?.id);
    return actor?.name ?? 'the article itself';
  });
  if (name) {
    ctx.feedback.done(`Claim ${claim.id} is made by ${name}`);
  }
}

const today = () => new Date().toISOString().slice(0, 10);

function checkDate(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && !Number.isNaN(Date.parse(value.trim())) ? undefined : 'A date looks like 2026-11-28 (year, month, day).';
}

/** Why an address is refused, in words that fit a half-typed one. */
function sourceProblem(value: string): string | undefined {
  return /^\s*https?:\/\/\s*$/i.test(value) ? 'Type or paste the rest of the address after https://.' : ops.checkSourceUrl(value);
}

/** Asks for a source's address, title and archived copy, one after the other; undefined when the user stops. */
async function askSource(claim: Claim): Promise<{ url: string; title: string; archived: string } | undefined> {
  const url = await vscode.window.showInputBox({
    title: `Source for claim ${claim.id} (1/3)`,
    prompt: 'Web address of the evidence',
    placeHolder: 'https://…',
    ignoreFocusOut: true,
    validateInput: sourceProblem,
  });
  if (url === undefined) {
    return undefined;
  }
  const title = await vscode.window.showInputBox({ title: `Source for claim ${claim.id} (2/3)`, prompt: 'Title (optional)', ignoreFocusOut: true });
  if (title === undefined) {
    return undefined;
  }
  const archived = await vscode.window.showInputBox({
    title: `Source for claim ${claim.id} (3/3)`,
    prompt: 'Archived copy, e.g. on the Wayback Machine (optional)',
    placeHolder: 'https://web.archive.org/…',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? sourceProblem(value) : undefined),
  });
  return archived === undefined ? undefined : { url, title, archived };
}

async function addSource(ctx: CommandContext, given?: Given): Promise<void> {
  const target = await claimTarget(ctx, given);
  if (!target) {
    return;
  }
  const { article, key, claim } = target;
  const args = argsOf(given);
  const source = args.url !== undefined ? { url: args.url, title: args.title, archived: args.archived } : await askSource(claim);
  if (!source) {
    return;
  }
  const problem = sourceProblem(source.url) ?? (source.archived?.trim() ? sourceProblem(source.archived) : undefined);
  if (problem) {
    ctx.feedback.error(`Source not added. ${problem}`);
    return;
  }
  const accessed = args.accessed ?? today();
  if (change(ctx, article, key, (ref) => ref.kind === 'claim' && (ops.addSource(ref.claim, { ...source, accessed }), true))) {
    ctx.feedback.done(`Added a source to claim ${claim.id}`);
  }
}

/** Set Date Accessed: when a source (its row, or named by `url`) was read. */
async function setAccessed(ctx: CommandContext, given?: Given): Promise<void> {
  const target = await claimTarget(ctx, given);
  if (!target) {
    return;
  }
  const { article, key, claim } = target;
  const args = argsOf(given);
  const url = isNode(given) && given.kind === 'source' ? given.source.url : args.url ?? (claim.sources.length === 1 ? claim.sources[0].url : undefined);
  const source = url !== undefined ? claim.sources.find((s) => s.url === url) : undefined;
  if (!source) {
    ctx.feedback.info(`Pick the source in the Assertions view (claim ${claim.id} has ${claim.sources.length === 0 ? 'none' : 'several'}).`);
    return;
  }
  const accessed =
    args.accessed ??
    (await vscode.window.showInputBox({ title: `Date ${snippet(source.title || source.url, 50)} was read`, value: source.accessed ?? today(), validateInput: checkDate }));
  if (accessed === undefined) {
    return;
  }
  const problem = checkDate(accessed);
  if (problem) {
    ctx.feedback.error(problem);
    return;
  }
  const done = change(ctx, article, key, (ref) => {
    const s = ref.kind === 'claim' ? ref.claim.sources.find((x) => x.url === source.url) : undefined;
    return s ? ((s.accessed = accessed.trim()), true) : undefined;
  });
  if (done) {
    ctx.feedback.done(`Source of claim ${claim.id} read on ${accessed.trim()}`);
  }
}

export function reviewCommands(ctx: CommandContext) {
  return {
    [Command.SetVerdict]: (given?: Given) => setVerdict(ctx, given),
    [Command.SetStatus]: (given?: Given) => setStatus(ctx, given),
    [Command.SetClaimant]: (given?: Given) => setClaimant(ctx, given),
    [Command.AddSource]: (given?: Given) => addSource(ctx, given),
    [Command.SetAccessed]: (given?: Given) => setAccessed(ctx, given),
  };
}
