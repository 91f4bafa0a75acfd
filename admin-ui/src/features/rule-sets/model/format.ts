import type { TFunction } from 'i18next';
import type { ActorRef } from '../api/types';

export function formatDateTime(iso: string | undefined, language: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Who did something: a person's name, or "the system" for the shipped library and scheduled jobs. */
export function actorName(t: TFunction, actor: ActorRef | undefined): string {
  if (!actor) return '—';
  if (actor.kind === 'system') return t('ruleSets.actors.system');
  return actor.name || actor.id;
}
