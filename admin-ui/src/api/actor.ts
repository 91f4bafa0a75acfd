/**
 * Who did something, as the server records it on every audited change and every decision: a staff user, an API
 * key, or the system (the shipped rule library, scheduled scans).
 */
export interface ActorRef {
  kind: 'user' | 'api-key' | 'system';
  id: string;
  name: string;
}
