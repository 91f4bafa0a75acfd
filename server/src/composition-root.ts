import { join } from 'node:path';
import type { Config } from './config';
import type { Logger } from './logger';
import { buildApp } from './http/app';
import type { RouteDef } from './http/route';
import { docsRouter } from './http/docs-routes';
import { buildOpenApi } from './http/openapi';
import { auditRoutes } from './modules/audit/audit-routes';
import { ApiKeyService } from './modules/auth/api-key-service';
import { AuthService } from './modules/auth/auth-service';
import { authRoutes } from './modules/auth/auth-routes';
import { UserService } from './modules/auth/user-service';
import { csvColumns } from './modules/clients/client-csv';
import { ClientImportService } from './modules/clients/client-import-service';
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
import { EngineRuleSetChecker, type Analyzer } from './modules/rule-sets/engine-rule-set-checker';
import { RuleSetConsole } from './modules/rule-sets/rule-set-console';
import { ruleSetRoutes } from './modules/rule-sets/rule-set-routes';
import { RuleSetService } from './modules/rule-sets/rule-set-service';
import { SimulationRunner } from './modules/simulations/simulation-runner';
import { simulationRoutes } from './modules/simulations/simulation-routes';
import { SimulationService } from './modules/simulations/simulation-service';
import { UploadService } from './modules/simulations/upload-service';
import { repoRoot } from './shared/paths';
import { systemClock, type Clock } from './shared/clock';
import { SchemaValidator } from './shared/validation';
import { openStores } from './storage/open-stores';
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
  const decisions = new DecisionService({ registry: activeRuleSets, compiler, ruleSets: stores.ruleSets, log: decisionLog, writer: decisionWriter, metrics, validator, clock });

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

  let seeded: { demo: boolean };
  try {
    seeded = await seedNewStore({ config, log, stores, users, ruleSets });
    await activeRuleSets.load();
    decisionWriter.start();
    await simulations.recoverInterrupted(stores.kind !== 'mongo');
  } catch (e) {
    await stores.close();
    throw e;
  }

  const routes: RouteDef[] = [
    ...authRoutes({ auth, users, apiKeys, cookieSecure: config.cookieSecure, demo: seeded.demo }),
    ...ruleSetRoutes(ruleSets, ruleSetConsole, analyze),
    ...factsRoutes({ clock }),
    ...auditRoutes(stores.audit),
    ...clientRoutes(clients, clientImports),
    ...decisionRoutes(decisions, new RateLimiter(config.apiKeyRatePerSecond)),
    ...simulationRoutes(simulations, simulationRunner),
  ];
  activeRuleSets.start();
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
    services: { users, auth, apiKeys, ruleSets, ruleSetConsole, engine, clients, clientImports, decisions, activeRuleSets, decisionWriter, metrics, simulations, simulationRunner },
    validator,
    async close() {
      activeRuleSets.stop();
      await decisionWriter.close();
      await simulationRunner.close();
      await clientImports.close();
      await stores.close();
    },
  };
}

export type Composition = Awaited<ReturnType<typeof compose>>;

function packageVersion(): string {
  return (require(join(repoRoot(), 'package.json')) as { version: string }).version;
}
