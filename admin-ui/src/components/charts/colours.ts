/** Colours of the portfolio charts. Every chart also names each value in words, so colour is never the only cue. */

export const SEVERITY_COLOURS: Record<string, string> = { red: '#b3261e', orange: '#c25400', yellow: '#a37800', blue: '#1565c0' };

export const CLASS5_COLOURS: Record<string, string> = { 正常: '#2e7d32', 关注: '#a37800', 次级: '#c25400', 可疑: '#b3261e', 损失: '#6d1b16' };

export const SERIES_COLOURS = ['#1b3a5c', '#0f7b74', '#6a4c93', '#8d6e63', '#546e7a', '#c2185b', '#2e7d32', '#b26a00'];

export const GRID = '#dde3ea';
export const AXIS_TEXT = '#556170';
