import type { Stores } from '../stores';
import { MemoryAlertStore } from './memory-alert-store';
import { MemoryAuditStore } from './memory-audit-store';
import { MemoryClientStore } from './memory-client-store';
import { MemoryDecisionLogStore } from './memory-decision-log-store';
import { MemoryApiKeyStore, MemorySessionStore, MemoryUserStore } from './memory-auth-stores';
import { MemoryRuleSetStore } from './memory-rule-set-store';
import { MemoryScanStore } from './memory-scan-store';
import { MemorySimulationStore } from './memory-simulation-store';

export function openMemoryStores(): Stores {
  const audit = new MemoryAuditStore();
  return {
    kind: 'memory',
    audit,
    ruleSets: new MemoryRuleSetStore(audit),
    users: new MemoryUserStore(audit),
    sessions: new MemorySessionStore(),
    apiKeys: new MemoryApiKeyStore(audit),
    clients: new MemoryClientStore(audit),
    decisions: new MemoryDecisionLogStore(),
    simulations: new MemorySimulationStore(audit),
    alerts: new MemoryAlertStore(audit),
    scans: new MemoryScanStore(audit),
    isNew: true,
    ping: async () => {},
    close: async () => {},
  };
}
