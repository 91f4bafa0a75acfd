import { defineRoute, type RouteDef } from '../../http/route';
import { ifMatchRevision, withRevisionEtag } from '../../http/revision-headers';
import type { Analyzer } from './engine-rule-set-checker';
import type { RuleSetVersion, TransitionName } from './rule-set';
import type { RuleSetConsole } from './rule-set-console';
import type { RuleSetService } from './rule-set-service';

const V = '/api/v1/rule-sets/:key/versions/:version';
const num = (s: string) => (/^\d{1,9}$/.test(s) ? Number(s) : -1);

/** The revision travels as an ETag so clients can send it back in If-Match. */
const withEtag = (v: RuleSetVersion, status = 200) => withRevisionEtag(v, status);

export function ruleSetRoutes(s: RuleSetService, testConsole: RuleSetConsole, analyze: Analyzer): RouteDef[] {
  const transition = (name: TransitionName, access: 'rules:write' | 'rules:approve' | 'rules:activate', summary: string) =>
    defineRoute({
      method: 'post', path: `${V}/${name}`, access, body: 'rule-set-transition', tags: ['rule-sets'], summary,
      allowApiKey: access === 'rules:write',
      precheck: name === 'approve' ? ({ actor, params }) => s.assertMayApprove(params.key, num(params.version), actor) : undefined,
      handler: async ({ params, body, actor, req }) =>
        withEtag(await s.transition(params.key, num(params.version), name, { ...body, expectedRevision: ifMatchRevision(req) }, actor)),
    });
  return [
    defineRoute({
      method: 'get', path: '/api/v1/rule-sets', access: 'rules:read', tags: ['rule-sets'],
      summary: 'Every rule set with its active version and open drafts',
      handler: async () => ({ body: { items: await s.list() } }),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/rule-sets', access: 'rules:write', body: 'rule-set-create', tags: ['rule-sets'],
      summary: 'Create a draft: the first version of a new key, or a new version (a whole document, or a copy of a version)',
      handler: async ({ body, actor }) => withEtag(await s.createDraft(body, actor), 201),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/rule-sets/import', access: 'rules:write', body: 'rule-set', tags: ['rule-sets'],
      summary: 'Import a rule-set document (as exported): validated, then stored as a new draft',
      handler: async ({ body, actor }) => withEtag(await s.import(body, actor), 201),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/rule-sets/:key', access: 'rules:read', tags: ['rule-sets'],
      summary: 'One rule set: summary and its version timeline',
      handler: async ({ params }) => ({ body: await s.get(params.key) }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/rule-sets/:key/versions', access: 'rules:read', tags: ['rule-sets'],
      summary: 'Every version of a rule set, newest first, with documents',
      handler: async ({ params }) => ({ body: { items: await s.versions(params.key) } }),
    }),
    defineRoute({
      method: 'get', path: V, access: 'rules:read', tags: ['rule-sets'],
      summary: 'One version with its document and governance record (ETag = revision)',
      handler: async ({ params }) => withEtag(await s.version(params.key, num(params.version))),
    }),
    defineRoute({
      method: 'put', path: V, access: 'rules:write', body: 'rule-set', tags: ['rule-sets'],
      summary: 'Replace a draft\'s document; needs If-Match with the revision you edited (a stale one is 409)',
      handler: async ({ params, body, actor, req }) => withEtag(await s.updateDraft(params.key, num(params.version), body, ifMatchRevision(req), actor)),
    }),
    defineRoute({
      method: 'delete', path: V, access: 'rules:write', tags: ['rule-sets'],
      summary: 'Delete a draft',
      handler: async ({ params, actor, req }) => {
        await s.deleteDraft(params.key, num(params.version), ifMatchRevision(req), actor);
        return { status: 204 };
      },
    }),
    transition('submit', 'rules:write', 'Submit a draft for review (its tests must pass and static checks show no error)'),
    transition('approve', 'rules:approve', 'Approve a version in review (never by one of its authors: four eyes)'),
    transition('reject', 'rules:approve', 'Send a version in review back to draft, with a comment'),
    transition('activate', 'rules:activate', 'Make an approved version active; the previous active version is retired in the same transaction'),
    transition('retire', 'rules:activate', 'Retire an approved or active version'),
    defineRoute({
      method: 'post', path: '/api/v1/rule-sets/:key/rollback', access: 'rules:activate', allowApiKey: false, body: 'rule-set-rollback', tags: ['rule-sets'],
      summary: 'Re-activate an earlier version that was approved and active before',
      handler: async ({ params, body, actor }) => withEtag(await s.rollback(params.key, body.toVersion, body.comment, actor)),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/rule-sets/:key/diff', access: 'rules:read', query: 'rule-set-diff-query', tags: ['rule-sets'],
      summary: 'Rules added, removed and changed between two versions, with the changed fields',
      handler: async ({ params, query }) => ({ body: await s.diff(params.key, Number(query.from), Number(query.to)) }),
    }),
    defineRoute({
      method: 'post', path: `${V}/evaluate`, access: 'rules:read', allowApiKey: false, body: 'rule-set-evaluate', tags: ['test console'],
      summary: 'Test console: evaluate any version (drafts included) with the given facts; never logged as a decision',
      handler: async ({ params, body }) => ({ body: await testConsole.evaluate(params.key, num(params.version), body.facts, body) }),
    }),
    defineRoute({
      method: 'post', path: `${V}/test`, access: 'rules:read', allowApiKey: false, body: 'rule-set-test-run', tags: ['test console'],
      summary: "Run the version's test cases: pass or fail, with the differences",
      handler: async ({ params, body }) => ({ body: await testConsole.test(params.key, num(params.version), body) }),
    }),
    defineRoute({
      method: 'get', path: `${V}/publish-check`, access: 'rules:read', tags: ['rule-sets'],
      summary: 'What would stop this version being submitted or activated: static-check errors, warnings and failing tests',
      handler: async ({ params }) => ({ body: await s.publishReport(params.key, num(params.version)) }),
    }),
    defineRoute({
      method: 'get', path: `${V}/analysis`, access: 'rules:read', tags: ['rule-sets'],
      summary: 'Static checks of a version: errors (unknown facts and operators, type mismatches, unreachable rules) block submit and activate; warnings (shadowed rules, unused conditions and outputs) are shown',
      handler: async ({ params }) => ({ body: analyze((await s.version(params.key, num(params.version))).document) }),
    }),
    defineRoute({
      method: 'get', path: `${V}/export`, access: 'rules:read', tags: ['rule-sets'],
      summary: 'The version\'s document as a downloadable JSON file',
      handler: async ({ params }) => {
        const v = await s.version(params.key, num(params.version));
        return {
          body: v.document,
          headers: { 'Content-Disposition': `attachment; filename="${v.key}-v${v.version}.json"`, 'X-Content-Hash': v.contentHash },
        };
      },
    }),
  ];
}
