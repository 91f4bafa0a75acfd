import type { AlertStore } from '../modules/alerts/alert-store';
import type { AuditStore } from '../modules/audit/audit-store';
import type { ApiKeyStore } from '../modules/auth/api-key-store';
import type { SessionStore } from '../modules/auth/session-store';
import type { UserStore } from '../modules/auth/user-store';
import type { ClientStore } from '../modules/clients/client-store';
import type { DecisionLogStore } from '../modules/decisions/decision-log-store';
import type { ScanStore } from '../modules/monitoring/scan-store';
import type { RuleSetStore } from '../modules/rule-sets/rule-set-store';
import type { SimulationStore } from '../modules/simulations/simulation-store';

/** Every port, as one adapter family (sqlite, mongo or memory) provides them. */
export interface Stores {
  kind: 'sqlite' | 'mongo' | 'memory';
  ruleSets: RuleSetStore;
  audit: AuditStore;
  users: UserStore;
  sessions: SessionStore;
  apiKeys: ApiKeyStore;
  clients: ClientStore;
  decisions: DecisionLogStore;
  simulations: SimulationStore;
  alerts: AlertStore;
  scans: ScanStore;
  /** True when this store was created empty by this process (drives demo seeding). */
  isNew: boolean;
  /** Cheap round trip to the database, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
