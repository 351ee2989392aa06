// Teams benchmark: the merge driver on a 10,000-annotation sidecar changed on both sides, with one verdict in conflict.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { median } from './lib.mjs';

const ANNOTATIONS = 10_000;
const RUNS = 5;

export async function run(ctx) {
  const require = createRequire(import.meta.url);
  const { mergeSidecarTexts } = require(join(ctx.root, 'out/src/core/mergeDriver.js'));
  const { encodeSidecar } = require(join(ctx.root, 'out/src/core/sidecar.js'));
  const { anchorAt } = require(join(ctx.root, 'out/src/core/model.js'));

  const sentences = Array.from({ length: ANNOTATIONS }, (_, i) => `Sentence ${i} says the figure was ${i % 97} per cent.`);
  const text = sentences.join(' ');
  let at = 0;
  const claims = sentences.map((s, i) => {
    const anchor = anchorAt(text, at, at + s.length - 1);
    at += s.length + 1;
    return { id: `c${i + 1}`, anchor, status: 'unchecked', sources: [] };
  });
  const base = { article: { file: 'a.txt' }, actors: [], claims };
  const change = (edit) => ({ ...base, claims: claims.map((c, i) => edit(c, i)) });
  const baseText = encodeSidecar(base, text);
  const ours = encodeSidecar(change((c, i) => (i % 10 === 0 ? { ...c, status: 'checked', verdict: i === 0 ? 'false' : 'true' } : c)), text);
  const theirs = encodeSidecar(change((c, i) => (i % 10 === 5 || i === 0 ? { ...c, notes: 'seen', verdict: i === 0 ? 'mixed' : c.verdict } : c)), text);
  ctx.log(`sidecar: ${ANNOTATIONS} claims, ${(baseText.length / 1e6).toFixed(1)} MB`);
  const times = [];
  let result;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    result = mergeSidecarTexts(baseText, ours, theirs, text);
    times.push(performance.now() - t0);
  }
  ctx.log(`conflicts: ${result.conflicts.length}`);
  ctx.record('merge-sidecar: 10,000 claims, 2,000 changed on the two sides, one conflict (median of 5)', median(times), 'ms');
}
