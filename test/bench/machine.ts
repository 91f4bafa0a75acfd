import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

export interface Machine {
  nproc: number;
  node: string;
  cpu: string;
  /** 1-minute load average at the start and the end of the run: other work on the machine skews every figure. */
  loadAverage: { start: number; end?: number };
}

export function describeMachine(): Machine {
  let cpu = 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: the model stays unknown
  }
  return { nproc: availableParallelism(), node: process.version, cpu, loadAverage: { start: loadavg()[0] } };
}
