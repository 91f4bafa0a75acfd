/**
 * Measurement helpers. Throughput loops are time-boxed and repeated, and the median of the rounds is reported
 * (these machines are noisy, bench-notes.md). Latency is timed call by call with hrtime; for sub-microsecond
 * calls the timer itself (~30–60 ns a pair) is part of the figure, so `timerOverheadNs` is reported beside it.
 */
export interface Throughput {
  /** Decisions per wall-clock second (median of the rounds). */
  perSecond: number;
  /**
   * Decisions per CPU-second of this process (all its threads: zen's Rust workers and the GC included).
   * On a shared, loaded machine this moves less than the wall-clock figure.
   */
  perCpuSecond: number;
  rounds: number[];
}
export interface Latency {
  p50us: number;
  p99us: number;
  samples: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Keeps results alive so the optimiser cannot drop the work. */
export let sink = 0;
export function consume(v: unknown): void {
  if (v === sink) sink++;
}

export function throughputSync<T>(inputs: T[], fn: (x: T) => unknown, ms: number, rounds: number): Throughput {
  const results: number[] = [];
  const perCpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const end = now() + ms;
    const start = now();
    const cpu0 = process.cpuUsage();
    let n = 0;
    let last: unknown;
    for (;;) {
      for (let k = 0; k < 256; k++) last = fn(inputs[(n + k) % inputs.length]);
      n += 256;
      if (now() >= end) break;
    }
    consume(last);
    results.push((n / (now() - start)) * 1000);
    perCpu.push((n / cpuMs(cpu0)) * 1000);
  }
  return { perSecond: median(results), perCpuSecond: median(perCpu), rounds: results };
}

export async function throughputAsync<T>(inputs: T[], fn: (x: T) => Promise<unknown>, ms: number, rounds: number, inFlight = 1): Promise<Throughput> {
  const results: number[] = [];
  const perCpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const end = now() + ms;
    const start = now();
    const cpu0 = process.cpuUsage();
    let n = 0;
    while (now() < end) {
      if (inFlight === 1) consume(await fn(inputs[n % inputs.length]));
      else consume(await Promise.all(Array.from({ length: inFlight }, (_, k) => fn(inputs[(n + k) % inputs.length]))));
      n += inFlight;
    }
    results.push((n / (now() - start)) * 1000);
    perCpu.push((n / cpuMs(cpu0)) * 1000);
  }
  return { perSecond: median(results), perCpuSecond: median(perCpu), rounds: results };
}

export function latencySync<T>(inputs: T[], fn: (x: T) => unknown, samples: number): Latency {
  const times = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    consume(fn(inputs[i % inputs.length]));
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const sorted = Array.from(times).sort((a, b) => a - b);
  return { p50us: percentile(sorted, 50), p99us: percentile(sorted, 99), samples };
}

export async function latencyAsync<T>(inputs: T[], fn: (x: T) => Promise<unknown>, samples: number): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    consume(await fn(inputs[i % inputs.length]));
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return { p50us: percentile(times, 50), p99us: percentile(times, 99), samples };
}

export function timerOverheadNs(): number {
  const xs: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const t0 = process.hrtime.bigint();
    xs.push(Number(process.hrtime.bigint() - t0));
  }
  return median(xs);
}

export function timeMs(fn: () => unknown): number {
  const t0 = now();
  consume(fn());
  return now() - t0;
}
