import type { Stores } from '../stores';
import { openDatabase } from './database';
import { SqliteAlertStore } from './sqlite-alert-store';
import { SqliteApiKeyStore } from './sqlite-api-key-store';
import { SqliteAuditStore } from './sqlite-audit-store';
import { SqliteClientStore } from './sqlite-client-store';
import { SqliteDecisionLogStore } from './sqlite-decision-log-store';
import { SqliteRuleSetStore } from './sqlite-rule-set-store';
import { SqliteScanStore } from './sqlite-scan-store';
import { SqliteSessionStore } from './sqlite-session-store';
import { SqliteSimulationStore } from './sqlite-simulation-store';
import { SqliteUserStore } from './sqlite-user-store';

/**
 * The embedded store: one SQLite file, one connection. All stores share the connection so that a mutation and the
 * audit events it appends commit in one transaction.
 */
export function openSqliteStores(file: string): Stores {
  const { db, isNew } = openDatabase(file);
  const audit = new SqliteAuditStore(db);
  const ping = db.prepare('SELECT 1').pluck();
  // The decision log commits on a writer thread of its own at synchronous=FULL (docs/decisions/005).
  const decisions = new SqliteDecisionLogStore(db, file);
  return {
    kind: 'sqlite',
    audit,
    ruleSets: new SqliteRuleSetStore(db, audit),
    users: new SqliteUserStore(db, audit),
    sessions: new SqliteSessionStore(db),
    apiKeys: new SqliteApiKeyStore(db, audit),
    clients: new SqliteClientStore(db, audit),
    decisions,
    simulations: new SqliteSimulationStore(db, audit),
    alerts: new SqliteAlertStore(db, audit),
    scans: new SqliteScanStore(db, audit),
    isNew,
    ping: async () => {
      ping.get();
    },
    close: async () => {
      await decisions.close();
      if (db.open) db.close();
    },
  };
}
