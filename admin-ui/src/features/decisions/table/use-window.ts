import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface WindowRange {
  start: number;
  /** Exclusive. */
  end: number;
  /** Height standing in for the rows above and below the rendered ones. */
  padTop: number;
  padBottom: number;
}

/** Which rows of `count` fixed-height rows are visible in a viewport scrolled to `scrollTop`, plus `overscan` each side. */
export function windowRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): WindowRange {
  const start = Math.max(0, Math.min(count, Math.floor(scrollTop / rowHeight) - overscan));
  const end = Math.max(start, Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan));
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

// Before the container has been measured (and in jsdom, which has no layout) assume a typical viewport.
const FALLBACK_HEIGHT = 640;

/**
 * Simple windowing for a scrolling container of fixed-height rows: only the rows in view (and a few either side)
 * are rendered; spacers keep the scrollbar true to the whole list. We have no virtualisation library installed and
 * need nothing more than fixed row heights, so this is ours.
 */
export function useWindow<E extends HTMLElement>(count: number, rowHeight: number, overscan = 8) {
  const ref = useRef<E | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => setScrollTop(ref.current?.scrollTop ?? 0), []);
  return { ref, onScroll, ...windowRange(scrollTop, height, rowHeight, count, overscan) };
}
