// A published ClaimReview of one claim, as a fact-checking site embeds it: the fact-check the matching tests look for.

export const DAM_FACT_CHECK = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/dam-volume',
  claimReviewed: 'The dam holds 2,500 million litres',
  datePublished: '2024-06-20',
  author: { '@type': 'Organization', name: 'Valley Fact Check' },
  reviewRating: { '@type': 'Rating', alternateName: 'Mostly false' },
};
