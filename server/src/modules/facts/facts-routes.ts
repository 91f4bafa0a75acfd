/**
 * HTTP: the fact catalog and derivation for a profile sent in the request (no client register involved).
 * GET /api/v1/facts → {groups, facts: FactDefinition[], enumerations}; POST /api/v1/facts/derive {client, asOf?, params?} → DeriveResult.
 */
import { defineRoute, type RouteDef } from '../../http/route';
import { type Clock, systemClock } from '../../shared/clock';
import { ValidationError } from '../../shared/errors';
import { FACT_CATALOG, FACT_GROUPS } from './catalog';
import { ENUMERATIONS } from './catalog-enums';
import type { ClientProfile } from './client-profile';
import { derive } from './derive';
import type { DeriveParamsInput } from './params';

export interface FactsRouteDeps {
  clock?: Clock;
  /** Whose calendar "today" is when a request has no asOf; the bank's, not the server's. */
  timeZone?: string;
}

interface DeriveBody {
  client: ClientProfile;
  asOf?: string;
  params?: DeriveParamsInput;
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function todayIn(clock: Clock, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock.now());
}

export function factsRoutes(deps: FactsRouteDeps = {}): RouteDef[] {
  const clock = deps.clock ?? systemClock;
  const timeZone = deps.timeZone ?? 'Asia/Shanghai';
  return [
    defineRoute({
      method: 'get', path: '/api/v1/facts', access: 'facts:read', allowApiKey: true, tags: ['facts'],
      summary: 'The fact catalog: every fact a rule may use, with type, unit, zh/en description, input or derived, formula and domain section, and enumerations',
      handler: () => ({ body: { groups: FACT_GROUPS, facts: FACT_CATALOG, enumerations: ENUMERATIONS } }),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/facts/derive', access: 'facts:read', allowApiKey: true, body: 'facts-derive', tags: ['facts'],
      summary: 'Derive every catalog fact for a client profile on a date (today when absent): values, reasons for the nulls, and notes on how values were obtained',
      handler: ({ body }) => {
        const b = body as DeriveBody;
        const asOf = b.asOf ?? todayIn(clock, timeZone);
        try {
          return { body: derive(b.client, { asOf, params: b.params }) };
        } catch (e) {
          if (e instanceof RangeError) throw new ValidationError('The request body is not valid: 1 problem.', [{ pointer: '/asOf', code: 'format', message: e.message }]);
          throw e;
        }
      },
    }),
  ];
}
