// newsmark stats: counts actors, claims by status and verdict, and orphans over folders of sidecars.

import { resolve } from 'node:path';
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES } from '../core/model';
import { verdictLabel } from '../core/verdicts';
import { count } from '../core/text';
import { EXIT, type Io, parse, UsageError } from './io';
import { loadSettings, readPair, sidecarsAt } from './files';

/** What `newsmark stats --help` prints. */
export const usage = `Usage: newsmark stats [--json] <dir>…

Counts, over every sidecar below the folders: articles, actors and mentions, claims by status
and by verdict, and orphaned anchors. --json prints the figures as one JSON object.
`;

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (!positionals.length) {
    throw new UsageError('stats needs at least one folder');
  }
  const settings = await loadSettings(io.cwd, values.config);
  const figures = {
    articles: 0,
    unreadable: 0,
    stale: 0,
    actors: 0,
    mentions: 0,
    claims: 0,
    byStatus: Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<string, number>,
    byVerdict: {} as Record<string, number>,
    orphaned: { mentions: 0, claims: 0 },
  };
  for (const path of positionals) {
    const sidecars = await sidecarsAt(resolve(io.cwd, path));
    if (sidecars === undefined || typeof sidecars === 'string') {
      throw new UsageError(`${path}: ${sidecars ?? 'no such file or folder'}`);
    }
    for (const sidecar of sidecars) {
      figures.articles++;
      const read = await readPair(sidecar, settings, true);
      const annotations = 'decoded' in read ? read.decoded.annotations : undefined;
      if (!annotations) {
        figures.unreadable++;
        continue;
      }
      if ('decoded' in read && read.decoded.stale) {
        figures.stale++;
      }
      figures.actors += annotations.actors.length;
      for (const actor of annotations.actors) {
        figures.mentions += actor.mentions.length;
        figures.orphaned.mentions += actor.mentions.filter((m) => m.orphaned).length;
      }
      for (const claim of annotations.claims) {
        figures.claims++;
        figures.byStatus[claim.status]++;
        if (claim.verdict !== undefined) {
          figures.byVerdict[claim.verdict] = (figures.byVerdict[claim.verdict] ?? 0) + 1;
        }
        if (claim.anchor.orphaned) {
          figures.orphaned.claims++;
        }
      }
    }
  }
  if (values.json) {
    io.out(JSON.stringify(figures, null, 2) + '\n');
    return EXIT.ok;
  }
  const scaleOrder = settings.scale.verdicts.map((v) => v.id);
  const verdicts = Object.entries(figures.byVerdict).sort(([a], [b]) => rank(scaleOrder, a) - rank(scaleOrder, b) || a.localeCompare(b));
  const lines = [
    `Articles:  ${figures.articles}${figures.unreadable ? ` (${figures.unreadable} with a sidecar that has errors, not counted below)` : ''}${figures.stale ? `, ${figures.stale} changed since annotated` : ''}`,
    `Actors:    ${figures.actors}, with ${count(figures.mentions, 'mention')}`,
    `Claims:    ${figures.claims}${figures.claims ? `: ${CLAIM_STATUSES.map((s) => `${figures.byStatus[s]} ${CLAIM_STATUS_LABELS[s].toLowerCase()}`).join(', ')}` : ''}`,
    `Verdicts:  ${verdicts.length ? verdicts.map(([id, n]) => `${n} ${verdictLabel(settings.scale, id)}`).join(', ') : 'none yet'}`,
    `Orphans:   ${count(figures.orphaned.mentions, 'mention')}, ${count(figures.orphaned.claims, 'claim')}`,
  ];
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

function rank(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}
