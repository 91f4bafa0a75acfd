import { normalizeProfile } from './client-validation';
import { parseLine, parseLineBytes, prepareLine } from './prepared';
import type { ClientProfile } from '../facts/client-profile';

const profile: ClientProfile = { uscc: '91350100M000100Y43', name: '福州测试机械制造有限公司', country: 'CN', provinceCode: '35', cityCode: '350100', industry: { section: 'C', division: '34' } };

describe('prepared import rows', () => {
  it('keeps the JSON text a normal profile came in (whitespace aside) instead of serialising it again', () => {
    const source = ` ${JSON.stringify(profile, null, 1).replace(/\n/g, '')}\r`;
    const row = parseLine(prepareLine(JSON.parse(source) as ClientProfile, source));
    expect(row.profileJson).toBe(source.trim());
    expect(JSON.parse(row.profileJson)).toEqual(profile);
    expect(row.key).toBe('uscc:91350100M000100Y43');
  });

  it('serialises the normalised profile when normalising changes something (identifier case, an id)', () => {
    for (const p of [{ ...profile, uscc: '91350100m000100y43' }, { ...profile, id: 'cli_x' }, { ...profile, localRegNo: ' 123 ' }] as ClientProfile[]) {
      const row = parseLine(prepareLine(p, JSON.stringify(p)));
      expect(JSON.parse(row.profileJson)).toEqual(normalizeProfile(p));
      expect(row.profileJson).not.toBe(JSON.stringify(p));
    }
  });

  it('reads a spooled line back as bytes: the same key and summary, the profile as its UTF-8 bytes', () => {
    const line = prepareLine(profile);
    const asText = parseLine(line);
    const asBytes = parseLineBytes(Buffer.from(line, 'utf8'));
    expect([asBytes.key, asBytes.summary]).toEqual([asText.key, asText.summary]);
    expect(Buffer.isBuffer(asBytes.profileJson)).toBe(true);
    expect(asBytes.profileJson.toString()).toBe(asText.profileJson);
  });
});
