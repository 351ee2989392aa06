// Actors without a mention to start from: a claimant typed by name, and the other names an actor goes by.

import { type Actor, type Annotations, slugId } from './model';
import { allIds, type NewActor } from './operations';
import { type Stamp, stamped } from './provenance';
import { normaliseName } from './workspace';

/** Adds an actor with no mention yet (a claimant the article does not name where it quotes them), stamped with who added it. */
export function addActor(annotations: Annotations, actor: NewActor, stamp?: Stamp): Actor {
  const added = stamped<Actor>({ id: slugId(actor.name, allIds(annotations)), name: actor.name.trim(), type: actor.type, mentions: [] }, stamp);
  annotations.actors.push(added);
  return added;
}

/** Why an alias is refused, or undefined when it can be added. */
export function checkAlias(actor: Actor, alias: string): string | undefined {
  const key = normaliseName(alias);
  if (!key) {
    return 'Enter the other name.';
  }
  if (normaliseName(actor.name) === key) {
    return `${alias.trim()} is already the actor’s name.`;
  }
  return (actor.aliases ?? []).some((a) => normaliseName(a) === key) ? `${alias.trim()} is already an alias of ${actor.name}.` : undefined;
}

/** Adds another name the actor goes by; throws with the reason when it is refused. */
export function addAlias(actor: Actor, alias: string): void {
  const problem = checkAlias(actor, alias);
  if (problem) {
    throw new Error(problem);
  }
  actor.aliases = [...(actor.aliases ?? []), alias.trim()];
}
