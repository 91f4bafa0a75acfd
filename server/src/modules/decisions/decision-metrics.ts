import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Distinct outcome label values kept per rule set; past this, further values count as "other" (bounded cardinality). */
const MAX_OUTCOMES_PER_RULE_SET = 20;

/**
 * The service's Prometheus metrics, in a registry of their own per composition (never prom-client's global one),
 * so two compositions in one process — the multi-instance tests — do not mix their numbers.
 */
export class DecisionMetrics {
  readonly registry = new Registry();
  private readonly decisions: Counter<'rule_set' | 'outcome'>;
  private readonly decisionSeconds: Histogram<'endpoint'>;
  private readonly logWriteSeconds: Histogram<'target'>;
  private readonly logBatchSize: Histogram;
  private readonly errors: Counter<'code' | 'status'>;
  private readonly outcomes = new Map<string, Set<string>>();

  constructor(spool: () => { depth: number; bytes: number; degraded: boolean }, options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.decisions = new Counter({ name: 'covenant_decisions_total', help: 'Decisions made and logged, by rule set and outcome', labelNames: ['rule_set', 'outcome'], registers });
    this.decisionSeconds = new Histogram({
      name: 'covenant_decision_duration_seconds',
      help: 'Time to answer a decision request, from route to response (batch: the whole batch), including the log commit',
      labelNames: ['endpoint'],
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.logWriteSeconds = new Histogram({
      name: 'covenant_decision_log_write_seconds',
      help: 'Time to commit one group of decision records (to the store, or fsync to the spool)',
      labelNames: ['target'],
      buckets: [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2],
      registers,
    });
    this.logBatchSize = new Histogram({ name: 'covenant_decision_log_batch_records', help: 'Records per group commit', buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096], registers });
    new Gauge({ name: 'covenant_decision_spool_records', help: 'Decision records in the local spool, waiting for the store', registers, collect() { this.set(spool().depth); } });
    new Gauge({ name: 'covenant_decision_spool_bytes', help: 'Bytes in the local decision spool', registers, collect() { this.set(spool().bytes); } });
    new Gauge({ name: 'covenant_decision_log_degraded', help: '1 while decisions are spooled locally because the store cannot be written', registers, collect() { this.set(spool().degraded ? 1 : 0); } });
    this.errors = new Counter({ name: 'covenant_http_errors_total', help: 'Error responses, by problem code and status', labelNames: ['code', 'status'], registers });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'covenant_' });
  }

  decided(ruleSet: string, outcome: string | null): void {
    this.decisions.inc({ rule_set: ruleSet, outcome: this.outcomeLabel(ruleSet, outcome) });
  }

  decidedMany(ruleSet: string, outcomes: (string | null)[]): void {
    const counts = new Map<string, number>();
    for (const o of outcomes) {
      const label = this.outcomeLabel(ruleSet, o);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    for (const [outcome, n] of counts) this.decisions.inc({ rule_set: ruleSet, outcome }, n);
  }

  observeDecision(endpoint: 'single' | 'batch', seconds: number): void {
    this.decisionSeconds.observe({ endpoint }, seconds);
  }

  observeLogWrite(target: 'store' | 'spool', seconds: number, records: number): void {
    this.logWriteSeconds.observe({ target }, seconds);
    this.logBatchSize.observe(records);
  }

  error(code: string, status: number): void {
    this.errors.inc({ code, status: String(status) });
  }

  async render(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }

  private outcomeLabel(ruleSet: string, outcome: string | null): string {
    const o = outcome ?? 'none';
    let seen = this.outcomes.get(ruleSet);
    if (!seen) this.outcomes.set(ruleSet, (seen = new Set()));
    if (seen.has(o)) return o;
    if (seen.size >= MAX_OUTCOMES_PER_RULE_SET) return 'other';
    seen.add(o);
    return o;
  }
}
