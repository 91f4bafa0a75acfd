import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Config } from './config';
import type { Logger } from './logger';
import type { UserService } from './modules/auth/user-service';
import type { RuleSetService } from './modules/rule-sets/rule-set-service';
import { SYSTEM_ACTOR } from './shared/actor';
import { ValidationError } from './shared/errors';
import { repoRoot } from './shared/paths';
import type { Stores } from './storage/stores';

export const DEMO_PASSWORD = 'covenant-demo';
const DEMO_USERS = [
  { username: 'admin', displayName: 'Demo administrator', roles: ['admin'] as const },
  { username: 'analyst', displayName: 'Demo analyst (policy author)', roles: ['analyst'] as const },
  { username: 'analyst2', displayName: 'Second demo analyst', roles: ['analyst'] as const },
  { username: 'approver', displayName: 'Demo approver', roles: ['approver'] as const },
];

/**
 * First start of an empty store. Embedded, non-production: demo users (a published password, labelled demo) and
 * the rule library from rules/. MongoDB or production: no default password ever exists — the first admin comes
 * from COVENANT_ADMIN_PASSWORD, and we refuse to start without it.
 */
export async function seedNewStore(d: { config: Config; log: Logger; stores: Stores; users: UserService; ruleSets: RuleSetService }): Promise<{ demo: boolean; demoBook: boolean }> {
  const { config, log, users } = d;
  const userCount = await users.count();
  if (userCount === 0) {
    if (config.seedDemo) {
      for (const u of DEMO_USERS) await users.create({ ...u, roles: [...u.roles], password: DEMO_PASSWORD, demo: true }, SYSTEM_ACTOR);
      log.warn({ users: DEMO_USERS.map((u) => u.username) }, `DEMO ONLY: created users admin, analyst, analyst2 and approver with the password '${DEMO_PASSWORD}'. Never use this store in production.`);
    } else {
      if (!config.adminPassword)
        throw new Error('The store has no users. Set COVENANT_ADMIN_PASSWORD (at least 12 characters) to create the first admin; no default password exists outside demo mode.');
      try {
        await users.create({ username: 'admin', displayName: 'Administrator', roles: ['admin'], password: config.adminPassword }, SYSTEM_ACTOR);
      } catch (e) {
        if (e instanceof ValidationError) throw new Error(`COVENANT_ADMIN_PASSWORD does not meet the password policy: it ${e.errors.map((x) => x.message).join('; ')}.`);
        throw e;
      }
      log.info('created the first admin user from COVENANT_ADMIN_PASSWORD');
    }
  }
  if (config.seedDemo && (await d.ruleSets.list()).length === 0) await loadRuleLibrary(d.ruleSets, log);
  const demo = (await users.list()).some((u) => u.demo);
  // A demo book (COVENANT_DEMO_CLIENTS, default 2,000) so the UI has clients to classify and alerts to work on. It is
  // loaded by the composition root once the server is up (seconds of work), then scanned.
  const demoBook = config.seedDemo && d.stores.isNew && config.demoClients > 0 && (await d.stores.clients.count({})) === 0;
  return { demo, demoBook };
}

/** Installs every rule set under rules/ as an active version, under the system actor. */
export async function loadRuleLibrary(ruleSets: RuleSetService, log: Logger, dir = join(repoRoot(), 'rules')): Promise<string[]> {
  const loaded: string[] = [];
  for (const file of listJson(dir)) {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    try {
      await ruleSets.installBaseline(doc, SYSTEM_ACTOR);
      loaded.push(doc.key);
    } catch (e) {
      log.error({ file: relative(repoRoot(), file), err: e }, 'could not install a shipped rule set');
      throw e;
    }
  }
  if (loaded.length) log.info({ ruleSets: loaded }, 'installed the default rule library as active versions');
  return loaded;
}

export function listJson(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listJson(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}
