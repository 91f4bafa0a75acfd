/**
 * An import row made ready for the store: natural key, indexed fields and the profile's JSON text. The worker
 * thread prepares rows; the spool file and the messages between threads carry them as one line of text:
 * `key TAB summary-JSON TAB profile-JSON` (JSON.stringify never emits a raw tab, so the split is unambiguous).
 */
import type { ClientProfile } from '../facts/client-profile';
import { naturalKey, normalizeId, type ProfileSummary, profileSummary } from './client';
import { normalizeProfile } from './client-validation';

export interface PreparedRow {
  key: string;
  summary: ProfileSummary;
  profileJson: string | Buffer;
}

/**
 * A profile that passed the register's checks, normalised and serialised. `source` is the JSON text it was parsed
 * from: when normalising changes nothing, that text is kept as the profile's JSON instead of serialising the
 * profile again (the costliest step after parsing, for ~15 KB a row). It reads back as the very object that was
 * checked (same values; only insignificant whitespace may differ).
 */
export function prepareLine(profile: ClientProfile, source?: string): string {
  const p = normalizeProfile(profile);
  const json = source !== undefined && isNormal(profile) ? source.trim() : JSON.stringify(p);
  return `${naturalKey(p)}\t${JSON.stringify(profileSummary(p))}\t${json}`;
}

/** True when normalizeProfile would change nothing the JSON text holds. */
function isNormal(p: ClientProfile): boolean {
  return p.id === undefined && (!p.uscc || normalizeId(p.uscc) === p.uscc) && (!p.lei || normalizeId(p.lei) === p.lei) && (!p.localRegNo || p.localRegNo.trim() === p.localRegNo);
}

export function parseLine(line: string): PreparedRow & { profileJson: string } {
  const a = line.indexOf('\t');
  const b = line.indexOf('\t', a + 1);
  return { key: line.slice(0, a), summary: JSON.parse(line.slice(a + 1, b)) as ProfileSummary, profileJson: line.slice(b + 1) };
}

/** A prepared line as UTF-8 bytes (the spool read back): the profile stays bytes, a view into `line`. */
export function parseLineBytes(line: Buffer): PreparedRow {
  const a = line.indexOf(9);
  const b = line.indexOf(9, a + 1);
  return { key: line.toString('utf8', 0, a), summary: JSON.parse(line.toString('utf8', a + 1, b)) as ProfileSummary, profileJson: line.subarray(b + 1) };
}

/**
 * The natural key of a prepared line, as a string of its own: a plain slice would be a V8 "sliced string" that keeps
 * the whole ~15 KB line alive for as long as the key is (the import remembers every key of the file).
 */
export function keyOfLine(line: string): string {
  return Buffer.from(line.slice(0, line.indexOf('\t')), 'utf8').toString('utf8');
}
