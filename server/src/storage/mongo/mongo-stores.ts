import mongoose from 'mongoose';
import type { Stores } from '../stores';
import { ALERT_NOTES, ALERTS, alertModels } from './alert-models';
import { apiKeyModel, API_KEYS } from './api-key-model';
import { AUDIT_EVENTS, auditEventModel } from './audit-event-model';
import { CLIENT_IMPORTS, CLIENT_SEGMENT_HISTORY, CLIENTS, clientModels } from './client-models';
import { COUNTERS, counterModel } from './counter-model';
import { DECISION_LOG, decisionRecordModel } from './decision-record-model';
import { MongoAlertStore } from './mongo-alert-store';
import { MongoApiKeyStore } from './mongo-api-key-store';
import { MongoAuditStore } from './mongo-audit-store';
import { MongoClientStore } from './mongo-client-store';
import { MongoDecisionLogStore } from './mongo-decision-log-store';
import { MongoRuleSetStore } from './mongo-rule-set-store';
import { MongoScanStore } from './mongo-scan-store';
import { MongoSessionStore } from './mongo-session-store';
import { MongoSimulationStore } from './mongo-simulation-store';
import { MongoUserStore } from './mongo-user-store';
import { RULE_SET_VERSIONS, ruleSetVersionModel } from './rule-set-version-model';
import { MONITORING_SCANS, scanModels } from './scan-models';
import { SESSIONS, sessionModel } from './session-model';
import { SIMULATION_CHANGES, SIMULATION_UPLOADS, SIMULATIONS, simulationModels } from './simulation-models';
import { USERS, userModel } from './user-model';

const OUR_COLLECTIONS = [RULE_SET_VERSIONS, AUDIT_EVENTS, USERS, SESSIONS, API_KEYS, COUNTERS, DECISION_LOG, CLIENTS, CLIENT_SEGMENT_HISTORY, CLIENT_IMPORTS, SIMULATIONS, SIMULATION_CHANGES, SIMULATION_UPLOADS, ALERTS, ALERT_NOTES, MONITORING_SCANS];

export interface MongoStoreOptions {
  /** Overrides the database named in the URI (the contract tests use a throwaway database per run). */
  dbName?: string;
}

/**
 * The production store. It needs a **replica set** (a single-node one is enough) or a sharded cluster, MongoDB 4.4
 * or newer: every mutation commits together with its audit events in a multi-document transaction, and a standalone
 * server refuses transactions.
 *
 * The connection is our own (`createConnection`), not mongoose's global default, so tests and other code using
 * mongoose cannot interfere with it. Indexes are synchronised on open because the uniqueness promises of the ports
 * (one active version per key, unique usernames and prefixes) are backed by them.
 */
export async function openMongoStores(uri: string, options: MongoStoreOptions = {}): Promise<Stores> {
  const conn = mongoose.createConnection(uri, { autoIndex: true, autoCreate: true, ...(options.dbName ? { dbName: options.dbName } : {}) });
  try {
    await conn.asPromise();
    const existing = new Set((await conn.listCollections()).map((c) => c.name));
    const isNew = !OUR_COLLECTIONS.some((name) => existing.has(name));
    const models = {
      ruleSets: ruleSetVersionModel(conn),
      audit: auditEventModel(conn),
      users: userModel(conn),
      sessions: sessionModel(conn),
      apiKeys: apiKeyModel(conn),
      counters: counterModel(conn),
      ...clientModels(conn),
      decisions: decisionRecordModel(conn),
      ...simulationModels(conn),
      ...alertModels(conn),
      ...scanModels(conn),
    };
    // init() creates the collections up front: implicit creation inside a transaction is not allowed on every server.
    await Promise.all(Object.values(models).map((m) => m.init()));
    await conn.syncIndexes();
    const audit = new MongoAuditStore(conn, models.audit);
    return {
      kind: 'mongo',
      audit,
      ruleSets: new MongoRuleSetStore(conn, models.ruleSets, models.counters, audit),
      users: new MongoUserStore(conn, models.users, audit),
      sessions: new MongoSessionStore(models.sessions),
      apiKeys: new MongoApiKeyStore(conn, models.apiKeys, audit),
      clients: new MongoClientStore(conn, models.clients, models.clientHistory, models.clientImports, audit),
      decisions: new MongoDecisionLogStore(conn, models.decisions),
      simulations: new MongoSimulationStore(conn, models.simulations, models.simulationChanges, models.simulationUploads, audit),
      alerts: new MongoAlertStore(conn, models.alerts, models.alertNotes, audit),
      scans: new MongoScanStore(conn, models.scans, audit),
      isNew,
      ping: async () => {
        await conn.db!.command({ ping: 1 });
      },
      close: async () => {
        await conn.close();
      },
    };
  } catch (e) {
    await conn.close().catch(() => {});
    throw e;
  }
}
