// Prints README's settings table from server/src/config.ts SETTINGS: `npx tsx scripts/settings-table.ts`.
import { SETTINGS } from '../server/src/config';

console.log('| variable | default | meaning |\n|---|---|---|');
for (const s of SETTINGS) console.log(`| \`${s.name}\` | ${s.default} | ${s.meaning} |`);
