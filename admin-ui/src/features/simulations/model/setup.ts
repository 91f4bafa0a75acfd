import type { FieldError } from '../../../api/api-error';
import { apiClientFilter, EMPTY_CLIENT_FILTERS, type ClientFilters } from '../../clients/model/client-filters';
import type { SimulationCreate, Upload } from '../api/types';

/**
 * The simulation set-up form's state and its conversion to POST /api/v1/simulations. Pure, so the checks and the
 * request body are tested without rendering. The approval panel links here prefilled:
 * `/simulations?ruleSetKey=<key>&candidateVersion=<n>` (optionally `&baselineVersion=<n>`).
 */

export type PopulationKind = 'portfolio' | 'upload' | 'replay';

export interface SetupState {
  ruleSetKey: string;
  /** A stored version number (a draft, a version in review, an approved one …) as text from the select. */
  candidateVersion: string;
  /** 'active' or a version number as text. */
  baseline: string;
  population: PopulationKind;
  filter: ClientFilters;
  upload: Upload | null;
  /** Local calendar days, inclusive. */
  replayFrom: string;
  replayTo: string;
  /** Reference date for date conditions and derived facts; empty = today (or each replayed decision's own). */
  asOf: string;
}

export const EMPTY_SETUP: SetupState = {
  ruleSetKey: '',
  candidateVersion: '',
  baseline: 'active',
  population: 'portfolio',
  filter: EMPTY_CLIENT_FILTERS,
  upload: null,
  replayFrom: '',
  replayTo: '',
  asOf: '',
};

/** The set-up a link asks for; anything malformed in it is ignored. */
export function setupFromSearch(search: URLSearchParams): SetupState {
  const key = (search.get('ruleSetKey') ?? '').trim();
  const version = (search.get('candidateVersion') ?? '').trim();
  const baseline = (search.get('baselineVersion') ?? '').trim();
  return {
    ...EMPTY_SETUP,
    ruleSetKey: /^[a-z0-9][a-z0-9._-]{0,99}$/i.test(key) ? key : '',
    candidateVersion: /^\d{1,9}$/.test(version) ? version : '',
    baseline: /^\d{1,9}$/.test(baseline) ? baseline : 'active',
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(day: string, end = false): string {
  const [y, m, d] = day.split('-').map(Number);
  return (end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d)).toISOString();
}

/**
 * The request body, or the problems to show at the fields first, named by the same JSON pointers the server uses
 * (so one map of pointer → field shows both kinds). Messages are i18n keys.
 */
export function toRequest(s: SetupState): { body: SimulationCreate } | { problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (!s.ruleSetKey) problems.push({ pointer: '/ruleSetKey', message: 'simulations.setup.problems.ruleSet' });
  if (!/^\d+$/.test(s.candidateVersion)) problems.push({ pointer: '/candidate', message: 'simulations.setup.problems.candidate' });
  else if (s.baseline !== 'active' && s.baseline === s.candidateVersion) problems.push({ pointer: '/baseline', message: 'simulations.setup.problems.sameVersion' });
  if (s.population === 'upload' && !s.upload) problems.push({ pointer: '/population/upload', message: 'simulations.setup.problems.upload' });
  if (s.population === 'replay') {
    if (!DAY.test(s.replayFrom)) problems.push({ pointer: '/population/replay/from', message: 'simulations.setup.problems.from' });
    if (!DAY.test(s.replayTo)) problems.push({ pointer: '/population/replay/to', message: 'simulations.setup.problems.to' });
    else if (DAY.test(s.replayFrom) && s.replayFrom > s.replayTo) problems.push({ pointer: '/population/replay/from', message: 'simulations.setup.problems.fromAfterTo' });
  }
  if (s.asOf && !DAY.test(s.asOf)) problems.push({ pointer: '/asOf', message: 'simulations.setup.problems.asOf' });
  if (problems.length) return { problems };
  const filter = apiClientFilter(s.filter);
  const population: SimulationCreate['population'] =
    s.population === 'upload'
      ? { upload: s.upload!.id }
      : s.population === 'replay'
        ? { replay: { from: dayStart(s.replayFrom), to: dayStart(s.replayTo, true) } }
        : { portfolio: Object.keys(filter).length ? { filter } : {} };
  return {
    body: {
      ruleSetKey: s.ruleSetKey,
      candidate: { version: Number(s.candidateVersion) },
      baseline: s.baseline === 'active' ? 'active' : { version: Number(s.baseline) },
      population,
      ...(s.asOf ? { asOf: s.asOf } : {}),
    },
  };
}

/** Which form field shows a problem with this pointer (server or local); others go in the summary above the button. */
export function fieldOf(pointer: string): keyof SetupState | null {
  if (pointer === '/ruleSetKey') return 'ruleSetKey';
  if (pointer.startsWith('/candidate')) return 'candidateVersion';
  if (pointer.startsWith('/baseline')) return 'baseline';
  if (pointer.startsWith('/population/upload')) return 'upload';
  if (pointer.startsWith('/population/replay/from')) return 'replayFrom';
  if (pointer.startsWith('/population/replay/to')) return 'replayTo';
  if (pointer.startsWith('/population/portfolio')) return 'filter';
  if (pointer === '/asOf') return 'asOf';
  return null;
}
