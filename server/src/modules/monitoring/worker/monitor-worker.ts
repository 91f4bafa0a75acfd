import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { compileRuleSet } from '../../engine';
import type { ClientStore } from '../../clients/client-store';
import { SqliteClientStore } from '../../../storage/sqlite/sqlite-client-store';
import type { SqliteAuditStore } from '../../../storage/sqlite/sqlite-audit-store';
import { evaluateClient, type EvaluableRuleSet } from '../client-findings';
import { monitoredClient } from '../client-monitor';
import type { FromMonitorWorker, MonitorWorkerInit, ToMonitorWorker } from './worker-protocol';

/**
 * A scan worker thread: compiles the scan's rule-set versions once, then derives facts and evaluates clients
 * (derive() is the costly part of a scan). Either the main thread sends the clients ('evaluate'), or — on the
 * embedded store — the worker reads the batch itself through the register's own SQLite adapter on a read-only
 * connection ('scan'), so the profiles are parsed once, here, instead of parsed in the main thread and copied over.
 */
const port = parentPort!;
const init = workerData as MonitorWorkerInit;
const post = (m: FromMonitorWorker) => port.postMessage(m);
const sets: EvaluableRuleSet[] = init.ruleSets.map((r) => ({ key: r.key, version: r.version, family: r.family, evaluator: compileRuleSet(r.document, { tracing: false }) }));

let store: ClientStore | null = null;
if (init.sqliteFile) {
  const db = new Database(init.sqliteFile, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // Reads only: the adapter's audit store is never called.
  store = new SqliteClientStore(db, null as unknown as SqliteAuditStore);
}

port.on('message', async (m: ToMonitorWorker) => {
  try {
    if (m.type === 'evaluate') return post({ type: 'result', seq: m.seq, findings: m.clients.map((c) => evaluateClient(c, sets, m.asOf)) });
    if (!store) throw new Error('this worker has no store to scan');
    if (m.type === 'read-ids') {
      // Changed clients (an import's backlog): read here, like a scan batch; a client deleted meanwhile is left out.
      const found = [];
      for (const id of m.ids) {
        const r = await store.get(id);
        if (r) found.push(r);
      }
      const findings = found.map((r) => evaluateClient({ id: r.id, revision: r.revision, profile: r.profile }, sets, m.asOf));
      return post({ type: 'scanned', seq: m.seq, clients: found.map(monitoredClient), findings });
    }
    const records = await store.scan(m.after, m.limit);
    post({ type: 'read', seq: m.seq, lastId: records.length ? records[records.length - 1].id : null, count: records.length });
    const findings = records.map((r) => evaluateClient({ id: r.id, revision: r.revision, profile: r.profile }, sets, m.asOf));
    post({ type: 'scanned', seq: m.seq, clients: records.map(monitoredClient), findings });
  } catch (e) {
    post({ type: 'error', seq: m.seq, message: e instanceof Error ? e.message : String(e) });
  }
});
