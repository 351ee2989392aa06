// Generated archives for the benchmarks: articles of about 6 KB with 100 annotations each (20 actors × 3 mentions, 40 claims), and their sidecars.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { prng } from './lib.mjs';

/** Per article: 20 actors × 3 mentions and 40 claims, 100 anchored annotations. */
const ACTORS = 20;
const MENTIONS = 3;
const CLAIMS = 40;
/** Distinct articles encoded; an archive larger than this repeats them under other names. */
const TEMPLATES = 200;

/**
 * Writes `count` article and sidecar pairs into `dir` (article-0.txt …) and returns the paths of
 * the sidecars. Encoding is the slow part, so TEMPLATES articles are encoded and repeated.
 */
export function makeArchive(ctx, dir, count, write) {
  const require = createRequire(import.meta.url);
  const { encodeSidecar } = require(join(ctx.root, 'out/src/core/sidecar.js'));
  const { anchorAt } = require(join(ctx.root, 'out/src/core/model.js'));
  const random = prng(1_000_100);
  const people = Array.from({ length: 400 }, (_, i) => `${pick(random, FIRST)} ${pick(random, LAST)} ${i}`);
  const templates = [];
  for (let i = 0; i < Math.min(count, TEMPLATES); i++) {
    const { text, annotations } = generate(random, people, anchorAt, `article-${i}.txt`);
    templates.push({ text, yaml: encodeSidecar(annotations, text) });
  }
  const sidecars = [];
  for (let i = 0; i < count; i++) {
    const { text, yaml } = templates[i % templates.length];
    const article = join(dir, `article-${i}.txt`);
    write(article, text);
    write(`${article}.annotations.yaml`, yaml.replace(/^(\s*file: )article-\d+\.txt$/m, `$1article-${i}.txt`));
    sidecars.push(`${article}.annotations.yaml`);
  }
  return { sidecars };
}

export const FIRST = ['Nikol', 'Zoë', 'Tomáš', 'Ana', 'Marek', 'Lusine', 'Armen', 'Sofia', 'Kiril', 'Aida', 'Jonas', 'Mariam'];
export const LAST = ['Pashinyan', 'Aldám', 'Řehoř', 'Petrosyan', 'Novák', 'Hakobyan', 'Ivanova', 'Sargsyan', 'Berg', 'Grigoryan'];
const WORDS = 'the minister said that reservoirs in the valley hold of capacity farmers union leader called figure rationing began on June in municipalities exercise troops security treaty organisation government budget report'.split(' ');

/** An article of about 6 KB with ACTORS people mentioned MENTIONS times and CLAIMS sentences marked as claims. */
export function generate(random, people, anchorAt, file) {
  const cast = Array.from({ length: ACTORS }, () => pick(random, people));
  const unique = [...new Set(cast)];
  const sentences = [];
  const mentionAt = [];
  for (let s = 0; s < CLAIMS + unique.length * MENTIONS; s++) {
    const words = Array.from({ length: 8 + Math.floor(random() * 10) }, () => pick(random, WORDS));
    const who = s >= CLAIMS ? unique[(s - CLAIMS) % unique.length] : undefined;
    sentences.push(`${who ?? 'Officials'} ${words.join(' ')} ${Math.floor(random() * 100)}%.`);
    mentionAt.push(who);
  }
  let text = '';
  const claimSpans = [];
  const mentionSpans = new Map(unique.map((name) => [name, []]));
  sentences.forEach((sentence, s) => {
    const start = text.length;
    text += sentence + (s % 5 === 4 ? '\n\n' : ' ');
    if (s < CLAIMS) {
      claimSpans.push([start, start + sentence.length]);
    } else {
      const who = mentionAt[s];
      mentionSpans.get(who).push([start, start + who.length]);
    }
  });
  const actors = unique.map((name, i) => ({
    id: `actor-${i}`,
    name,
    type: 'person',
    ...(random() < 0.3 ? { wikidata: `Q${1000 + people.indexOf(name)}` } : {}),
    mentions: mentionSpans.get(name).map(([a, b]) => anchorAt(text, a, b)),
  }));
  const claims = claimSpans.map(([a, b], i) => ({
    id: `c${i + 1}`,
    anchor: anchorAt(text, a, b),
    claimant: actors[i % actors.length].id,
    status: i % 3 === 0 ? 'checked' : 'unchecked',
    ...(i % 3 === 0 ? { verdict: 'mostly-true', sources: [{ url: `https://example.org/${file}/${i}`, accessed: '2026-11-28' }] } : { sources: [] }),
  }));
  return { text, annotations: { article: { file }, actors, claims } };
}

export function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}


