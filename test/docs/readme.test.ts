import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS } from '../../server/src/config';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README.md stays true', () => {
  it('opens with the two commands', () => {
    const firstCode = readme.slice(0, 1200);
    expect(firstCode).toContain('npm install && npm start');
    expect(firstCode).toContain('npm test');
  });

  it('lists every setting config.ts reads (regenerate with `npx tsx scripts/settings-table.ts`)', () => {
    for (const s of SETTINGS) expect([s.name, readme.includes(`\`${s.name}\``)]).toEqual([s.name, true]);
  });

  it('mentions only npm scripts that exist', () => {
    for (const m of readme.matchAll(/npm run ([a-z:-]+)/g)) expect([m[1], m[1] in pkg.scripts]).toEqual([m[1], true]);
  });

  it('shows only screenshots that exist', () => {
    for (const m of readme.matchAll(/\]\((docs\/screenshots\/[^)]+\.png)\)/g)) expect(() => readFileSync(join(root, m[1]))).not.toThrow();
  });
});
