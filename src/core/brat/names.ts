// brat names and notation: types as Newsmark actor types and back, fragments as brat writes them, text quoted in messages.

import { showControls, shorten } from '../text';
import type { BratMapping, Fragment } from './types';

/** The Newsmark actor type a brat type becomes. */
export function actorTypeOf(bratType: string, mapping: BratMapping): string {
  return mapping.actorTypes[bratType] ?? typeId(bratType);
}

export function formatFragments(fragments: readonly Fragment[]): string {
  return fragments.map(([s, e]) => `${s} ${e}`).join(';');
}

/** A brat type as a Newsmark actor type id: "Organization" → "organization", "GPE_Loc" → "gpe-loc". */
export function typeId(type: string): string {
  const id = type
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(id) ? id : `type-${id || 'other'}`;
}

/** A Newsmark actor type id as a brat type (brat types hold no spaces): "person" → "Person". */
export function bratTypeName(type: string): string {
  const name = showControls(type.replace(/\s+/g, '_'));
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Text quoted in a message: on one line, tabs and line breaks shown, bidirectional controls shown. */
export function shortened(text: string): string {
  return shorten(showControls(text));
}
