// The sidecar's JSON Schema validator, compiled from schemas/sidecar-v1.schema.json on first use.

import Ajv, { type ValidateFunction } from 'ajv';
import schema from '../../schemas/sidecar-v1.schema.json';

/** Also read by scripts/build.mjs, which compiles the editor's copy of the validator ahead of time with them. */
export const AJV_OPTIONS = { allErrors: true, strict: false };

let compiled: ValidateFunction | undefined;

/** Compiling costs more than reading most sidecars, so it waits for the first one. */
export function sidecarValidator(): ValidateFunction {
  return (compiled ??= new Ajv(AJV_OPTIONS).compile(schema));
}
