/**
 * Cross-article actor resolution. Extractions key actors per article; the
 * store needs one key per real actor. States, organisations and their
 * sectors are identified by code and sector alone (every "Kremlin" and
 * "Moscow" mention is RUS.GOV); people and groups also need their name,
 * because two ministers of one government share code and sector.
 */
import type { Actor, ActorRef } from '../../types.js';
import { normaliseText } from './normalize.js';

type ActorLike = Pick<ActorRef, 'code' | 'name' | 'kind' | 'sector'>;

export function slug(name: string): string {
  return normaliseText(name).replace(/ /g, '-');
}

/** The lookup form of a name or alias: what `--actor "putin"` is compared with. */
export function aliasKey(alias: string): string {
  return normaliseText(alias);
}

export function actorKey(actor: ActorLike): string {
  const code = actor.code.trim().toUpperCase() || 'UNK';
  const base = actor.sector ? `${code}.${actor.sector}` : code;
  if (actor.kind === 'person') return `${base}:person:${slug(actor.name)}`;
  // Without a known code or for armed groups the name is what tells two actors apart.
  if (actor.kind === 'group' || code === 'UNK') return `${base}:${slug(actor.name)}`;
  return base;
}

/** Everything the store records about one actor from one article. */
export interface ActorFacts {
  key: string;
  name: string;
  code: string;
  kind: Actor['kind'];
  sector?: Actor['sector'];
  kbId?: string;
  aliases: string[];
  roles: string[];
}

/**
 * Collects the actors of one extraction under their store keys, and maps
 * each extraction-local actor id to its store key. Refs whose actor is not
 * listed in `actors` (the extractor should not produce them, but a ref
 * carries enough to resolve) still get a key.
 */
export function resolveActors(
  actors: readonly Actor[],
  refs: readonly ActorRef[],
): { facts: ActorFacts[]; keyOf: Map<string, string> } {
  const byKey = new Map<string, ActorFacts>();
  const keyOf = new Map<string, string>();
  const add = (local: string, like: ActorLike, extra: Partial<Pick<Actor, 'aliases' | 'role' | 'kbId'>>) => {
    const key = actorKey(like);
    keyOf.set(local, key);
    let facts = byKey.get(key);
    if (!facts) {
      facts = { key, name: like.name, code: like.code, kind: like.kind, sector: like.sector, aliases: [], roles: [] };
      byKey.set(key, facts);
    }
    if (extra.kbId && !facts.kbId) facts.kbId = extra.kbId;
    for (const alias of [like.name, ...(extra.aliases ?? [])]) {
      if (alias && !facts.aliases.includes(alias)) facts.aliases.push(alias);
    }
    if (extra.role && !facts.roles.includes(extra.role)) facts.roles.push(extra.role);
  };
  for (const actor of actors) add(actor.id, actor, actor);
  for (const ref of refs) if (!keyOf.has(ref.actorId)) add(ref.actorId, ref, {});
  return { facts: [...byKey.values()], keyOf };
}
