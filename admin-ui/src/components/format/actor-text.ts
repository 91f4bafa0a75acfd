import type { TFunction } from 'i18next';
import type { ActorRef } from '../../api/actor';

/** Who did it: a person's or key's name, or "system" for the shipped library and scheduled jobs. */
export function actorText(t: TFunction, actor: ActorRef | null | undefined): string {
  if (!actor) return '—';
  if (actor.kind === 'system') return t('actor.system');
  return actor.name || actor.id;
}

/** What kind of actor it was ("user", "API key"), for the places that show the name and the kind apart. */
export function actorKindText(t: TFunction, actor: ActorRef): string {
  return t(`actor.${actor.kind}`, { defaultValue: actor.kind });
}
