import { join } from 'node:path';
import type { Config } from './config';
import type { Logger } from './logger';
import { buildApp } from './http/app';
import type { RouteDef } from './http/route';
import { docsRouter } from './http/docs-routes';
import { buildOpenApi } from './http/openapi';
import { alertRoutes } from './modules/alerts/alert-routes';
import { AlertService } from './modules/alerts/alert-service';
import { auditRoutes } from './modules/audit/audit-routes';
import { ApiKeyService } from './modules/auth/api-key-service';
import { AuthService } from './modules/auth/auth-service';
import { authRoutes } from './modules/auth/auth-routes';
import { UserService } from './modules/auth/user-service';
import { csvColumns } from './modules/clients/client-csv';
import { ClientImportService, IMPORT_STALE_AFTER_MS } from './modules/clients/client-import-service';
import { clientRoutes } from './modules/clients/client-routes';
import { ClientService } from './modules/clients/client-service';
import { ActiveRuleSets } from './modules/decisions/active-rule-sets';
import { VersionCompiler } from './modules/decisions/compiled-version';
import { DecisionLogWriter } from './modules/decisions/decision-log-writer';
import { DecisionMetrics } from './modules/decisions/decision-metrics';
import { decisionRoutes, metricsRouter } from './modules/decisions/decision-routes';
import { DecisionService } from './modules/decisions/decision-service';
import { decisionSettings, type DecisionSettings } from './modules/decisions/decision-settings';
import { DecisionSpool } from './modules/decisions/decision-spool';
import { RateLimiter } from './modules/decisions/rate-limiter';
import { EngineCache } from './modules/engine';
import { analyzeRuleSet } from './modules/engine/analysis';
import { FACT_CATALOG, factsRoutes } from './modules/facts';
import { ChangeMonitor } from './modules/monitoring/change-monitor';
import { ClientMonitor } from './modules/monitoring/client-monitor';
import { parseCron } from './modules/monitoring/cron';
import { evaluatorFactory, scanSourceFactory } from './modules/monitoring/evaluator';
import { monitoringRoutes } from './modules/monitoring/monitoring-routes';
import { registryRules } from './modules/monitoring/monitoring-rules';
import { ScanScheduler } from './modules/monitoring/scan-scheduler';
import { ScanService } from './modules/monitoring/scan-service';
import { seedDemoPortfolio } from './modules/portfolio/seed-demo';
import { EngineRuleSetChecker, type Analyzer } from './modules/rule-sets/engine-rule-set-checker';
import { RuleSetConsole } from './modules/rule-sets/rule-set-console';
import { ruleSetRoutes } from './modules/rule-sets/rule-set-routes';
import { RuleSetService } from './modules/rule-sets/rule-set-service';
import { SimulationRunner } from './modules/simulations/simulation-runner';
import { simulationRoutes } from './modules/simulations/simulation-routes';
import { SimulationService } from './modules/simulations/simulation-service';
import { UploadService } from './modules/simulations/upload-service';
import { SYSTEM_ACTOR } from './shared/actor';
import { NotFoundError } from './shared/errors';
import { repoRoot } from './shared/paths';
import { systemClock, type Clock } from './shared/clock';
import { SchemaValidator } from './shared/validation';
import { openStores, sqliteFileOf } from './storage/open-stores';
import type { Stores } from './storage/stores';
import { seedNewStore } from './seed';

/**
 * The one place that builds stores and services and wires them together. Nothing else calls `new` on a service
 * or opens a connection.
 */
export async function compose(config: Config, log: Logger, clock: Clock = systemClock, options: { decisions?: Partial<DecisionSettings> } = {}) {
  const validator = new SchemaValidator();
  const stores: Stores = await openStores(config);
  const users = new UserService(stores.users, stores.sessions, clock);
  const auth = new AuthService(stores.users, stores.sessions, clock, {
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    maxFailures: config.login.maxFailures,
    lockMinutes: config.login.lockMinutes,
  });
  const apiKeys = new ApiKeyService(stores.apiKeys, clock);
  const engine = new EngineCache(256);
  const analyze: Analyzer = (doc) => analyzeRuleSet(doc, FACT_CATALOG);
  const checker = new EngineRuleSetChecker(validator, engine, analyze);
  const ruleSets = new RuleSetService(stores.ruleSets, checker, clock);
  const ruleSetConsole = new RuleSetConsole(ruleSets, checker);
  const clients = new ClientService(stores.clients, validator, clock);
  const clientImports = new ClientImportService(clients, stores.clients, () => csvColumns(validator.schemas.get('client-profile') ?? {}), clock, { spoolDir: join(config.dataDir, 'imports') });

  // Decisions (DESIGN §5): active versions compiled in memory, a group-committed log, the fail-static spool.
  const ds = decisionSettings(options.decisions);
  const decisionLog = ds.wrapLogStore ? ds.wrapLogStore(stores.decisions) : stores.decisions;
  const compiler = new VersionCompiler(engine);
  const activeRuleSets = new ActiveRuleSets(stores.ruleSets, compiler, ds, log, () => clock.now());
  ruleSets.onActivation((v) => activeRuleSets.install(v));
  const spool = new DecisionSpool(join(config.dataDir, 'spool'), ds.spool, log);
  const metrics: DecisionMetrics = new DecisionMetrics(() => ({ depth: spool.depth, bytes: spool.bytes, degraded: decisionWriter.degraded }));
  const decisionWriter: DecisionLogWriter = new DecisionLogWriter(decisionLog, spool, ds, metrics, log);
  // Decisions by client id (issue 7): the facts derive() gives for the stored profile on the decision's day.
  const clientFacts = (id: string, asOf: string) => clients.facts(id, asOf).then((r) => ({ facts: r.facts }), (e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  const decisions = new DecisionService({ registry: activeRuleSets, compiler, ruleSets: stores.ruleSets, log: decisionLog, writer: decisionWriter, metrics, validator, clock, clientFacts });

  // What-if simulations (DESIGN §1, §6): one run at a time, in worker threads; they only read rules, uploads, decisions and clients.
  const simulationRunner = new SimulationRunner(stores.simulations, config.simulation, clock, log);
  const simulations = new SimulationService({
    store: stores.simulations,
    ruleSets: stores.ruleSets,
    documentProblems: (doc) => checker.saveProblems(doc),
    compile: (doc) => checker.compile(doc),
    runner: simulationRunner,
    uploads: new UploadService(stores.simulations, join(config.dataDir, 'uploads'), config.simulation, clock),
    decisions: stores.decisions,
    clients: stores.clients,
    clock,
    budget: config.simulation.budget,
    staleAfterMs: config.simulation.staleAfterMs,
  });
  ruleSets.setApprovalEvidence((key, version, simulationId) => simulations.assertApprovalEvidence(key, version, simulationId));

  // Monitoring (DESIGN §1): segmentation and warning rule sets on every client change, on a schedule and on demand;
  // signals become alerts (docs/decisions/007-monitoring-and-alerts.md).
  const alerts = new AlertService(stores.alerts, clock);
  const monitor = new ClientMonitor({ clients: stores.clients, alerts, clock, sla: config.monitoring.slaDays, calendar: config.monitoring.calendar });
  const monitoringRules = registryRules(activeRuleSets, (key, version) => stores.ruleSets.getVersion(key, version), (v) => compiler.compile(v).evaluator);
  const evaluator = evaluatorFactory(config.monitoring.workers, 200, stores.kind === 'sqlite' ? sqliteFileOf(config.dataDir) : null);
  const changeMonitor = new ChangeMonitor({ clients: stores.clients, monitor, rules: monitoringRules, evaluator, clock, log });
  const scanSource = scanSourceFactory({ workers: config.monitoring.workers, sqliteFile: stores.kind === 'sqlite' ? sqliteFileOf(config.dataDir) : null, clients: stores.clients, evaluator, batchSize: config.monitoring.batchSize });
  const scans = new ScanService({ store: stores.scans, clients: stores.clients, monitor, rules: monitoringRules, source: scanSource, clock, log, settings: config.monitoring });
  const scanScheduler = config.monitoring.scanCron ? new ScanScheduler(parseCron(config.monitoring.scanCron), scans, clock, log) : null;
  alerts.onClosed((clientId, by) => void monitor.refreshRiskLevel(clientId, by).catch((err) => log.error({ err, clientId }, 'monitoring: could not update the risk level')));
  clients.onChange((clientId, info) => {
    if (info.action === 'client.deleted')
      void alerts.closeForDeletedClient(clientId, info.by).catch((err) => log.error({ err, clientId }, 'alerts: could not close the alerts of a deleted client'));
  });

  let seeded: { demo: boolean; demoBook: boolean };
  try {
    seeded = await seedNewStore({ config, log, stores, users, ruleSets });
    await activeRuleSets.load();
    decisionWriter.start();
    await simulations.recoverInterrupted(stores.kind !== 'mongo');
    await scans.recoverInterrupted(stores.kind !== 'mongo');
    const imports = await clientImports.recoverUnfinished(stores.kind !== 'mongo', IMPORT_STALE_AFTER_MS);
    if (imports.resumed || imports.failed) log.warn(imports, 'client imports left unfinished by a stopped process: resumed from their spool or marked failed');
  } catch (e) {
    await stores.close();
    throw e;
  }
  // A new demo store gets its demo book after start-up, in the background, then a first scan classifies it (rather
  // than 2,000 change evaluations); changes are watched from then on. Otherwise they are watched from the start.
  let demoBook: Promise<void> | null = null;
  let closing = false;
  const demoTimer = seeded.demoBook
    ? setTimeout(() => {
        demoBook = (async () => {
          const { clients: n } = await seedDemoPortfolio(clients, config.demoClients);
          log.info({ clients: n }, 'DEMO ONLY: loaded synthetic demo clients (portfolio-spec.md); a first monitoring scan classifies them');
          clients.onChange(changeMonitor.listener);
          if (!closing) await scans.start({ trigger: 'startup', actor: SYSTEM_ACTOR });
        })().catch((err) => log.error({ err }, 'monitoring: loading or scanning the demo book failed'));
      }, 200)
    : (clients.onChange(changeMonitor.listener), null);
  demoTimer?.unref();

  // Express tries routes in order: the decision routes, called by upstream systems at volume, come first (no other
  // module's path starts with /api/v1/decisions, so the order changes no match).
  const routes: RouteDef[] = [
    ...decisionRoutes(decisions, new RateLimiter(config.apiKeyRatePerSecond)),
    ...authRoutes({ auth, users, apiKeys, cookieSecure: config.cookieSecure, demo: seeded.demo }),
    ...ruleSetRoutes(ruleSets, ruleSetConsole, analyze),
    ...factsRoutes({ clock }),
    ...auditRoutes(stores.audit),
    ...clientRoutes(clients, clientImports),
    ...simulationRoutes(simulations, simulationRunner),
    ...alertRoutes(alerts, clock),
    ...monitoringRoutes(scans, () => ({
      schedule: scanScheduler?.status() ?? null,
      running: scans.running(),
      pendingChanges: changeMonitor.backlog,
      ruleSets: monitoringRules.active().map(({ key, version, family }) => ({ key, version, family })),
      slaDays: config.monitoring.slaDays,
    })),
  ];
  activeRuleSets.start();
  scanScheduler?.start();
  let openApi: ReturnType<typeof buildOpenApi> | undefined;
  const app = buildApp({
    publicRouters: [docsRouter(() => (openApi ??= buildOpenApi(routes, validator.schemas, packageVersion()))), metricsRouter(metrics)],
    log,
    validator,
    routes,
    auth,
    apiKeys,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    uiDir: config.serveUi ? join(repoRoot(), 'dist', 'admin-ui') : undefined,
    // Ready means "can decide": with the store down, decisions go on from memory and the spool (status degraded,
    // still 200); only a full spool makes the instance unready (docs/decisions/005-decision-log-durability.md).
    ready: async () => {
      let error: string | undefined;
      try {
        await stores.ping();
      } catch (e) {
        error = (e as Error).message;
      }
      const registry = activeRuleSets.status();
      const degraded = error !== undefined || decisionWriter.degraded || registry.syncError !== null;
      const spoolFull = decisionWriter.degraded && spool.wouldOverflow(1, 0);
      const ruleSetsStatus = { active: registry.active.length, broken: registry.broken, lastSyncAt: registry.lastSyncAt, syncError: registry.syncError };
      return { ready: !spoolFull, details: { status: degraded ? 'degraded' : 'ready', store: stores.kind, ...(error ? { error } : {}), decisionLog: decisionWriter.status(), ruleSets: ruleSetsStatus } };
    },
    onError: (code, status) => metrics.error(code, status),
  });
  return {
    app,
    routes,
    stores,
    services: { users, auth, apiKeys, ruleSets, ruleSetConsole, engine, clients, clientImports, decisions, activeRuleSets, decisionWriter, metrics, simulations, simulationRunner, alerts, monitor, changeMonitor, scans },
    validator,
    async close() {
      closing = true;
      activeRuleSets.stop();
      await decisionWriter.close();
      await simulationRunner.close();
      scanScheduler?.stop();
      if (demoTimer) clearTimeout(demoTimer);
      await demoBook;
      await changeMonitor.close();
      await scans.close();
      await clientImports.close();
      await stores.close();
    },
  };
}

export type Composition = Awaited<ReturnType<typeof compose>>;

function packageVersion(): string {
  return (require(join(repoRoot(), 'package.json')) as { version: string }).version;
}
