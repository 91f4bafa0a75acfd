import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_SLA_DAYS, parseDateList, parseSlaDays, type BusinessCalendar, type SlaDays } from './modules/alerts/alert';
import { parseCron } from './modules/monitoring/cron';

/**
 * The only reader of process.env. Every setting is parsed and checked here; a bad value stops start-up with a
 * message naming the variable, so a misconfigured deployment never half-starts.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** 'sqlite' (embedded default), 'mongo' (MONGODB_URI set) or 'memory' (tests and throwaway demos). */
  store: 'sqlite' | 'mongo' | 'memory';
  mongodbUri?: string;
  logLevel: string;
  /** Only used to create the first admin on an empty production or MongoDB store. */
  adminPassword?: string;
  /** Seed demo users, rules and portfolio on a new embedded store (never in production or on MongoDB). */
  seedDemo: boolean;
  /** Synthetic clients loaded into a new demo store (a first monitoring scan then runs in the background). */
  demoClients: number;
  bodyLimitBytes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  corsOrigins: string[];
  login: { maxFailures: number; lockMinutes: number };
  apiKeyRatePerSecond: number;
  serveUi: boolean;
  shutdownGraceMs: number;
  simulation: SimulationConfig;
  monitoring: MonitoringConfig;
}

export interface SimulationConfig {
  /** Largest records × rules a simulation may evaluate (both versions' rules count for every record). */
  budget: number;
  /** Worker threads per run. */
  workers: number;
  /** Changed records stored per run (all are counted; beyond this many they are not listed). */
  maxStoredChanges: number;
  maxUploadRows: number;
  maxUploadBytes: number;
  /** Records per batch handed to a worker. */
  batchRows: number;
  /** Pause before each batch; only tests set it, to observe a run in progress. */
  throttleMs: number;
  /** A run with no heartbeat for this long, and no process here running it, is marked failed. */
  staleAfterMs: number;
}

export interface MonitoringConfig {
  /** Cron expression (server local time) of the full scan; null when scheduled scans are off. */
  scanCron: string | null;
  /** Business days to handle an alert, by severity. */
  slaDays: SlaDays;
  /** Public holidays and working weekend days the SLA counts with. */
  calendar: BusinessCalendar;
  /** Worker threads of a scan (0: evaluate in the main thread). */
  workers: number;
  /** Clients per scan batch. */
  batchSize: number;
  /** Pause before each scan batch; only tests set it, to observe a scan in progress. */
  throttleMs: number;
  /** A running scan with no heartbeat for this long, and not run by this process, counts as interrupted. */
  staleAfterMs: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

export const SETTINGS: { name: string; default: string; meaning: string }[] = [
  { name: 'PORT', default: '8080', meaning: 'HTTP port for the API and the admin UI' },
  { name: 'HOST', default: '0.0.0.0', meaning: 'Interface to listen on' },
  { name: 'COVENANT_DATA_DIR', default: './data', meaning: 'Directory of the embedded SQLite store (covenant.db) and the decision spool' },
  { name: 'MONGODB_URI', default: '(unset)', meaning: 'Use MongoDB (a replica set, for transactions) instead of the embedded store' },
  { name: 'COVENANT_STORE', default: 'sqlite, or mongo when MONGODB_URI is set', meaning: 'Force a store: sqlite, mongo or memory (memory forgets everything on exit)' },
  { name: 'NODE_ENV', default: 'development', meaning: 'production disables demo seeding and demands COVENANT_ADMIN_PASSWORD on an empty store' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'pino level: fatal, error, warn, info, debug, trace, silent' },
  { name: 'COVENANT_ADMIN_PASSWORD', default: '(unset)', meaning: 'Password of the first admin on an empty production or MongoDB store (at least 12 characters)' },
  { name: 'COVENANT_SEED_DEMO', default: 'true (embedded, non-production)', meaning: 'Seed demo users, rules and portfolio on a new embedded store' },
  { name: 'COVENANT_BODY_LIMIT', default: '2mb', meaning: 'Largest accepted JSON body (e.g. 512kb, 2mb)' },
  { name: 'COVENANT_SESSION_IDLE_MINUTES', default: '30', meaning: 'A staff session ends after this long without a request' },
  { name: 'COVENANT_SESSION_MAX_HOURS', default: '12', meaning: 'A staff session ends this long after sign-in, active or not' },
  { name: 'COVENANT_COOKIE_SECURE', default: 'true in production', meaning: 'Mark the session cookie Secure (serve over TLS)' },
  { name: 'COVENANT_TRUST_PROXY', default: 'false', meaning: 'Trust X-Forwarded-* from a reverse proxy' },
  { name: 'COVENANT_CORS_ORIGINS', default: '(none: CORS off)', meaning: 'Comma-separated origins allowed to call the API from a browser' },
  { name: 'COVENANT_LOGIN_MAX_FAILURES', default: '5', meaning: 'Failed sign-ins before an account is locked' },
  { name: 'COVENANT_LOGIN_LOCK_MINUTES', default: '15', meaning: 'How long a locked account stays locked' },
  { name: 'COVENANT_API_KEY_RATE', default: '2000', meaning: 'Requests per second allowed per API key' },
  { name: 'COVENANT_SERVE_UI', default: 'true', meaning: 'Serve the built admin UI at /' },
  { name: 'COVENANT_SIMULATION_BUDGET', default: '2e9', meaning: 'Largest simulation, in rule evaluations (records × rules of both versions); larger ones are refused (422 simulation_too_large)' },
  { name: 'COVENANT_SIMULATION_WORKERS', default: '2 (1 on a single core)', meaning: 'Worker threads per simulation run' },
  { name: 'COVENANT_SIMULATION_MAX_CHANGES', default: '250000', meaning: 'Changed records stored (and listed) per simulation; all are counted' },
  { name: 'COVENANT_SIMULATION_UPLOAD_ROWS', default: '1000000', meaning: 'Most rows in an uploaded simulation population' },
  { name: 'COVENANT_SIMULATION_UPLOAD_LIMIT', default: '2048mb', meaning: 'Largest uploaded simulation population file' },
  { name: 'COVENANT_SCAN_CRON', default: '0 2 * * * (none under NODE_ENV=test)', meaning: 'When the full monitoring scan runs: a 5-field cron expression in server local time, or none' },
  { name: 'COVENANT_ALERT_SLA_DAYS', default: 'red=1,orange=10,yellow=30,blue=90', meaning: 'Business days (Mon–Fri less holidays, plus working weekend days) to handle an alert, by severity' },
  { name: 'COVENANT_ALERT_HOLIDAYS', default: '(none)', meaning: 'Public holidays the alert SLA skips: comma-separated dates, e.g. 2026-10-01,2026-10-02' },
  { name: 'COVENANT_ALERT_WORKDAYS', default: '(none)', meaning: 'Weekend days that are working days (China\'s make-up days, 调休): comma-separated dates' },
  { name: 'COVENANT_SCAN_WORKERS', default: '2 (1 on a single core)', meaning: 'Worker threads of a monitoring scan (0: the main thread)' },
  { name: 'COVENANT_DEMO_CLIENTS', default: '2000 (0 under NODE_ENV=test)', meaning: 'Synthetic clients loaded into a new demo store, then scanned in the background' },
];

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development', problems) as Config['env'];
  const mongodbUri = env.MONGODB_URI?.trim() || undefined;
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const store = oneOf(env, 'COVENANT_STORE', ['sqlite', 'mongo', 'memory'], mongodbUri ? 'mongo' : 'sqlite', problems) as Config['store'];
  if (store === 'mongo' && !mongodbUri) problems.push('COVENANT_STORE=mongo needs MONGODB_URI');
  const adminPassword = env.COVENANT_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 12) problems.push('COVENANT_ADMIN_PASSWORD must be at least 12 characters');
  const production = nodeEnv === 'production';
  const config: Config = {
    env: nodeEnv,
    port: int(env, 'PORT', 8080, 0, 65535, problems),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.COVENANT_DATA_DIR || './data'),
    store,
    mongodbUri,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], nodeEnv === 'test' ? 'silent' : 'info', problems),
    adminPassword,
    seedDemo: bool(env, 'COVENANT_SEED_DEMO', !production && store !== 'mongo', problems) && !production && store !== 'mongo',
    demoClients: int(env, 'COVENANT_DEMO_CLIENTS', nodeEnv === 'test' ? 0 : 2000, 0, 100_000, problems),
    bodyLimitBytes: bytes(env, 'COVENANT_BODY_LIMIT', 2 * 1024 * 1024, problems),
    sessionIdleMinutes: int(env, 'COVENANT_SESSION_IDLE_MINUTES', 30, 1, 24 * 60, problems),
    sessionMaxHours: int(env, 'COVENANT_SESSION_MAX_HOURS', 12, 1, 24 * 14, problems),
    cookieSecure: bool(env, 'COVENANT_COOKIE_SECURE', production, problems),
    trustProxy: bool(env, 'COVENANT_TRUST_PROXY', false, problems),
    corsOrigins: (env.COVENANT_CORS_ORIGINS || '').split(',').map((s) => s.trim()).filter(Boolean),
    login: {
      maxFailures: int(env, 'COVENANT_LOGIN_MAX_FAILURES', 5, 1, 100, problems),
      lockMinutes: int(env, 'COVENANT_LOGIN_LOCK_MINUTES', 15, 1, 24 * 60, problems),
    },
    apiKeyRatePerSecond: int(env, 'COVENANT_API_KEY_RATE', 2000, 1, 1_000_000, problems),
    serveUi: bool(env, 'COVENANT_SERVE_UI', true, problems),
    shutdownGraceMs: 10_000,
    simulation: {
      budget: int(env, 'COVENANT_SIMULATION_BUDGET', 2e9, 1, 1e15, problems),
      workers: int(env, 'COVENANT_SIMULATION_WORKERS', Math.min(2, availableParallelism()), 1, 64, problems),
      maxStoredChanges: int(env, 'COVENANT_SIMULATION_MAX_CHANGES', 250_000, 0, 100_000_000, problems),
      maxUploadRows: int(env, 'COVENANT_SIMULATION_UPLOAD_ROWS', 1_000_000, 1, 100_000_000, problems),
      maxUploadBytes: bytes(env, 'COVENANT_SIMULATION_UPLOAD_LIMIT', 2048 * 1024 * 1024, problems),
      batchRows: 2000,
      throttleMs: 0,
      staleAfterMs: 60_000,
    },
    monitoring: {
      scanCron: scanCron(env, nodeEnv === 'test' ? 'none' : '0 2 * * *', problems),
      slaDays: slaDays(env, problems),
      calendar: { holidays: dateList(env, 'COVENANT_ALERT_HOLIDAYS', problems), workdays: dateList(env, 'COVENANT_ALERT_WORKDAYS', problems) },
      workers: int(env, 'COVENANT_SCAN_WORKERS', Math.min(2, availableParallelism()), 0, 64, problems),
      batchSize: 2000,
      throttleMs: 0,
      staleAfterMs: 60_000,
    },
    ...overrides,
  };
  if (problems.length) throw new ConfigError(`Covenant cannot start: ${problems.join('; ')}.`);
  return config;
}

function scanCron(env: Env, dflt: string, problems: string[]): string | null {
  const raw = (env.COVENANT_SCAN_CRON ?? '').trim() || dflt;
  if (raw.toLowerCase() === 'none') return null;
  try {
    parseCron(raw);
    return raw;
  } catch (e) {
    problems.push(`COVENANT_SCAN_CRON must be a 5-field cron expression or none: ${(e as Error).message}`);
    return null;
  }
}

function slaDays(env: Env, problems: string[]): SlaDays {
  const raw = env.COVENANT_ALERT_SLA_DAYS;
  if (raw === undefined || raw.trim() === '') return { ...DEFAULT_SLA_DAYS };
  const { sla, problem } = parseSlaDays(raw);
  if (problem) problems.push(`COVENANT_ALERT_SLA_DAYS must look like red=1,orange=10,yellow=30,blue=90: ${problem}`);
  return sla ?? { ...DEFAULT_SLA_DAYS };
}

function dateList(env: Env, name: string, problems: string[]): Set<string> {
  const { dates, problem } = parseDateList(env[name] ?? '');
  if (problem) problems.push(`${name} must be comma-separated dates: ${problem}`);
  return dates;
}

function int(env: Env, name: string, dflt: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}; it was "${raw}"`);
    return dflt;
  }
  return n;
}

function bool(env: Env, name: string, dflt: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  problems.push(`${name} must be true or false; it was "${raw}"`);
  return dflt;
}

function oneOf(env: Env, name: string, allowed: string[], dflt: string, problems: string[]): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!allowed.includes(raw)) {
    problems.push(`${name} must be one of ${allowed.join(', ')}; it was "${raw}"`);
    return dflt;
  }
  return raw;
}

function bytes(env: Env, name: string, dflt: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const m = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw.trim());
  if (!m) {
    problems.push(`${name} must be a size such as 512kb or 2mb; it was "${raw}"`);
    return dflt;
  }
  const unit = (m[2] || 'b').toLowerCase();
  return Number(m[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}
