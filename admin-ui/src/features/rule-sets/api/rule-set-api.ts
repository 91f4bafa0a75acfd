import { http } from '../../../api/http';
import type { EvaluationResult, RuleSetDocument, RuleSetVersion, TestRun } from './types';

export type TransitionName = 'submit' | 'approve' | 'reject' | 'activate' | 'retire';

const enc = encodeURIComponent;
export const ruleSetPath = (key: string) => `/api/v1/rule-sets/${enc(key)}`;
export const versionPath = (key: string, version: number) => `${ruleSetPath(key)}/versions/${version}`;

/** The rule-set action calls; every one rejects with an ApiError carrying the server's problem document. */
export const ruleSetApi = {
  /** A new draft copied from a stored version (the active one when `fromVersion` is left out). */
  createDraftFrom: (key: string, fromVersion?: number) =>
    http.post<RuleSetVersion>('/api/v1/rule-sets', fromVersion === undefined ? { key } : { key, fromVersion }),
  importDocument: (document: unknown) => http.post<RuleSetVersion>('/api/v1/rule-sets/import', document),
  /** Compare-and-set on the revision the editor loaded: a stale one answers 409 revision_conflict. */
  saveDraft: (key: string, version: number, revision: number, document: RuleSetDocument) =>
    http.put<RuleSetVersion>(versionPath(key, version), document, { headers: { 'if-match': `"${revision}"` } }),
  deleteDraft: (key: string, version: number, revision: number) =>
    http.delete<void>(versionPath(key, version), { headers: { 'if-match': `"${revision}"` } }),
  transition: (key: string, version: number, name: TransitionName, comment?: string) =>
    http.post<RuleSetVersion>(`${versionPath(key, version)}/${name}`, comment?.trim() ? { comment: comment.trim() } : {}),
  rollback: (key: string, toVersion: number, comment?: string) =>
    http.post<RuleSetVersion>(`${ruleSetPath(key)}/rollback`, comment?.trim() ? { toVersion, comment: comment.trim() } : { toVersion }),
  evaluate: (key: string, version: number, facts: Record<string, unknown>, asOf?: string) =>
    http.post<EvaluationResult>(`${versionPath(key, version)}/evaluate`, asOf ? { facts, trace: true, asOf } : { facts, trace: true }),
  runTests: (key: string, version: number) => http.post<TestRun>(`${versionPath(key, version)}/test`, {}),
  exportUrl: (key: string, version: number) => `${versionPath(key, version)}/export`,
};
