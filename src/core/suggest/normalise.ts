// How rejected suggestions are compared with new ones: the forms of a text that do not matter are folded away.

/** How rejected actor texts and names are compared: case, apostrophes, spacing, a leading “the” and a possessive do not matter. */
export function normaliseActorText(text: string): string {
  return foldText(text)
    .replace(/^the /, '')
    .replace(/'s?$/, '');
}

/** How rejected claim texts are compared: case, quote marks, spacing and final punctuation do not matter. */
export function normaliseClaimText(text: string): string {
  return foldText(text).replace(/^["'(]+|[\s"'.,;:!?)]+$/g, '');
}

function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
