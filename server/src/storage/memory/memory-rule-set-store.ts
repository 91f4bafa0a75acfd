import type { AuditEvent } from '../../modules/audit/audit';
import type { RuleSetVersion } from '../../modules/rule-sets/rule-set';
import type { Expectation, RuleSetStore } from '../../modules/rule-sets/rule-set-store';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../shared/errors';
import type { MemoryAuditStore } from './memory-audit-store';
import { clone } from './memory-util';

/** In-memory fake for service tests. Each method is synchronous inside, so it is atomic like a transaction. */
export class MemoryRuleSetStore implements RuleSetStore {
  private readonly versions = new Map<string, RuleSetVersion>();
  private sequence = 0;

  constructor(private readonly audit: MemoryAuditStore) {}

  private id(key: string, version: number) {
    return `${key}@${version}`;
  }

  private check(key: string, version: number, expect: Expectation): RuleSetVersion {
    const cur = this.versions.get(this.id(key, version));
    if (!cur) throw new NotFoundError('Rule-set version', this.id(key, version));
    if (cur.revision !== expect.revision) throw new RevisionConflictError(`${key} version ${version}`, expect.revision, cur.revision);
    if (!expect.statuses.includes(cur.status))
      throw new ConflictError('invalid_state', `${key} version ${version} is ${cur.status}.`, { status: cur.status });
    return cur;
  }

  async insertVersion(record: Omit<RuleSetVersion, 'version'>, audit: (version: number) => AuditEvent[]) {
    const version = Math.max(0, ...[...this.versions.values()].filter((v) => v.key === record.key).map((v) => v.version)) + 1;
    const full = { ...clone(record), version } as RuleSetVersion;
    this.assertNoOtherActive(full);
    // Build the events before storing anything: if that throws, the insert must not have happened (same transaction).
    const events = audit(version);
    this.versions.set(this.id(record.key, version), full);
    this.audit.appendSync(events);
    return clone(full);
  }

  async replaceVersion(next: RuleSetVersion, expect: Expectation, audit: AuditEvent[]) {
    const cur = this.check(next.key, next.version, expect);
    this.assertNoOtherActive(next);
    if (cur.status === 'active' && next.status !== 'active') this.sequence++;
    this.versions.set(this.id(next.key, next.version), clone(next));
    this.audit.appendSync(audit);
    return clone(next);
  }

  /** Writing an active record outside activateVersion must not make a second active version of the key. */
  private assertNoOtherActive(v: RuleSetVersion): void {
    if (v.status !== 'active') return;
    const active = [...this.versions.values()].find((x) => x.key === v.key && x.status === 'active' && x.version !== v.version);
    if (active) throw new ConflictError('invalid_state', `${v.key} already has an active version (${active.version}).`, { activeVersion: active.version });
  }

  async activateVersion(next: RuleSetVersion, expect: Expectation, retire: { next: RuleSetVersion; expect: Expectation } | null, audit: AuditEvent[]) {
    this.check(next.key, next.version, expect);
    if (retire) this.check(retire.next.key, retire.next.version, retire.expect);
    const otherActive = [...this.versions.values()].find(
      (v) => v.key === next.key && v.status === 'active' && v.version !== next.version && v.version !== retire?.next.version,
    );
    if (otherActive) throw new RevisionConflictError(`${next.key} active version`, 0, otherActive.revision);
    if (retire) this.versions.set(this.id(retire.next.key, retire.next.version), clone(retire.next));
    this.versions.set(this.id(next.key, next.version), clone(next));
    this.sequence++;
    this.audit.appendSync(audit);
    return clone(next);
  }

  async deleteVersion(key: string, version: number, expect: Expectation, audit: AuditEvent[]) {
    this.check(key, version, expect);
    this.versions.delete(this.id(key, version));
    this.audit.appendSync(audit);
  }

  async getVersion(key: string, version: number) {
    const v = this.versions.get(this.id(key, version));
    return v ? clone(v) : null;
  }

  async listVersions(key: string) {
    return [...this.versions.values()].filter((v) => v.key === key).sort((a, b) => b.version - a.version).map(clone);
  }

  async listCurrent() {
    const latest = new Map<string, number>();
    for (const v of this.versions.values()) latest.set(v.key, Math.max(latest.get(v.key) ?? 0, v.version));
    return [...this.versions.values()].filter((v) => v.status !== 'retired' || latest.get(v.key) === v.version).map(clone);
  }

  async getActive(key: string) {
    const v = [...this.versions.values()].find((x) => x.key === key && x.status === 'active');
    return v ? clone(v) : null;
  }

  async listActive() {
    return [...this.versions.values()].filter((x) => x.status === 'active').map(clone);
  }

  async activationSequence() {
    return this.sequence;
  }
}
