// The newsmark command line: help, version, and each command dispatched to its own file; never calls process.exit, so tests can run it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileError } from '../core/files';
import { ConfigError } from '../core/settingsFile';
import * as agree from './agree';
import * as exportCommand from './export';
import * as gitSetup from './gitSetup';
import * as importCommand from './import';
import * as mergeSidecar from './mergeSidecar';
import { EXIT, type Io, isParseArgsError, shownPath, UsageError } from './io';
import * as match from './match';
import * as reanchor from './reanchor';
import * as stats from './stats';
import * as validate from './validate';

const help = () => `newsmark ${version()}: fact-checking annotations for news articles, from the command line.

Usage: newsmark <command> [options]

Commands:
  validate <path>…                    Check sidecars (or the folders holding them); list every problem.
  reanchor <article>…                 Re-attach sidecars to articles changed outside the editor.
  export --format <format> <article>…  Write annotations as brat, w3c, claimreview, markdown or csv.
  import brat <txt> <ann>             Make a sidecar from a brat standoff pair.
  import claimreview <file>           Add published fact-checks (ClaimReview JSON) to the workspace.
  match "<claim>" [<folder>…]         List where a claim was checked before (--article: each claim of one).
  stats <dir>…                        Count actors, claims by status and verdict, and orphans.
  agree <a> <b> [<c>…] [--json]      Agreement between annotators (sidecars, folders or --rev <revision>).
  git-setup [<folder>]                Make git merge sidecars per annotation (.gitattributes, git config).
  merge-sidecar %O %A %B %P           git's merge driver for sidecars, as git-setup configures it.

Options:
  --config <file>  Settings to use instead of the nearest .newsmark.json.
  -h, --help       Help for newsmark or for one command.
  --version        Print the version.

Exit codes: 0 success, 1 the data has problems, 2 wrong usage or unreadable settings.
See docs/cli.md for the details and the .newsmark.json settings.
`;

/** The commands, by name: what each prints for --help and runs. */
const COMMANDS: Record<string, { usage: string; run(args: readonly string[], io: Io): Promise<number> }> = {
  validate,
  reanchor,
  export: exportCommand,
  import: importCommand,
  stats,
  match,
  'merge-sidecar': mergeSidecar,
  'git-setup': gitSetup,
  agree,
};

/** Runs one command line; resolves to the exit code. Never calls process.exit, so tests can call it. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(help());
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${version()}\n`);
      return EXIT.ok;
    }
    if (!(command in COMMANDS)) {
      throw new UsageError(`unknown command "${command}".`);
    }
    if (rest.includes('-h') || rest.includes('--help')) {
      io.out(COMMANDS[command].usage);
      return EXIT.ok;
    }
    return await COMMANDS[command].run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      const hint = command && command in COMMANDS ? `newsmark ${command} --help` : 'newsmark --help';
      // parseArgs explains at length; its first sentence says what was wrong.
      const message = (err as Error).message.split(/\.\s/)[0].replace(/\.$/, '');
      io.err(`newsmark: ${message}. Run "${hint}" for usage.\n`);
      return EXIT.usage;
    }
    if (err instanceof ConfigError) {
      io.err(`newsmark: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof FileError) {
      io.err(`${shownPath(io, err.path)}: ${err.reason}\n`);
      return EXIT.problems;
    }
    throw err;
  }
}
/**
 * The package's version, read beside the running script (dist/cli.js in the package,
 * out/src/cli/main.js in development) rather than bundled, so the two cannot disagree.
 */
function version(): string {
  for (const path of [1, 2, 3].map((up) => join(__dirname, ...Array<string>(up).fill('..'), 'package.json'))) {
    try {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'newsmark' && typeof pkg.version === 'string') {
        return pkg.version;
      }
    } catch {
      // Not this one; try the next place.
    }
  }
  return 'unknown';
}
export function processIo(): Io {
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}
