import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RevisionConflictError } from '../../server/src/shared/errors';
import { openSqliteStores } from '../../server/src/storage/sqlite/sqlite-stores';
import type { Stores } from '../../server/src/storage/stores';
import { activateAsServiceWould, allEvents, versionIn } from './fixtures';

/**
 * The one-active-version promise across connections, which the shared contract suite (one connection) cannot
 * reach: separate connections on one file, first in this thread, then in two worker threads that really run at
 * the same time. Each round races the activation of two approved versions of a fresh key.
 */
const ROUNDS = 20;

type Outcome = { ok: true } | { ok: false; name: string; code?: string; message: string };

let dir: string;
let file: string;
let main: Stores;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'covenant-race-'));
  file = join(dir, 'covenant.db');
  main = openSqliteStores(file);
});

afterAll(async () => {
  await main.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Checks one round: exactly one active; the loser either conflicted and is untouched, or won earlier and was retired. */
async function checkRound(key: string, outcomes: Outcome[], sequenceBefore: number, eventsBefore: number): Promise<'conflict' | 'sequential'> {
  const versions = await main.ruleSets.listVersions(key);
  expect(versions.filter((v) => v.status === 'active')).toHaveLength(1);
  const wins = outcomes.filter((o) => o.ok).length;
  expect(wins).toBeGreaterThanOrEqual(1);
  expect(await main.ruleSets.activationSequence()).toBe(sequenceBefore + wins);
  if (wins === 1) {
    const loss = outcomes.find((o): o is Extract<Outcome, { ok: false }> => !o.ok)!;
    expect({ name: loss.name, code: loss.code }).toEqual({ name: 'RevisionConflictError', code: 'revision_conflict' });
    const loser = versions.find((v) => v.status !== 'active')!;
    expect({ status: loser.status, revision: loser.revision }).toEqual({ status: 'approved', revision: 3 });
    expect((await allEvents(main)).length).toBe(eventsBefore + 1);
    return 'conflict';
  }
  // Both succeeded: the second saw the first one's commit and retired it in its own transaction.
  expect(versions.map((v) => v.status).sort()).toEqual(['active', 'retired']);
  expect((await allEvents(main)).length).toBe(eventsBefore + 3);
  return 'sequential';
}

async function prepareRound(key: string): Promise<{ sequence: number; events: number }> {
  await versionIn(main, key, 'approved');
  await versionIn(main, key, 'approved');
  return { sequence: await main.ruleSets.activationSequence(), events: (await allEvents(main)).length };
}

const settle = async (p: Promise<unknown>): Promise<Outcome> =>
  p.then(
    () => ({ ok: true as const }),
    (e: Error & { code?: string }) => ({ ok: false as const, name: e.name, code: e.code, message: e.message }),
  );

test(`two connections in one thread: exactly one active version after ${ROUNDS} races`, async () => {
  const a = openSqliteStores(file);
  const b = openSqliteStores(file);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const key = `same-thread-${round}`;
      const before = await prepareRound(key);
      const [x, y] = round % 2 ? [a, b] : [b, a];
      const results = await Promise.allSettled([activateAsServiceWould(x, key, 1), activateAsServiceWould(y, key, 2)]);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(RevisionConflictError);
      await checkRound(key, await Promise.all(results.map((r) => settle(r.status === 'fulfilled' ? Promise.resolve() : Promise.reject(r.reason)))), before.sequence, before.events);
    }
  } finally {
    await a.close();
    await b.close();
  }
});

/** A worker thread with its own connection; TypeScript is loaded through tsx because jest's transform stops at the thread. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.tsx);
const { openSqliteStores } = require(workerData.stores);
const { activateAsServiceWould } = require(workerData.fixtures);
const stores = openSqliteStores(workerData.file);
const barrier = new Int32Array(workerData.barrier);
// Both workers have read before either writes: their write transactions then really contend for the lock.
const meetTheOther = () => {
  Atomics.add(barrier, 0, 1);
  Atomics.notify(barrier, 0);
  for (let seen; (seen = Atomics.load(barrier, 0)) < 2; ) Atomics.wait(barrier, 0, seen, 100);
};
parentPort.on('message', (m) => {
  if (m.type === 'close') return stores.close().then(() => parentPort.close());
  activateAsServiceWould(stores, m.key, m.version, m.meet ? meetTheOther : undefined).then(
    () => parentPort.postMessage({ ok: true }),
    (e) => parentPort.postMessage({ ok: false, name: e.name, code: e.code, message: e.message }),
  );
});
parentPort.postMessage({ ready: true });
`;

function startWorker(barrier: SharedArrayBuffer): Promise<{ run(key: string, version: number, meet: boolean): Promise<Outcome>; stop(): Promise<void> }> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      tsx: require.resolve('tsx/cjs'),
      stores: require.resolve('../../server/src/storage/sqlite/sqlite-stores.ts'),
      fixtures: require.resolve('./fixtures.ts'),
      file,
      barrier,
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () =>
      resolve({
        run: (key, version, meet) =>
          new Promise<Outcome>((done) => {
            worker.once('message', done);
            worker.postMessage({ key, version, meet });
          }),
        stop: async () => {
          worker.postMessage({ type: 'close' });
          await new Promise((r) => worker.once('exit', r));
        },
      }),
    );
  });
}

test(`two worker threads, each with its own connection: exactly one active version after ${ROUNDS} races`, async () => {
  const barrier = new SharedArrayBuffer(4);
  const [w1, w2] = await Promise.all([startWorker(barrier), startWorker(barrier)]);
  const seen = { conflict: 0, sequential: 0 };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const key = `threads-${round}`;
      const before = await prepareRound(key);
      // Odd rounds: read, meet, then race the writes. Even rounds: no meeting, whatever timing the threads get.
      const meet = round % 2 === 1;
      Atomics.store(new Int32Array(barrier), 0, 0);
      const outcomes = await Promise.all([w1.run(key, 1, meet), w2.run(key, 2, meet)]);
      seen[await checkRound(key, outcomes, before.sequence, before.events)]++;
    }
  } finally {
    await Promise.all([w1.stop(), w2.stop()]);
  }
  // Either interleaving is correct; this only shows which ones the run exercised.
  console.log(`SQLite worker race over ${ROUNDS} rounds: ${seen.conflict} conflicts, ${seen.sequential} sequential activations`);
});
