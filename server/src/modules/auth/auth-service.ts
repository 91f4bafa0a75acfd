import { createHash } from 'node:crypto';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { AppError, UnauthenticatedError } from '../../shared/errors';
import { newId, randomToken } from '../../shared/ids';
import type { SessionStore } from './session-store';
import { dummyHash, verifyPassword } from './password';
import { permissionsForRoles } from './permissions';
import type { Session, User } from './user';
import type { UserStore } from './user-store';
import { LoginThrottle } from './login-throttle';

export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  maxFailures: number;
  lockMinutes: number;
}

export interface SignedIn {
  token: string;
  session: Session;
  user: User;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** Writing lastSeenAt on every request would turn reads into writes; a minute of slack is plenty for idle timeouts. */
const TOUCH_EVERY_MS = 60_000;

/** Staff sign-in, sessions and lockout. API keys live in ApiKeyService. */
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
    private readonly settings: AuthSettings,
  ) {
    this.throttle = new LoginThrottle(settings.maxFailures * 4, 15 * 60_000);
  }

  async login(username: string, password: string, ip: string): Promise<SignedIn> {
    const now = this.clock.now();
    const wait = this.throttle.blockedFor(ip, now.getTime());
    if (wait > 0) throw tooMany('Too many failed sign-ins from this address. Wait and try again.', wait);
    const user = await this.users.getByUsername(username);
    if (user?.lockedUntil && new Date(user.lockedUntil) > now) {
      const secs = Math.ceil((new Date(user.lockedUntil).getTime() - now.getTime()) / 1000);
      throw tooMany('This account is locked after repeated failed sign-ins. Wait and try again, or ask an administrator.', secs, 'account_locked');
    }
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok || user.disabled) {
      this.throttle.fail(ip, now.getTime());
      if (user && !user.disabled) {
        const failed = user.failedLogins + 1;
        const lockedUntil = failed >= this.settings.maxFailures ? new Date(now.getTime() + this.settings.lockMinutes * 60_000).toISOString() : null;
        await this.users.recordLogin(user.id, { failedLogins: lockedUntil ? 0 : failed, lockedUntil, lastLoginAt: user.lastLoginAt });
      }
      throw new UnauthenticatedError('The username or password is wrong.', 'invalid_credentials');
    }
    await this.users.recordLogin(user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() });
    // A new token on every sign-in: a session id planted before sign-in is never promoted (session fixation).
    const token = randomToken(32);
    const session: Session = {
      tokenHash: hashToken(token),
      id: newId('ses'),
      userId: user.id,
      csrfToken: randomToken(24),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.settings.sessionMaxHours * 3600_000).toISOString(),
    };
    await this.sessions.create(session);
    return { token, session, user };
  }

  /** Resolves a session cookie to its user, or null when unknown, expired, idle too long, or the user is disabled. */
  async authenticate(token: string): Promise<{ actor: Actor; session: Session; user: User } | null> {
    const tokenHash = hashToken(token);
    const session = await this.sessions.get(tokenHash);
    if (!session) return null;
    const now = this.clock.now();
    const idleLimit = new Date(session.lastSeenAt).getTime() + this.settings.sessionIdleMinutes * 60_000;
    if (new Date(session.expiresAt) <= now || idleLimit <= now.getTime()) {
      await this.sessions.delete(tokenHash);
      return null;
    }
    const user = await this.users.getById(session.userId);
    if (!user || user.disabled) return null;
    if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY_MS) await this.sessions.touch(tokenHash, now.toISOString());
    return { actor: userActor(user), session, user };
  }

  async logout(token: string): Promise<void> {
    await this.sessions.delete(hashToken(token));
  }
}

export function userActor(user: User): Actor {
  return { kind: 'user', id: user.id, name: user.username, roles: [...user.roles], permissions: permissionsForRoles(user.roles) };
}

function tooMany(message: string, seconds: number, code = 'rate_limited'): AppError {
  return new AppError(429, code, message, { retryAfterSeconds: seconds });
}
