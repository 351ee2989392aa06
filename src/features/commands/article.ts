// Set Article Details…: the article's web address, headline, publisher and date published, which every export uses.

import * as vscode from 'vscode';
import { type ArticleDetails, ARTICLE_DETAIL_KEYS, checkArticleDetails, checkArticleUrl, checkPublished, proposedHeadline, setArticleDetails } from '../../core/articleDetails';
import type { ArticleInfo } from '../../core/model';
import { Command } from './ids';
import { type Article, argsOf, changeArticle, type CommandArgs, type CommandContext, type Given, openTarget } from './target';

/** Scripts and tests give the details as arguments; a detail left out stays as it is, and nothing is asked. */
export interface ArticleDetailsArgs extends CommandArgs, ArticleDetails {}

const STEPS = ARTICLE_DETAIL_KEYS.length;

/** Asks for each detail in turn, prefilled; undefined when the user pressed Escape at any of them. */
async function askDetails(article: Article): Promise<ArticleDetails | undefined> {
  const current: ArticleInfo = article.annotations.article;
  const ask = (step: number, prompt: string, value: string, extra: Partial<vscode.InputBoxOptions> = {}) =>
    vscode.window.showInputBox({ title: `Details of ${current.file} (${step}/${STEPS})`, prompt, value, ignoreFocusOut: true, ...extra });
  const url = await ask(1, 'Web address where the article is published (leave empty if it has none)', current.url ?? '', {
    placeHolder: 'https://…',
    validateInput: checkArticleUrl,
  });
  if (url === undefined) {
    return undefined;
  }
  const title = await ask(2, 'Headline', current.title ?? proposedHeadline(article.doc.getText()));
  if (title === undefined) {
    return undefined;
  }
  const publisher = await ask(3, 'Publisher: the newspaper, site or agency (optional)', current.publisher ?? '');
  if (publisher === undefined) {
    return undefined;
  }
  const published = await ask(4, 'Date published, as 2026-11-28 (optional)', current.published ?? '', { placeHolder: 'YYYY-MM-DD', validateInput: checkPublished });
  if (published === undefined) {
    return undefined;
  }
  return { url, title, publisher, published };
}

/** The details given as arguments, when any is given. */
function givenDetails(given: Given): ArticleDetails | undefined {
  const args = argsOf(given) as ArticleDetailsArgs;
  const details: ArticleDetails = {};
  for (const key of ARTICLE_DETAIL_KEYS) {
    if (args[key] !== undefined) {
      details[key] = args[key];
    }
  }
  return Object.keys(details).length ? details : undefined;
}

/** "headline “…”, https://…, Example News, 2026-11-20" — what the article's details now say. */
function summary(article: ArticleInfo): string {
  const parts = [article.title && `“${article.title}”`, article.url, article.publisher, article.published].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none';
}

async function setDetails(ctx: CommandContext, given?: Given): Promise<void> {
  const article = await openTarget(ctx, given);
  if (!article) {
    return;
  }
  const details = givenDetails(given) ?? (await askDetails(article));
  if (!details) {
    return;
  }
  const problem = checkArticleDetails(details);
  if (problem) {
    ctx.feedback.error(`The article’s details were not changed: ${problem}`);
    return;
  }
  const now = changeArticle(ctx, article, (annotations) => (setArticleDetails(annotations.article, details) ? { ...annotations.article } : null));
  if (now === null) {
    ctx.feedback.info(`Nothing changed: ${article.annotations.article.file} already has these details.`);
  } else if (now) {
    ctx.feedback.done(`Details of ${now.file} saved: ${summary(now)}`);
  }
}

export function articleCommands(ctx: CommandContext) {
  return {
    [Command.SetArticleDetails]: (given?: Given) => setDetails(ctx, given),
  };
}
