// The small article and the sidecar Newsmark writes for it that the codec's hand-edit tests start from.

export const ARTICLE = 'Kyrgyzstan hosts the CSTO exercise.\nArmenia stays away.\n';

/** A sidecar as Newsmark writes it for ARTICLE: one actor with one mention, no claims. */
export const SIDECAR = [
  'newsmark: 1',
  'article:',
  '  file: csto.txt',
  'actors:',
  '  - id: armenia',
  '    name: Armenia',
  '    type: country',
  '    mentions:',
  '      - { start: 36, end: 43, quote: Armenia }',
  'claims: []',
  '',
].join('\n');
