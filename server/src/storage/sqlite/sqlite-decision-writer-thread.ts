import { Worker } from 'node:worker_threads';
import type { AppendOutcome } from '../../modules/decisions/decision-log-store';

/** One decision_log row, in column order: id, rule_set_key, rule_set_version, outcome, client_id, caller_id, caller_name, evaluated_at, idempotency_key, doc. */
export type DecisionRow = [string, string, number, string | null, string | null, string, string, string, string | null, string];

/**
 * The insert transaction, shared by the writer thread and the in-thread fallback (`:memory:` databases). Kept as
 * source text because the thread is started from a string: a .ts worker file would need a loader under jest, tsx
 * and the compiled build alike.
 */
const APPEND_SOURCE = `
function makeAppend(db) {
  const insert = db.prepare(
    'INSERT INTO decision_log (id, rule_set_key, rule_set_version, outcome, client_id, caller_id, caller_name, evaluated_at, idempotency_key, doc) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const idExists = db.prepare('SELECT 1 FROM decision_log WHERE id = ?').pluck();
  const byIdem = db.prepare('SELECT id FROM decision_log WHERE caller_id = ? AND idempotency_key = ?').pluck();
  const one = (r) => {
    if (insert.run(r).changes === 1) return { status: 'inserted' };
    if (idExists.get(r[0])) return { status: 'duplicate_id' };
    const existingId = r[8] === null ? undefined : byIdem.get(r[5], r[8]);
    if (existingId) return { status: 'duplicate_idempotency_key', existingId };
    throw new Error('decision ' + r[0] + ' was neither inserted nor found to be a duplicate');
  };
  const tx = db.transaction((rows) => rows.map(one));
  return (rows) => tx.immediate(rows);
}
`;

const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${APPEND_SOURCE}
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const append = makeAppend(db);
parentPort.on('message', (m) => {
  if (m.close) { db.close(); parentPort.postMessage({ closed: true }); return; }
  try { parentPort.postMessage({ id: m.id, outcomes: append(m.rows) }); }
  catch (e) { parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) }); }
});
`;

/** The append transaction on a connection of this thread (for `:memory:` databases, which another thread cannot open). */
export function inThreadAppend(db: unknown): (rows: DecisionRow[]) => AppendOutcome[] {
  return new Function(`${APPEND_SOURCE}; return makeAppend;`)()(db);
}

interface Pending {
  resolve: (o: AppendOutcome[]) => void;
  reject: (e: Error) => void;
}

/**
 * Commits decision-log transactions on a worker thread with its own connection (synchronous=FULL). better-sqlite3
 * is synchronous: a commit that waits for fsync would otherwise stop the event loop for those milliseconds, and
 * every request with it. Here the main thread only sends the rows; while the thread syncs, the next group forms.
 * A thread that fails or exits rejects what it had and is started afresh on the next append.
 */
export class DecisionWriterThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  constructor(private readonly file: string) {}

  append(rows: DecisionRow[]): Promise<AppendOutcome[]> {
    const w = this.worker ?? this.spawn();
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) w.ref();
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, rows });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    if (!w) return;
    this.worker = null;
    w.ref();
    // Messages are handled in order, so the close comes after every append already sent.
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      w.once('exit', done);
      w.on('message', (m: { closed?: boolean }) => {
        if (m.closed) void w.terminate().then(done, done);
      });
      w.postMessage({ close: true });
    });
  }

  private spawn(): Worker {
    const w = new Worker(THREAD_SOURCE, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file: this.file } });
    w.unref();
    w.on('message', (m: { id?: number; outcomes?: AppendOutcome[]; error?: string }) => {
      if (m.id === undefined) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.outcomes!);
    });
    const fail = (e: Error) => {
      if (this.worker === w) this.worker = null;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the decision-log writer thread exited (${code})`)));
    this.worker = w;
    return w;
  }
}
