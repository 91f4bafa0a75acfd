import type { TFunction } from 'i18next';
import { plainValue } from '../../../components/explanation/explain-text';
import type { ActorRef } from '../api/types';

/** Shared display helpers of the decision, audit and dashboard pages. */

/**
 * `2026-11-23 04:24` (with seconds on request) in the user's time zone: compact, unambiguous and sortable in both
 * languages, which suits logs and tables better than the locale's long form.
 */
export function formatDateTime(iso: string | null | undefined, _language?: string, withSeconds = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(d.getHours())}:${p(d.getMinutes())}${withSeconds ? `:${p(d.getSeconds())}` : ''}`;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${time}`;
}

/** Who did it: a person's or key's name, or "system" for the shipped library and scheduled jobs. */
export function actorText(t: TFunction, actor: ActorRef | null | undefined): string {
  if (!actor) return '—';
  if (actor.kind === 'system') return t('decisions.actor.system');
  return actor.name || actor.id;
}

export function actorKindText(t: TFunction, actor: ActorRef): string {
  return t(`decisions.actor.${actor.kind}`, { defaultValue: actor.kind });
}

/** `sha256:b28ee35d…` — enough to tell versions apart in a table; the full hash is shown where it matters. */
export function shortHash(hash: string): string {
  const [algo, hex] = hash.includes(':') ? hash.split(':', 2) : ['', hash];
  return `${algo ? `${algo}:` : ''}${hex.slice(0, 12)}…`;
}

/** A `{code, zh, en}` reason (or condition) in the current language: "G03 · 内部评级8级（B）". */
export function reasonText(reason: unknown, language: string): string {
  if (typeof reason === 'object' && reason !== null && !Array.isArray(reason)) {
    const r = reason as { code?: unknown; zh?: unknown; en?: unknown };
    const text = language.startsWith('zh') ? (r.zh ?? r.en) : (r.en ?? r.zh);
    if (typeof r.code === 'string' || typeof text === 'string') return [r.code, text].filter((x) => typeof x === 'string' && x).join(' · ');
  }
  return plainValue(reason);
}

/** An output value: lists of reasons one per line, numbers grouped, everything else plainly. */
export function outputText(value: unknown, language: string): string {
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => reasonText(v, language)).join('\n');
  if (typeof value === 'number') return new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(value);
  if (value === null || value === undefined) return '—';
  return reasonText(value, language);
}

export function latencyText(ms: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: ms < 10 ? 2 : 0 }).format(ms)} ms`;
}

/** The reasons a fired rule gave (`event.params.reasons` then `event.params.reason`). */
export function ruleReasons(params: Record<string, unknown> | undefined): unknown[] {
  if (!params) return [];
  const many = params.reasons;
  const one = params.reason;
  return [...(Array.isArray(many) ? many : many !== undefined ? [many] : []), ...(one !== undefined ? [one] : [])];
}
