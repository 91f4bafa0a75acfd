/**
 * Where to go after signing in. Only same-site paths are followed: "//evil.example" or "https://…" in `next` would
 * otherwise turn the login page into an open redirect.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

export function loginPathFor(current: string): string {
  return current === '/' ? '/login' : `/login?next=${encodeURIComponent(current)}`;
}
