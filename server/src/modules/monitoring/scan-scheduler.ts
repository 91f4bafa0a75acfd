import type { Logger } from '../../logger';
import { SYSTEM_ACTOR } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/errors';
import type { CronSchedule } from './cron';
import type { ScanService } from './scan-service';

/** setTimeout's longest delay (about 24.8 days); a later slot is reached by re-arming. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Starts a full scan at every minute the cron expression (COVENANT_SCAN_CRON) names. The slot — that minute — is
 * stored with the scan and is unique, so several instances sharing a database start one scan per slot; the
 * others skip it. A slot that comes while a scan is still running here is skipped too (logged).
 */
export class ScanScheduler {
  private timer: NodeJS.Timeout | null = null;
  private nextAt: Date | null = null;

  constructor(
    private readonly cron: CronSchedule,
    private readonly scans: ScanService,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.arm();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }

  status() {
    return { cron: this.cron.expression, nextAt: this.nextAt?.toISOString() ?? null };
  }

  private arm(): void {
    const now = this.clock.now();
    const next = this.cron.next(now);
    this.nextAt = next;
    if (!next) return void this.log.warn({ cron: this.cron.expression }, 'monitoring: the scan schedule never fires again');
    const delay = next.getTime() - now.getTime();
    this.timer = setTimeout(() => (delay > MAX_DELAY ? this.arm() : void this.fire(next)), Math.min(delay, MAX_DELAY));
    this.timer.unref();
  }

  private async fire(slot: Date): Promise<void> {
    try {
      const scan = await this.scans.start({ trigger: 'schedule', actor: SYSTEM_ACTOR, slot: slot.toISOString() });
      this.log.info({ scanId: scan.id, slot: slot.toISOString() }, 'monitoring: scheduled scan started');
    } catch (e) {
      if (e instanceof AppError) this.log.warn({ code: e.code, slot: slot.toISOString() }, `monitoring: scheduled scan skipped: ${e.message}`);
      else this.log.error({ err: e }, 'monitoring: scheduled scan could not start');
    } finally {
      if (this.timer) this.arm();
    }
  }
}
