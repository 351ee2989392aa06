// ClaimReview (schema.org JSON-LD) export: one review per checked claim, for search engines and fact-check aggregators.

import { articlePublished, articleWebAddress } from './articleDetails';
import { bratFragments } from './brat';
import type { Actor, ArticleInfo, Annotations, Claim } from './model';
import { cleanAnnotator, UTC_TIME } from './provenance';
import { DEFAULT_VERDICT_SCALE, findVerdict, isOnNumericScale, type VerdictScale } from './verdicts';

export interface ClaimReviewAuthor {
  type?: 'Organization' | 'Person';
  name: string;
  url?: string;
}

export interface ClaimReviewOptions {
  verdicts?: VerdictScale;
  /** The fact-checking organisation (or person) publishing the reviews, from settings; without a name there is no author. */
  author?: Partial<ClaimReviewAuthor>;
  /**
   * The address of the page holding the fact check, from settings. `{article}` becomes the
   * article's file name without its extension and `{claim}` the claim id, both URL-encoded.
   */
  url?: string;
  /** When the reviews were published (YYYY-MM-DD). */
  datePublished?: string;
}

interface Thing {
  '@type': string;
  name: string;
  url?: string;
  sameAs?: string;
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url?: string;
  claimReviewed: string;
  /** When the review as it stands was made: the claim's last change of status or verdict (`reviewedAt`). */
  dateCreated?: string;
  /** When the fact check was published, which only the publisher knows (the option of the same name). */
  datePublished?: string;
  /** The fact-checking organisation from settings; without one, the annotator who gave the verdict. */
  author?: Thing;
  itemReviewed: {
    '@type': 'Claim';
    author?: Thing;
    datePublished?: string;
    appearance?: Appearance;
  };
  reviewRating: {
    '@type': 'Rating';
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
    alternateName: string;
    /** Who gave the rating: the annotator who last changed the verdict (`reviewedBy`). */
    author?: Thing;
  };
}

/** The article the claim appeared in, as schema.org describes a news article. */
export interface Appearance {
  '@type': 'NewsArticle';
  url?: string;
  headline?: string;
  publisher?: { '@type': 'Organization'; name: string };
  datePublished?: string;
}

export interface ExportWarning {
  code: string;
  message: string;
}

const FOR_CLI = ' — in .newsmark.json for the command line.';

/** Reviews for every checked claim that has a verdict on the scale; other claims are not yet fact checks. */
export function exportClaimReview(annotations: Annotations, text: string, options: ClaimReviewOptions = {}): { reviews: ClaimReview[]; warnings: ExportWarning[] } {
  const scale = options.verdicts ?? DEFAULT_VERDICT_SCALE;
  const warnings: ExportWarning[] = [];
  const fragments = bratFragments(annotations, text);
  const reviews: ClaimReview[] = [];
  const checked = annotations.claims.filter((c) => c.status === 'checked');
  const appearance = appearanceOf(annotations.article);
  const author = authorThing(options.author);
  const published = articlePublished(annotations.article);
  if (checked.length) {
    warnings.push(...missing(annotations.article, options, !!author || checked.every((c) => reviewerThing(c))));
  }
  for (const claim of checked) {
    const verdict = findVerdict(scale, claim.verdict);
    if (!verdict) {
      warnings.push({
        code: claim.verdict === undefined ? 'no-verdict' : 'unknown-verdict',
        message:
          claim.verdict === undefined
            ? `Claim ${claim.id} is checked but has no verdict, so it is left out.`
            : `Claim ${claim.id} has the verdict "${claim.verdict}", which is not on the verdict scale, so it is left out.`,
      });
      continue;
    }
    const review: ClaimReview = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claimedWords(claim, text, fragments.get(claim.anchor)),
      itemReviewed: { '@type': 'Claim' },
      // A rating off the numeric scale (Unproven) travels by its label alone: consumers reject
      // a ratingValue outside worstRating–bestRating.
      reviewRating: isOnNumericScale(scale, verdict)
        ? { '@type': 'Rating', ratingValue: verdict.ratingValue, bestRating: scale.bestRating, worstRating: scale.worstRating, alternateName: verdict.label }
        : { '@type': 'Rating', alternateName: verdict.label },
    };
    if (options.url) {
      review.url = fillUrl(options.url, annotations.article.file, claim.id);
    }
    if (options.datePublished) {
      review.datePublished = options.datePublished;
    }
    addProvenance(review, claim, author);
    const claimant = annotations.actors.find((a) => a.id === claim.claimant);
    if (claimant) {
      review.itemReviewed.author = claimantThing(claimant);
    }
    // The article's date is when the claim was made public, as far as the article tells.
    if (published) {
      review.itemReviewed.datePublished = published;
    }
    if (appearance) {
      review.itemReviewed.appearance = { ...appearance, ...(appearance.publisher ? { publisher: { ...appearance.publisher } } : {}) };
    }
    reviews.push(review);
  }
  return { reviews, warnings };
}

/**
 * The words of the claim as a reader would quote them: a discontinuous claim's fragments
 * joined by an ellipsis (leaving out the "she said" between them), line breaks as spaces.
 */
export function claimedWords(claim: Claim, text: string, fragments: [number, number][] | undefined): string {
  const parts = !claim.anchor.orphaned && fragments && fragments.length > 1 ? fragments.map(([s, e]) => text.slice(s, e)) : [claim.anchor.orphaned ? claim.anchor.quote : text.slice(claim.anchor.start, claim.anchor.end)];
  return parts
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' … ');
}

/** What the reviews lack, each with the setting or command that fills it. */
function missing(article: ArticleInfo, options: ClaimReviewOptions, hasAuthor: boolean): ExportWarning[] {
  const out: ExportWarning[] = [];
  if (!articleWebAddress(article)) {
    out.push({
      code: 'no-article-url',
      message: 'The article has no web address, so the reviews cannot say where the claims appeared: run Newsmark: Set Article Details… or set article.url in the sidecar.',
    });
  }
  if (!hasAuthor) {
    const partial = options.author && Object.values(options.author).some((v) => v !== undefined && v !== '');
    out.push({
      code: 'no-author',
      message: partial
        ? `newsmark.export.claimReview.author has no name, so the reviews have no author: add its "name"${FOR_CLI}`
        : `No fact-checking organisation is set as the reviews’ author: set newsmark.export.claimReview.author (name, type, url)${FOR_CLI}`,
    });
  }
  if (!options.url?.trim()) {
    out.push({
      code: 'no-url',
      message: `No address is set for the fact-check page, which search engines require: set newsmark.export.claimReview.url, e.g. https://factcheck.example.org/checks/{article}#{claim}${FOR_CLI}`,
    });
  }
  return out;
}

/**
 * Who reviewed the claim and when, as schema.org has them: the rating's author is the
 * annotator who gave the verdict; the review's author the organisation, or that annotator
 * when none is set; its dateCreated the time of the verdict.
 */
function addProvenance(review: ClaimReview, claim: Claim, organisation: Thing | undefined): void {
  const reviewer = reviewerThing(claim);
  const author = organisation ?? reviewer;
  if (author) {
    review.author = { ...author };
  }
  if (reviewer) {
    review.reviewRating.author = reviewer;
  }
  if (claim.reviewedAt !== undefined && UTC_TIME.test(claim.reviewedAt)) {
    review.dateCreated = claim.reviewedAt;
  }
}

/** The annotator who last changed the claim's verdict, as a Person; undefined when the sidecar does not say. */
function reviewerThing(claim: Claim): Thing | undefined {
  const name = cleanAnnotator(claim.reviewedBy);
  return name ? { '@type': 'Person', name } : undefined;
}

/** The fact-checker publishing the reviews, or undefined when the setting gives no name (never a nameless Organization). */
function authorThing(author: Partial<ClaimReviewAuthor> | undefined): Thing | undefined {
  const name = typeof author?.name === 'string' ? author.name.trim() : '';
  if (!name) {
    return undefined;
  }
  const url = typeof author?.url === 'string' ? author.url.trim() : '';
  return { '@type': author?.type === 'Person' ? 'Person' : 'Organization', name, ...(url ? { url } : {}) };
}

/** The article as the claim's appearance, from the sidecar's details; undefined when none is known. */
function appearanceOf(article: ArticleInfo): Appearance | undefined {
  const url = articleWebAddress(article);
  const headline = article.title?.trim();
  const publisher = article.publisher?.trim();
  const datePublished = articlePublished(article);
  if (!url && !headline && !publisher && !datePublished) {
    return undefined;
  }
  return {
    '@type': 'NewsArticle',
    ...(url ? { url } : {}),
    ...(headline ? { headline } : {}),
    ...(publisher ? { publisher: { '@type': 'Organization', name: publisher } } : {}),
    ...(datePublished ? { datePublished } : {}),
  };
}

function claimantThing(actor: Actor): Thing {
  const thing: Thing = { '@type': actor.type === 'person' ? 'Person' : 'Organization', name: actor.name };
  if (actor.wikidata) {
    thing.sameAs = `https://www.wikidata.org/wiki/${actor.wikidata}`;
  }
  return thing;
}

function fillUrl(template: string, file: string, claim: string): string {
  const article = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return template.replace(/\{article\}/g, encodeURIComponent(article)).replace(/\{claim\}/g, encodeURIComponent(claim));
}
