/**
 * What the register demands of a profile beyond its JSON Schema (schemas/client-profile.schema.json, which lets an
 * invalid USCC through so derive() can flag it on ad-hoc profiles): the register refuses one, because the USCC is
 * the key clients are upserted by. Every problem names its field by JSON pointer.
 */
import type { FieldError } from '../../shared/errors';
import type { SchemaValidator } from '../../shared/validation';
import type { ClientProfile } from '../facts/client-profile';
import { validateLei, validateUscc } from '../facts/uscc';
import { normalizeId } from './client';

export interface ProfileCheckOptions {
  /** The id the profile may carry (on update: the client's own id); on create and import it must carry none. */
  allowedId?: string;
}

export function checkProfile(validator: SchemaValidator, data: unknown, opts: ProfileCheckOptions = {}, base = ''): FieldError[] {
  const errors = validator.check('client-profile', data, base);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return errors;
  const p = data as Partial<ClientProfile>;
  // Schema problems at /uscc or /lei are replaced by the register's own, more specific reasons below.
  const out = errors.filter((e) => e.pointer !== `${base}/uscc` && e.pointer !== `${base}/lei`);
  if (p.id !== undefined && p.id !== opts.allowedId)
    out.push({
      pointer: `${base}/id`,
      code: 'id_assigned',
      message: opts.allowedId ? `must be '${opts.allowedId}' (the client in the address) or left out` : 'is assigned by the register; leave it out',
    });
  if (typeof p.uscc === 'string') {
    const v = validateUscc(p.uscc);
    if (!v.valid)
      out.push({ pointer: `${base}/uscc`, code: `uscc_${v.reason}`, reason: v.reason, message: `is not a valid USCC: ${v.message}`, ...(v.expected ? { expected: v.expected } : {}) });
  } else if (p.uscc !== undefined) {
    out.push({ pointer: `${base}/uscc`, code: 'type', message: 'must be a string' });
  }
  if (typeof p.lei === 'string' && !validateLei(p.lei))
    out.push({ pointer: `${base}/lei`, code: 'lei_check', message: 'is not a valid LEI: 20 letters and digits ending in two ISO 17442 (MOD 97-10) check digits' });
  if (typeof p.country === 'string' && p.country === 'CN' && !p.uscc)
    out.push({ pointer: `${base}/uscc`, code: 'required', message: 'is required for a client registered in China (country CN)' });
  else if (!p.uscc && !p.lei && !p.localRegNo)
    out.push({ pointer: `${base}/uscc`, code: 'required', message: 'is required, or (for a client registered outside China) lei or localRegNo' });
  return out;
}

/** Identifiers stored upper-case without spaces, so the natural key of "9135 0100m000100y43" is the usual one. */
export function normalizeProfile(p: ClientProfile): ClientProfile {
  const out: ClientProfile = { ...p };
  delete out.id;
  if (out.uscc) out.uscc = normalizeId(out.uscc);
  if (out.lei) out.lei = normalizeId(out.lei);
  if (out.localRegNo) out.localRegNo = out.localRegNo.trim();
  return out;
}
