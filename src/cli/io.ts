// What every command shares: exit codes, where output goes, usage errors, argument parsing and problem lines.

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { relative } from 'node:path';
import type { DecodeResult } from '../core/sidecar';

/** Exit codes, as documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** The data has problems: invalid sidecars, a refused import, an export that could not be made. */
  problems: 1,
  /** The command was not used as documented, or the configuration is unreadable. */
  usage: 2,
} as const;

/** Where output goes; tests pass their own to read it. */
export interface Io {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Called when a rewritten sidecar is ready beside the old one, just before the last check that the old one did not change; tests change it here. */
  beforeRename?(sidecar: string): void | Promise<void>;
}

/** A command used other than documented: exit 2, with the command's usage named. */
export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  return parseArgs({ args: [...args], options: { config: { type: 'string' }, ...options }, allowPositionals: true, strict: true });
}

export function shownPath(io: Io, path: string): string {
  return relative(io.cwd, path) || path;
}

export function printProblems(io: Io, shown: string, decoded: DecodeResult, errorsOnly = false): void {
  for (const p of decoded.problems) {
    if (!errorsOnly || p.severity === 'error') {
      io.err(`${shown}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n`);
    }
  }
}
/** Where the article's sha256 is written; a data-only read keeps no document, so then its key is looked for in the text. */
export function shaPosition(source: string, decoded: DecodeResult): { line: number; column: number } {
  const node = decoded.document?.getIn(['article', 'sha256'], true) as { range?: [number, number, number] } | undefined;
  const key = /^[ \t]+sha256:[ \t]*/m.exec(source);
  const offset = node?.range?.[0] ?? (key ? key.index + key[0].length : 0);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
export function isParseArgsError(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
