/** Who is acting: a staff user (session), an API key, or the system itself (seeding, schedules). */
export interface Actor {
  kind: 'user' | 'api-key' | 'system';
  id: string;
  /** A readable name for audit trails and the UI: the username, the key name, or "system". */
  name: string;
  roles: string[];
  permissions: ReadonlySet<string>;
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  id: 'system',
  name: 'system',
  roles: ['system'],
  permissions: new Set(['*']),
};

export function actorRef(actor: Actor): { kind: Actor['kind']; id: string; name: string } {
  return { kind: actor.kind, id: actor.id, name: actor.name };
}
