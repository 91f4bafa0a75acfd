import type { Logger } from 'pino';
import type { RuleSetVersion } from '../rule-sets/rule-set';
import type { RuleSetStore } from '../rule-sets/rule-set-store';
import type { CompiledVersion, VersionCompiler } from './compiled-version';

export interface RegistrySettings {
  /** How often the activation sequence is read (an activation elsewhere arrives within about this long). */
  pollIntervalMs: number;
  /**
   * Every this many polls the active list is re-read even when the sequence did not move: a safety net (activations
   * and retirements of active versions bump the sequence, so they arrive by the ordinary poll).
   */
  fullReloadEvery: number;
}

/**
 * The active version of every rule set, compiled and held in memory: the decision hot path reads this map and
 * nothing else. Swaps replace a whole immutable entry, so a decision that took an entry uses that one version
 * from start to finish and reports it.
 *
 * Three ways in: `load()` at start, `install()` from RuleSetService.onActivation (this process, at once), and the
 * poller (other processes: it reads `activationSequence()` and reloads when it moved). If the store cannot be read,
 * the entries stay as they are (fail-static) and `status()` says since when the registry has not been synchronised.
 */
export class ActiveRuleSets {
  private entries = new Map<string, CompiledVersion>();
  /** Keys whose active version failed to compile: deciding on an older version would be silently stale. */
  private readonly broken = new Map<string, { version: number; error: string }>();
  /** Bumped by every in-process install; a reload that started earlier does not overwrite those keys. */
  private generation = 0;
  private readonly installedAt = new Map<string, number>();
  private sequence: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polls = 0;
  private polling = false;
  private lastSyncAt: string | null = null;
  private syncError: string | null = null;

  constructor(
    private readonly store: RuleSetStore,
    private readonly compiler: VersionCompiler,
    private readonly settings: RegistrySettings,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(key: string): CompiledVersion | undefined {
    return this.entries.get(key);
  }

  brokenVersion(key: string): { version: number; error: string } | undefined {
    return this.broken.get(key);
  }

  keys(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Reads every active version and compiles it. Throws if the store cannot be read (start-up needs it). */
  async load(): Promise<void> {
    await this.reload();
  }

  /**
   * An activation in this process: swap at once, before the activation's HTTP answer leaves. A version that is no
   * longer active (retired without a successor) is dropped if it is the one held, so its key stops deciding.
   */
  install(v: RuleSetVersion): void {
    if (v.status !== 'active' && this.entries.get(v.key)?.ref.version !== v.version && this.broken.get(v.key)?.version !== v.version) return;
    this.generation++;
    this.installedAt.set(v.key, this.generation);
    if (v.status === 'active') this.apply(v);
    else {
      this.log.info({ key: v.key, version: v.version }, 'active rule sets: no active version any more');
      this.entries.delete(v.key);
      this.broken.delete(v.key);
    }
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.settings.pollIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One poll: reload when the activation sequence moved, or every `fullReloadEvery` polls. Never throws. */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const seq = await this.store.activationSequence();
      this.polls++;
      if (seq !== this.sequence || this.polls % this.settings.fullReloadEvery === 0) await this.reload(seq);
      else this.synced();
    } catch (e) {
      if (this.syncError === null) this.log.warn({ err: e }, 'active rule sets: cannot read the store; deciding with the versions held in memory');
      this.syncError = e instanceof Error ? e.message : String(e);
    } finally {
      this.polling = false;
    }
  }

  status() {
    return {
      active: this.keys().map((k) => ({ key: k, version: this.entries.get(k)!.ref.version })),
      broken: [...this.broken].map(([key, b]) => ({ key, ...b })),
      activationSequence: this.sequence,
      lastSyncAt: this.lastSyncAt,
      syncError: this.syncError,
    };
  }

  private async reload(knownSeq?: number): Promise<void> {
    const started = this.generation;
    // The sequence is read before the list: an activation committed in between bumps it again, so the next poll
    // reloads once more rather than missing it.
    const seq = knownSeq ?? (await this.store.activationSequence());
    const versions = await this.store.listActive();
    const seen = new Set<string>();
    for (const v of versions) {
      seen.add(v.key);
      if ((this.installedAt.get(v.key) ?? 0) > started) continue;
      this.apply(v);
    }
    for (const key of [...this.entries.keys(), ...this.broken.keys()]) {
      if (seen.has(key) || (this.installedAt.get(key) ?? 0) > started) continue;
      this.log.info({ key }, 'active rule sets: no active version any more');
      this.entries.delete(key);
      this.broken.delete(key);
    }
    this.sequence = seq;
    this.synced();
  }

  private apply(v: RuleSetVersion): void {
    const cur = this.entries.get(v.key);
    if (cur && cur.ref.version === v.version && cur.ref.contentHash === v.contentHash) return;
    try {
      const compiled = this.compiler.compile(v);
      // Replace the map entry in one assignment: a decision either got the old entry or gets the new one.
      this.entries.set(v.key, compiled);
      this.broken.delete(v.key);
      if (cur) this.log.info({ key: v.key, from: cur.ref.version, to: v.version }, 'active rule sets: swapped');
    } catch (e) {
      this.log.error({ err: e, key: v.key, version: v.version }, 'active rule sets: the active version does not compile; its decisions are refused until it is fixed');
      this.entries.delete(v.key);
      this.broken.set(v.key, { version: v.version, error: e instanceof Error ? e.message : String(e) });
    }
  }

  private synced(): void {
    this.lastSyncAt = this.now().toISOString();
    if (this.syncError !== null) this.log.info('active rule sets: the store can be read again');
    this.syncError = null;
  }
}
