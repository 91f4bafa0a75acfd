/**
 * The server's password policy (server/src/modules/auth/password.ts, passwordProblems), checked as the user types
 * so the hint can tick each rule off. The server stays the judge: it checks again and its answer is shown at the
 * field.
 */
export interface PolicyCheck {
  rule: 'length' | 'username' | 'mix';
  ok: boolean;
}

export const MIN_PASSWORD_LENGTH = 12;

export function passwordChecks(password: string, username: string): PolicyCheck[] {
  return [
    { rule: 'length', ok: password.length >= MIN_PASSWORD_LENGTH },
    { rule: 'username', ok: !username || !password.toLowerCase().includes(username.toLowerCase()) },
    { rule: 'mix', ok: password.length > 0 && !/^(\d+|[a-z]+|[A-Z]+)$/.test(password) },
  ];
}

export const passwordMeetsPolicy = (password: string, username: string) => passwordChecks(password, username).every((c) => c.ok);
