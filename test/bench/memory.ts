import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * `npm run bench` runs without --expose-gc; this turns it on at run time (a documented V8 flag) so heap
 * figures are taken after full collections.
 */
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

export function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}
