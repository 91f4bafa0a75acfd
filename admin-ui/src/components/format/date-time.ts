/**
 * `2026-11-23 04:24` (with seconds on request) in the user's time zone: compact, unambiguous and sortable in both
 * languages, which suits logs and tables better than the locale's long form. `_language` is accepted so callers can
 * pass it uniformly with the other formatters; the format is the same in both languages on purpose.
 */
export function formatDateTime(iso: string | null | undefined, _language?: string, withSeconds = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(d.getHours())}:${p(d.getMinutes())}${withSeconds ? `:${p(d.getSeconds())}` : ''}`;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${time}`;
}
