// An n-gram index of an article: every occurrence of a needle in a megabyte for a few bucket walks instead of a scan.

/** Units per indexed gram. */
const GRAM = 16;
/** Only every STRIDE-th offset is indexed: an eighth of the work, and tables that stay in cache. */
const STRIDE = 8;
/** The shortest needle the index can answer: some GRAM of it starts at an indexed offset. */
export const INDEXED_NEEDLE = GRAM + STRIDE - 1;
const HASH_BASE = 0x01000193;

/**
 * Every STRIDE-th offset of the text, bucketed by a hash of the GRAM units starting there, so
 * that finding all occurrences of a needle in a megabyte costs a few bucket walks instead of a
 * scan. Built once per text, only when some anchor needs a look beyond its neighbourhood.
 */
export class GramIndex {
  private readonly bucketStarts: Int32Array;
  private readonly offsets: Int32Array;
  private readonly bits: number;

  constructor(private readonly text: string) {
    const count = text.length >= GRAM ? Math.floor((text.length - GRAM) / STRIDE) + 1 : 0;
    this.bits = Math.max(8, Math.min(16, Math.ceil(Math.log2(count + 1))));
    const bucketOf = new Int32Array(count);
    const starts = new Int32Array((1 << this.bits) + 1);
    for (let n = 0; n < count; n++) {
      const b = this.bucket(hashOf(text, n * STRIDE));
      bucketOf[n] = b;
      starts[b + 1]++;
    }
    for (let b = 1; b < starts.length; b++) {
      starts[b] += starts[b - 1];
    }
    const fill = starts.slice(0, starts.length - 1);
    const offsets = new Int32Array(count);
    for (let n = 0; n < count; n++) {
      offsets[fill[bucketOf[n]]++] = n * STRIDE;
    }
    this.bucketStarts = starts;
    this.offsets = offsets;
  }

  /**
   * Every offset where `needle` (at least INDEXED_NEEDLE units) occurs, in no particular order;
   * undefined if that would mean walking more than `limit` indexed offsets (a needle that
   * common says little anyway).
   */
  occurrences(needle: string, limit = Infinity): number[] | undefined {
    const walks = this.walks(needle);
    let total = 0;
    for (const [bucket] of walks) {
      total += this.size(bucket);
    }
    if (total > limit) {
      return undefined;
    }
    const out: number[] = [];
    for (const [bucket, offset] of walks) {
      for (let p = this.bucketStarts[bucket]; p < this.bucketStarts[bucket + 1]; p++) {
        const at = this.offsets[p] - offset;
        if (at >= 0 && this.text.startsWith(needle, at)) {
          out.push(at);
        }
      }
    }
    return out;
  }

  /**
   * The buckets to walk for a needle, with the needle offset of each one's gram. An occurrence
   * at o has indexed offsets o + g for the g ≡ -o (mod STRIDE): one walk per residue, each
   * through the bucket of that residue's rarest gram (a needle starting with a common word
   * would otherwise visit every occurrence of the word).
   */
  private walks(needle: string): [number, number][] {
    const last = needle.length - GRAM;
    const walks: [number, number][] = [];
    for (let first = 0; first < STRIDE; first++) {
      let bestOffset = first;
      let bestBucket = this.bucket(hashOf(needle, first));
      const step = STRIDE * Math.max(1, Math.floor((last - first) / STRIDE / 6));
      for (let g = first + step; g <= last; g += step) {
        const b = this.bucket(hashOf(needle, g));
        if (this.size(b) < this.size(bestBucket)) {
          bestBucket = b;
          bestOffset = g;
        }
      }
      walks.push([bestBucket, bestOffset]);
    }
    return walks;
  }

  private size(bucket: number): number {
    return this.bucketStarts[bucket + 1] - this.bucketStarts[bucket];
  }

  private bucket(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> (32 - this.bits);
  }
}

/** A hash of every fourth unit of the GRAM at `at`: a quarter of the reads, and still seldom shared by two grams (the bucket walk checks). */
function hashOf(s: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + GRAM; i += 4) {
    h = (Math.imul(h, HASH_BASE) + s.charCodeAt(i)) | 0;
  }
  return h;
}
