import { useCallback, useState } from 'react';

/**
 * The user's relationship-manager code (e.g. RM-51-002), which alerts name as their owner. Staff accounts do not
 * carry it yet (the server's user record has no such field), so each person sets it once in the inbox and this
 * browser remembers it per user.
 */
export function useMyOwnerCode(userId: string | null): [string | null, (code: string | null) => void] {
  const key = `covenant.ownerCode.${userId ?? 'anonymous'}`;
  const [code, setState] = useState<string | null>(() => read(key));
  const [forKey, setForKey] = useState(key);
  if (forKey !== key) {
    // Another user signed in on this tab: read their code.
    setForKey(key);
    setState(read(key));
  }
  const set = useCallback(
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
  return [code, set];
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
