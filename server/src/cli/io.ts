/** Where the CLI writes: the process streams in production, string buffers in tests. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Environment the CLI may read (COVENANT_SERVER, COVENANT_API_KEY); main.ts passes process.env. */
  env: Record<string, string | undefined>;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
  fetch?: typeof fetch;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, remote: 3 } as const;
