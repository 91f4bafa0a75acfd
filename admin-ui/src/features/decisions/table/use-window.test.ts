import { describe, expect, it } from 'vitest';
import { windowRange } from './use-window';

describe('windowRange', () => {
  it('renders the visible rows plus overscan, with spacers for the rest', () => {
    expect(windowRange(0, 480, 48, 1000, 5)).toEqual({ start: 0, end: 15, padTop: 0, padBottom: 985 * 48 });
    expect(windowRange(48 * 500, 480, 48, 1000, 5)).toEqual({ start: 495, end: 515, padTop: 495 * 48, padBottom: 485 * 48 });
  });

  it('stays inside the list at both ends', () => {
    expect(windowRange(48 * 995, 480, 48, 1000, 5)).toMatchObject({ start: 990, end: 1000, padBottom: 0 });
    expect(windowRange(0, 480, 48, 3, 5)).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
    expect(windowRange(0, 480, 48, 0, 5)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});
