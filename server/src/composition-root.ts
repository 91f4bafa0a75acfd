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
import { EngineCache } from './modules/engine';
import { analyzeRuleSet } from './modules/engine/analysis';
import { FACT_CATALOG, factsRoutes } from './modules/facts';
import { EngineRuleSetChecker, type Analyzer } from './modules/rule-sets/engine-rule-set-checker';
import { RuleSetConsole } from './modules/rule-sets/rule-set-console';
import { ruleSetRoutes } from './modules/rule-sets/rule-set-routes';
import { RuleSetService } from './modules/rule-sets/rule-set-service';
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
export async function compose(config: Config, log: Logger, clock: Clock = systemClock) {
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

  let seeded: { demo: boolean };
  try {
    seeded = await seedNewStore({ config, log, stores, users, ruleSets });
  } catch (e) {
    await stores.close();
    throw e;
  }

  const routes: RouteDef[] = [
    ...authRoutes({ auth, users, apiKeys, cookieSecure: config.cookieSecure, demo: seeded.demo }),
    ...ruleSetRoutes(ruleSets, ruleSetConsole, analyze),
    ...factsRoutes({ clock }),
    ...auditRoutes(stores.audit),
  ];
  let openApi: ReturnType<typeof buildOpenApi> | undefined;
  const app = buildApp({
    publicRouters: [docsRouter(() => (openApi ??= buildOpenApi(routes, validator.schemas, packageVersion())))],
    log,
    validator,
    routes,
    auth,
    apiKeys,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    uiDir: config.serveUi ? join(repoRoot(), 'dist', 'admin-ui') : undefined,
    ready: async () => {
      try {
        await stores.ping();
        return { ready: true, details: { store: stores.kind } };
      } catch (e) {
        return { ready: false, details: { store: stores.kind, error: (e as Error).message } };
      }
    },
  });
  return {
    app,
    routes,
    stores,
    services: { users, auth, apiKeys, ruleSets, ruleSetConsole, engine },
    validator,
    async close() {
      await stores.close();
    },
  };
}

export type Composition = Awaited<ReturnType<typeof compose>>;

function packageVersion(): string {
  return (require(join(repoRoot(), 'package.json')) as { version: string }).version;
}
