import type { Request, Response } from 'express';
import { UNFINISHED, type Simulation } from './simulation';
import type { SimulationRunner } from './simulation-runner';

const KEEPALIVE_MS = 15_000;

type Shown = Pick<Simulation, 'id' | 'status' | 'progress' | 'error'>;
const final = (sim: Shown) => ({ id: sim.id, status: sim.status, progress: sim.progress, error: sim.error });

/**
 * Server-sent events for one run: the current progress at once, `progress` events while it runs, then a single
 * `end` event with the final status, after which the stream closes. A run that is already over gets only `end`.
 * A run this process does not execute (queued elsewhere, or dead) gets its stored state and `end` only when final.
 */
export async function streamEvents(req: Request, res: Response, load: () => Promise<Shown>, runner: SimulationRunner): Promise<void> {
  let sim = await load();
  // The stored state may predate the end of a run that finished while it was read: read once more.
  if (UNFINISHED.includes(sim.status) && !runner.owns(sim.id)) sim = await load();
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  res.write('retry: 2000\n\n');
  if (!UNFINISHED.includes(sim.status) || !runner.owns(sim.id)) {
    send(UNFINISHED.includes(sim.status) ? 'progress' : 'end', final(sim));
    res.end();
    return;
  }
  send('progress', { id: sim.id, status: sim.status, progress: runner.progressOf(sim.id) ?? sim.progress });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  const stop = () => {
    clearInterval(keepalive);
    unsubscribe();
  };
  const unsubscribe = runner.subscribe(sim.id, (e) => {
    if (e.type === 'progress') return void send('progress', { id: sim.id, status: 'running', progress: e.progress });
    send('end', final(e.sim));
    stop();
    res.end();
  });
  req.on('close', stop);
}
