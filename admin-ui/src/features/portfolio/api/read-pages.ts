import { http } from '../../../api/http';
import type { Page } from '../../../api/page';

/**
 * Reads a cursor-paged list page by page, up to `maxPages`. The dashboard counts some lists this way because the
 * server has no count endpoint for them yet; `truncated` says when it stopped before the end, and the widget says so.
 */
export async function readPages<T>(path: string, maxPages: number, signal: AbortSignal): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await http.get<Page<T>>(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`, { signal });
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < maxPages);
  return { items, truncated: cursor !== null };
}
