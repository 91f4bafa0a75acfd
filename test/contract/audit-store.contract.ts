import type { AuditEvent } from '../../server/src/modules/audit/audit';
import { alice, allEvents, bob, event, iso, withStores, type OpenStores } from './fixtures';

/** The promises of AuditStore (server/src/modules/audit/audit-store.ts), checked on one adapter. */
export function auditStoreContract(name: string, open: OpenStores): void {
  const t = withStores(open);
  const ids = (events: AuditEvent[]) => events.map((e) => e.id);
  /** n events, oldest first, ids in creation order (newId is time-ordered). */
  const make = (n: number, over: (i: number) => Partial<AuditEvent> = () => ({})) => Array.from({ length: n }, (_, i) => event({ at: iso(i), ...over(i) }));

  describe(`AuditStore contract: ${name}`, () => {
    it('lists newest first and reads back exactly what was appended', t(async (s) => {
      const events = make(3, (i) => ({ comment: `c${i}`, before: { nested: [i, { deep: true }] }, after: null }));
      await s.audit.append(events);
      const page = await s.audit.list({});
      expect(page.items).toEqual([...events].reverse());
      expect(page.nextCursor).toBeNull();
    }));

    it('pages with the last id as cursor, without repeats or gaps', t(async (s) => {
      const events = make(12);
      await s.audit.append(events);
      const p1 = await s.audit.list({ limit: 5 });
      const p2 = await s.audit.list({ limit: 5, cursor: p1.nextCursor! });
      const p3 = await s.audit.list({ limit: 5, cursor: p2.nextCursor! });
      expect([p1, p2, p3].map((p) => p.items.length)).toEqual([5, 5, 2]);
      expect(p3.nextCursor).toBeNull();
      expect([...ids(p1.items), ...ids(p2.items), ...ids(p3.items)]).toEqual(ids(events).reverse());
    }));

    it('keeps paging stable while new events are appended between pages', t(async (s) => {
      const original = make(12);
      await s.audit.append(original);
      const p1 = await s.audit.list({ limit: 5 });
      await s.audit.append(make(5, () => ({ at: iso(100) })));
      const rest: AuditEvent[] = [];
      let cursor = p1.nextCursor;
      while (cursor) {
        const page = await s.audit.list({ limit: 5, cursor });
        rest.push(...page.items);
        cursor = page.nextCursor;
      }
      const seen = [...ids(p1.items), ...ids(rest)];
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(ids(original).reverse());
      expect(await allEvents(s)).toHaveLength(17);
    }));

    it('filters by entity (id or key), entity type, actor (id or name), action and an inclusive time range', t(async (s) => {
      const e = [
        event({ at: iso(1), entityType: 'rule-set', entityId: 'policy@1', entityKey: 'policy', actor: alice, action: 'rule-set.created' }),
        event({ at: iso(2), entityType: 'rule-set', entityId: 'policy@2', entityKey: 'policy', actor: bob, action: 'rule-set.approved' }),
        event({ at: iso(3), entityType: 'user', entityId: 'usr_x', entityKey: 'usr_x', actor: bob, action: 'user.created' }),
        event({ at: iso(4), entityType: 'api-key', entityId: 'key_y', entityKey: 'key_y', actor: alice, action: 'api-key.revoked' }),
      ];
      await s.audit.append(e);
      const q = async (query: Parameters<typeof s.audit.list>[0]) => ids((await s.audit.list(query)).items);
      expect(await q({ entity: 'policy' })).toEqual([e[1].id, e[0].id]);
      expect(await q({ entity: 'policy@2' })).toEqual([e[1].id]);
      expect(await q({ entity: 'usr_x' })).toEqual([e[2].id]);
      expect(await q({ entityType: 'api-key' })).toEqual([e[3].id]);
      expect(await q({ actor: 'usr_bob' })).toEqual([e[2].id, e[1].id]);
      expect(await q({ actor: 'alice' })).toEqual([e[3].id, e[0].id]);
      expect(await q({ action: 'user.created' })).toEqual([e[2].id]);
      expect(await q({ from: iso(2), to: iso(3) })).toEqual([e[2].id, e[1].id]);
      expect(await q({ from: iso(4) })).toEqual([e[3].id]);
      expect(await q({ to: iso(1) })).toEqual([e[0].id]);
      expect(await q({ entity: 'policy', actor: 'bob', from: iso(2) })).toEqual([e[1].id]);
      expect(await q({ entity: 'nothing' })).toEqual([]);
    }));

    it('pages within a filter', t(async (s) => {
      await s.audit.append(make(9, (i) => ({ entityKey: i % 3 === 0 ? 'mine' : 'other' })));
      const p1 = await s.audit.list({ entity: 'mine', limit: 2 });
      const p2 = await s.audit.list({ entity: 'mine', limit: 2, cursor: p1.nextCursor! });
      expect(p1.items.map((e) => e.at)).toEqual([iso(6), iso(3)]);
      expect(p2.items.map((e) => e.at)).toEqual([iso(0)]);
      expect(p2.nextCursor).toBeNull();
    }));

    it('defaults limit to 50 and caps it at 500', t(async (s) => {
      await s.audit.append(make(501));
      expect((await s.audit.list({})).items).toHaveLength(50);
      expect((await s.audit.list({ limit: 0 })).items).toHaveLength(50);
      const big = await s.audit.list({ limit: 10_000 });
      expect(big.items).toHaveLength(500);
      expect(big.nextCursor).not.toBeNull();
    }));

    it('is append-only: changing appended or returned events never changes the trail', t(async (s) => {
      const events = make(2);
      const copy = structuredClone(events);
      await s.audit.append(events);
      events[0].action = 'rewritten';
      (await s.audit.list({})).items[0].actor.name = 'mallory';
      expect(await allEvents(s)).toEqual(copy.reverse());
      // The port offers no way to change or remove an event; adapters must not grow one.
      expect(Object.keys(s.audit).concat(Object.getOwnPropertyNames(Object.getPrototypeOf(s.audit))).filter((k) => /update|delete|remove|clear|truncate/i.test(k))).toEqual([]);
    }));
  });
}
