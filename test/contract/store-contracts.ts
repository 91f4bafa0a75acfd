import { alertStoreContract, scanStoreContract } from './alert-store.contract';
import { apiKeyStoreContract } from './api-key-store.contract';
import { auditStoreContract } from './audit-store.contract';
import { clientStoreContract } from './client-store.contract';
import { decisionLogStoreContract } from './decision-log-store.contract';
import type { OpenStores } from './fixtures';
import { ruleSetStoreContract } from './rule-set-store.contract';
import { sessionStoreContract } from './session-store.contract';
import { simulationStoreContract } from './simulation-store.contract';
import { userStoreContract } from './user-store.contract';

export type { OpenStores } from './fixtures';

/** Every port's conformance suite against one adapter family: what a runner calls. */
export function storeContracts(name: string, open: OpenStores): void {
  ruleSetStoreContract(name, open);
  auditStoreContract(name, open);
  userStoreContract(name, open);
  sessionStoreContract(name, open);
  apiKeyStoreContract(name, open);
  clientStoreContract(name, open);
  decisionLogStoreContract(name, open);
  simulationStoreContract(name, open);
  alertStoreContract(name, open);
  scanStoreContract(name, open);
}
