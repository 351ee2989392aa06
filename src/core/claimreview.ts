// ClaimReview (schema.org JSON-LD) export: one review per checked claim, for search engines and fact-check aggregators.

import { bratFragments } from './brat';
import type { Actor, Annotations, Claim } from './model';
import { DEFAULT_VERDICT_SCALE, findVerdict, isOnNumericScale, type VerdictScale } from './verdicts';

export interface ClaimReviewAuthor {
  type?: 'Organization' | 'Person';
  name: string;
  url?: string;
}

export interface ClaimReviewOptions {
  verdicts?: VerdictScale;
  /** The fact-checking organisation (or person) publishing the reviews, from settings. */
  author?: ClaimReviewAuthor;
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
  datePublished?: string;
  author?: Thing;
  itemReviewed: {
    '@type': 'Claim';
    author?: Thing;
    appearance?: { '@type': 'NewsArticle'; url: string; headline?: string };
  };
  reviewRating: {
    '@type': 'Rating';
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
    alternateName: string;
  };
}

export interface ExportWarning {
  code: string;
  message: string;
}

/** Reviews for every checked claim that has a verdict on the scale; other claims are not yet fact checks. */
export function exportClaimReview(annotations: Annotations, text: string, options: ClaimReviewOptions = {}): { reviews: ClaimReview[]; warnings: ExportWarning[] } {
  const scale = options.verdicts ?? DEFAULT_VERDICT_SCALE;
  const warnings: ExportWarning[] = [];
  const fragments = bratFragments(annotations, text);
  const reviews: ClaimReview[] = [];
  const checked = annotations.claims.filter((c) => c.status === 'checked');
  if (checked.length && !annotations.article.url) {
    warnings.push({ code: 'no-article-url', message: 'The sidecar has no article url, so the reviews cannot say where the claims appeared; add "url" under "article".' });
  }
  if (checked.length && !options.author) {
    warnings.push({ code: 'no-author', message: 'No fact-checking organisation is configured as the reviews’ author.' });
  }
  if (checked.length && !options.url) {
    warnings.push({ code: 'no-url', message: 'No address is configured for the fact-check page; search engines require one.' });
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
    if (options.author) {
      review.author = { '@type': options.author.type ?? 'Organization', name: options.author.name, ...(options.author.url ? { url: options.author.url } : {}) };
    }
    const claimant = annotations.actors.find((a) => a.id === claim.claimant);
    if (claimant) {
      review.itemReviewed.author = claimantThing(claimant);
    }
    if (annotations.article.url) {
      review.itemReviewed.appearance = {
        '@type': 'NewsArticle',
        url: annotations.article.url,
        ...(annotations.article.title ? { headline: annotations.article.title } : {}),
      };
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
