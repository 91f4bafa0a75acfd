import type { AuditEvent } from '../audit/audit';
import type { RuleSetVersion, Status } from './rule-set';

export interface Expectation {
  /** The revision the caller read; the write happens only if it is still current. */
  revision: number;
  /** The write happens only if the stored status is one of these. */
  statuses: Status[];
}

/**
 * Rule-set versions. Promises, checked by test/contract/rule-set-store.contract.ts on every adapter:
 * - `insertVersion` assigns `version` = highest existing version of the key + 1 (1 for a new key) atomically;
 *   (key, version) is unique even under concurrent inserts;
 * - `insertVersion` or `replaceVersion` of a record with status `active` while another version of the key is active
 *   throws ConflictError `invalid_state` and changes nothing (activation goes through `activateVersion`);
 * - `replaceVersion` and `deleteVersion` are compare-and-set: when the stored revision differs from
 *   `expect.revision`, they throw RevisionConflictError and change nothing; when the stored status is not in
 *   `expect.statuses`, they throw ConflictError `invalid_state` and change nothing; a missing version is NotFoundError;
 * - `activateVersion` sets `next` (status active) and, in the same transaction, `retire` (the previously active
 *   version, now retired) — both compare-and-set — and increments the activation sequence; at most one version
 *   per key is ever active, even when two activations race (the loser gets RevisionConflictError);
 * - `replaceVersion` that takes the active version out of `active` (retiring it without a successor) increments the
 *   activation sequence in the same transaction, so other instances stop deciding with it;
 * - every method that takes `audit` appends those events in the same transaction as the change, or not at all;
 * - reads return copies: mutating a returned object never changes the store.
 */
export interface RuleSetStore {
  insertVersion(record: Omit<RuleSetVersion, 'version'>, audit: (version: number) => AuditEvent[]): Promise<RuleSetVersion>;
  replaceVersion(next: RuleSetVersion, expect: Expectation, audit: AuditEvent[]): Promise<RuleSetVersion>;
  activateVersion(
    next: RuleSetVersion,
    expect: Expectation,
    retire: { next: RuleSetVersion; expect: Expectation } | null,
    audit: AuditEvent[],
  ): Promise<RuleSetVersion>;
  deleteVersion(key: string, version: number, expect: Expectation, audit: AuditEvent[]): Promise<void>;
  getVersion(key: string, version: number): Promise<RuleSetVersion | null>;
  /** All versions of a key, highest version first; [] for an unknown key. */
  listVersions(key: string): Promise<RuleSetVersion[]>;
  /** Every version of every key that is not retired, plus the latest version of each key. */
  listCurrent(): Promise<RuleSetVersion[]>;
  getActive(key: string): Promise<RuleSetVersion | null>;
  listActive(): Promise<RuleSetVersion[]>;
  /** Grows by one on every activation, and every retirement of an active version, anywhere; instances poll it. */
  activationSequence(): Promise<number>;
}
