// Loads a CommonJS bundle with V8's code cache: every start after the first reads the compiled code instead of compiling it again.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** A cache file larger than this is not ours (a bundle's cache is well under a megabyte): it is not read. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;
const HASH_BYTES = 32;

/** A bundle loaded by loadCached. */
export interface CachedBundle<T> {
  readonly exports: T;
  /** Whether its compiled code came from the cache (false on the first start, or after the bundle or the runtime changed). */
  readonly fromCache: boolean;
  /**
   * Writes the cache when it was not read from it: called once the bundle has done its first work, the cache also
   * holds every function compiled until then. Atomic (a temporary file renamed), and never throws: a cache that
   * cannot be written only means the next start compiles again.
   */
  save(): boolean;
}

function sha256(...parts: (string | Uint8Array)[]): Buffer {
  const hash = createHash('sha256');
  parts.forEach((part) => hash.update(part));
  return hash.digest();
}

/**
 * The cached code, if the file holds code for exactly this source and runtime, untouched: V8 itself only compares
 * the source's length, so the file starts with a hash of the source and the V8 version, then a hash of the code.
 * Anything else (missing, not a regular file, too large, another bundle, torn or altered) reads as no cache.
 */
function readCache(cacheFile: string, sourceKey: Buffer): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(cacheFile, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES || stat.size <= 2 * HASH_BYTES) {
      return undefined;
    }
    const bytes = fs.readFileSync(fd);
    const code = bytes.subarray(2 * HASH_BYTES);
    if (!bytes.subarray(0, HASH_BYTES).equals(sourceKey) || !bytes.subarray(HASH_BYTES, 2 * HASH_BYTES).equals(sha256(code))) {
      return undefined;
    }
    return code;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) {
      fs.closeSync(fd);
    }
  }
}

function writeCache(cacheFile: string, sourceKey: Buffer, code: Buffer): boolean {
  const temp = `${cacheFile}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(temp, Buffer.concat([sourceKey, sha256(code), code]), { flag: 'wx' });
    fs.renameSync(temp, cacheFile);
    return true;
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // No folder to write in: no temporary file either.
    }
    return false;
  }
}

/**
 * Runs the CommonJS file `file` as `require` would (its own `require`, `module`, `__dirname`), compiled with the
 * code cache kept at `cacheFile`. Where the runtime cannot run a script's dynamic `import()` through its usual
 * loader (before Node 20.12), the file is simply required.
 */
export function loadCached<T>(file: string, cacheFile: string): CachedBundle<T> {
  const loader = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (loader === undefined) {
    return { exports: Module.createRequire(file)(file) as T, fromCache: false, save: () => false };
  }
  const source = fs.readFileSync(file, 'utf8');
  const sourceKey = sha256(process.versions.v8, '\0', file, '\0', source);
  const cachedData = readCache(cacheFile, sourceKey);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData, importModuleDynamically: loader });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  let saved = false;
  return {
    exports: module.exports,
    fromCache,
    save: () => {
      if (fromCache || saved) {
        return false;
      }
      saved = true;
      return writeCache(cacheFile, sourceKey, script.createCachedData());
    },
  };
}
