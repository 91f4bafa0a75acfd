import type { Page } from '../audit/audit';
import type { DecisionQuery, DecisionRecord } from './decision';

/** What happened to one record handed to `append`, in the order they were handed. */
export type AppendOutcome =
  | { status: 'inserted' }
  /** A record with this id is already in the log (a spool replay, a retried write): nothing was written. */
  | { status: 'duplicate_id' }
  /** The caller already has a decision under this idempotency key (another instance won the race): nothing was written. */
  | { status: 'duplicate_idempotency_key'; existingId: string };

/** The records of one UTC day (`YYYY-MM-DD`) with one outcome. */
export interface DayOutcomeCount {
  day: string;
  outcome: string | null;
  count: number;
}

/** Which records `countByDay` counts: `from` <= evaluatedAt < `to` (ISO datetimes), of one rule set when given. */
export interface DecisionCountQuery {
  from: string;
  to: string;
  ruleSetKey?: string;
}

/**
 * The decision log. Promises, checked by test/contract/decision-log-store.contract.ts on every adapter:
 * - append-only: no method changes or removes a record once appended;
 * - `append` writes all the records it is given in one transaction, or none of them (it throws and nothing is
 *   written). Inside that transaction a record whose `id` is already stored, or whose (caller.id, idempotencyKey)
 *   is already taken, is skipped and reported as such; the others are still written. Records are never half written;
 * - (caller.id, idempotencyKey) is unique when idempotencyKey is not null, even under concurrent appends from
 *   several processes;
 * - `get` returns null for an unknown id; `findByIdempotencyKeys` returns the records found (any order);
 * - `list` returns newest first (by id, which is time-ordered); its cursor is the last id seen, so a page never
 *   repeats or skips a record when records are appended between page requests; `limit` defaults to 50, capped at 500;
 *   filters are exact matches (`caller` matches the caller's id or name) and `from`/`to` are inclusive bounds on
 *   `evaluatedAt`;
 * - `countByDay` counts the records with `from` <= `evaluatedAt` < `to` (and `ruleSet.key` = `ruleSetKey` when given)
 *   by the day of `evaluatedAt` (its first ten characters: the UTC day, as the service writes it) and `outcome`
 *   (null is a group of its own); it returns only the groups that have records, in no particular order;
 * - reads return copies.
 */
export interface DecisionLogStore {
  append(records: DecisionRecord[]): Promise<AppendOutcome[]>;
  get(id: string): Promise<DecisionRecord | null>;
  findByIdempotencyKeys(callerId: string, keys: string[]): Promise<DecisionRecord[]>;
  list(query: DecisionQuery): Promise<Page<DecisionRecord>>;
  countByDay(query: DecisionCountQuery): Promise<DayOutcomeCount[]>;
}
