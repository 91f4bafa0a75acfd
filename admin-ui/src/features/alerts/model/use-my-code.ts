import { useCallback, useState } from 'react';
import type { SessionUser } from '../../../auth/session';

export interface MyOwnerCode {
  /** The code "my alerts" use: the account's, else the one entered in this browser, else null. */
  code: string | null;
  /** True when the code is the account's (set by an administrator); the user cannot change it here. */
  fromAccount: boolean;
  /** Remembers (or, with null, forgets) a code in this browser; used only while the account has none. */
  setBrowserCode: (code: string | null) => void;
}

/**
 * The user's relationship-manager code (e.g. rm_wang), which alerts name as their owner. An administrator sets it
 * on the user (`rmCode`, answered by /auth/me) and that always wins. Accounts without one may still enter a code
 * in the inbox, remembered by this browser per user: the way the inbox worked before accounts carried the code,
 * kept so nobody loses their "mine" view until an administrator has set the codes.
 */
export function useMyOwnerCode(user: Pick<SessionUser, 'id' | 'rmCode'> | null): MyOwnerCode {
  const key = `covenant.ownerCode.${user?.id ?? 'anonymous'}`;
  const [stored, setState] = useState<string | null>(() => read(key));
  const [forKey, setForKey] = useState(key);
  if (forKey !== key) {
    // Another user signed in on this tab: read their code.
    setForKey(key);
    setState(read(key));
  }
  const setBrowserCode = useCallback(
    (next: string | null) => {
      const value = next?.trim() || null;
      try {
        if (value) localStorage.setItem(key, value);
        else localStorage.removeItem(key);
      } catch {
        // storage disabled: remembered for this visit only
      }
      setState(value);
    },
    [key],
  );
  const account = user?.rmCode ?? null;
  return { code: account ?? stored, fromAccount: account !== null, setBrowserCode };
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
