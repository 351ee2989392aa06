// The shapes of brat data: the mapping to Newsmark's names, parsed .ann lines, and the problems and warnings reported on them.


/** Which brat names mean what in Newsmark; the editor's `newsmark.brat.*` settings and `.newsmark.json` fill it. */
export interface BratMapping {
  /** Text-bound types that become claims; every other type becomes an actor. */
  claimTypes: string[];
  /** brat type → Newsmark actor type. A type not listed becomes its own name, lower-cased and hyphenated. */
  actorTypes: Record<string, string>;
  /** The attribute (A) on a claim that holds its verdict id. */
  verdictAttribute: string;
  /** The attribute (A) on a claim that holds its status, when the verdict alone does not say it. */
  statusAttribute: string;
  /** The relation (R) between a claim and an actor that names the claimant. */
  claimantRelation: string;
  /** The normalization (N) database whose ids become actors' Wikidata ids. */
  wikidataDatabase: string;
}

export const DEFAULT_BRAT_MAPPING: Readonly<BratMapping> = Object.freeze({
  claimTypes: ['Claim'],
  actorTypes: {},
  verdictAttribute: 'Verdict',
  statusAttribute: 'Status',
  claimantRelation: 'Claimant',
  wikidataDatabase: 'Wikidata',
});

export type BratProblemCode =
  | 'syntax'
  | 'unknown-line-type'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'offset-out-of-range'
  | 'overlapping-fragments'
  | 'empty-span'
  | 'text-mismatch';

/** A problem in a .ann file; `line` and `column` are 1-based, on the .ann. */
export interface BratProblem {
  code: BratProblemCode;
  message: string;
  line: number;
  column: number;
}

/** Something an import kept but could not use as it stands; `line` and `column` are on the .ann. */
export interface BratWarning {
  code: 'conflicting-verdict' | 'conflicting-status' | 'conflicting-claimant';
  message: string;
  line: number;
  column: number;
}

export interface ExportWarning {
  code: string;
  message: string;
}

/** A [start, end) pair of code-point offsets, as brat writes them. */
export type Fragment = [number, number];

export type BratLine =
  | { kind: 'T'; id: string; type: string; fragments: Fragment[]; text: string; line: number; raw: string }
  | { kind: 'N'; id: string; type: string; target: string; db: string; ref: string; text: string | undefined; line: number; raw: string }
  | { kind: '#'; id: string; type: string; target: string; text: string; line: number; raw: string }
  | { kind: 'A'; id: string; type: string; target: string; value: string | undefined; line: number; raw: string }
  | { kind: 'R'; id: string; type: string; args: [string, string][]; line: number; raw: string }
  | { kind: 'E'; id: string; type: string; trigger: string; args: [string, string][]; line: number; raw: string }
  | { kind: '*'; id: '*'; type: string; members: string[]; line: number; raw: string };

export interface ParsedAnn {
  lines: BratLine[];
  problems: BratProblem[];
  /** The .ann used Windows line breaks; export writes them the same way. */
  crlf: boolean;
}
