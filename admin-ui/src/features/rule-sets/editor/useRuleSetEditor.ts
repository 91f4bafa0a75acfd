import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../api/http';
import { ruleSetApi } from '../api/rule-set-api';
import { useVersion } from '../api/rule-set-hooks';
import type { RuleSetDocument, RuleSetVersion } from '../api/types';
import { builderWarnings } from '../model/document-edits';
import { fromServer, IssueIndex, stillCurrent, type Issue } from '../model/issues';
import { schemaIssues } from '../model/schema-check';
import { parseJson, prettyJson, type JsonParseError } from './json-text';

export type SaveOutcome = 'saved' | 'invalid' | 'conflict' | 'failed' | 'skipped';

export interface RuleSetEditorState {
  /** The version as last loaded or saved (status, revision, authors). */
  base: RuleSetVersion | null;
  loadError: unknown;
  reload(): void;
  /** The document being edited; may be malformed while the JSON view holds an invalid document. */
  doc: RuleSetDocument | null;
  editable: boolean;
  dirty: boolean;
  /** Applies an edit from the visual editor (or any other part of the page, e.g. "save as test case"). */
  change(edit: (doc: RuleSetDocument) => RuleSetDocument): void;
  jsonText: string;
  jsonError: JsonParseError | null;
  setJsonText(text: string): void;
  issues: IssueIndex;
  errorCount: number;
  /** Static-check and publish-check problems of the saved version, shown where they point. */
  setSavedProblems(issues: Issue[]): void;
  save(): Promise<SaveOutcome>;
  saving: boolean;
  saveError: unknown;
  /** Set when the save failed because someone else saved first (409 revision_conflict). */
  conflict: boolean;
  discard(): void;
  /** Takes over a version returned by a lifecycle call (submit, approve …): new status and revision. */
  adopt(version: RuleSetVersion): void;
}

/**
 * The state of a version's editor: the document, its JSON text (kept in step both ways; a parse error never
 * overwrites the visual state), problems from the browser's schema check and from the server, and saving with
 * compare-and-set on the revision. Lives on the version page, so every tab edits the same draft.
 */
export function useRuleSetEditor(key: string, version: number, canWrite: boolean): RuleSetEditorState {
  const resource = useVersion(key, version);
  const loaded = resource.status === 'ready' ? resource.data : null;
  const [base, setBase] = useState<RuleSetVersion | null>(null);
  const [doc, setDoc] = useState<RuleSetDocument | null>(null);
  const [jsonDraft, setJsonDraft] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<JsonParseError | null>(null);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [savedProblems, setSavedProblems] = useState<Issue[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);

  const reset = useCallback((v: RuleSetVersion) => {
    setBase(v);
    setDoc(v.document);
    setJsonDraft(null);
    setJsonError(null);
    setServerIssues([]);
    setSaveError(null);
    setConflict(false);
  }, []);

  useEffect(() => {
    if (loaded) reset(loaded);
  }, [loaded, reset]);

  const editable = canWrite && base?.status === 'draft';
  const savedJson = useMemo(() => (base ? JSON.stringify(base.document) : ''), [base]);
  const dirty = Boolean(base && doc && JSON.stringify(doc) !== savedJson);

  const change = useCallback((edit: (d: RuleSetDocument) => RuleSetDocument) => {
    setDoc((d) => (d ? edit(d) : d));
    setJsonDraft(null);
    setJsonError(null);
  }, []);

  const setJsonText = useCallback((text: string) => {
    setJsonDraft(text);
    const parsed = parseJson(text);
    if (parsed.ok) {
      setDoc(parsed.value as RuleSetDocument);
      setJsonError(null);
    } else setJsonError(parsed.error);
  }, []);

  const issues = useMemo(() => {
    if (!doc) return new IssueIndex([]);
    const local = [...schemaIssues(doc), ...builderWarnings(doc)];
    // The server's answer to a save repeats what the browser already found; show each place once.
    const localErrors = new Set(local.filter((i) => i.severity === 'error').map((i) => i.pointer));
    const remote = stillCurrent(serverIssues, doc).filter((i) => !localErrors.has(i.pointer));
    // The saved version's checks are about the saved document; a changed value hides them.
    return new IssueIndex([...local, ...remote, ...stillCurrent(savedProblems, doc)]);
  }, [doc, serverIssues, savedProblems]);
  const errorCount = issues.all.filter((i) => i.severity === 'error' && (i.source === 'schema' || i.source === 'server')).length;

  const save = useCallback(async (): Promise<SaveOutcome> => {
    if (!base || !doc || !editable || saving) return 'skipped';
    if (jsonError || issues.all.some((i) => i.source === 'schema' && i.severity === 'error')) return 'invalid';
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await ruleSetApi.saveDraft(key, version, base.revision, doc);
      reset(saved);
      return 'saved';
    } catch (error) {
      setSaveError(error);
      if (error instanceof ApiError && error.status === 409 && error.code === 'revision_conflict') {
        setConflict(true);
        return 'conflict';
      }
      if (error instanceof ApiError && error.errors.length) {
        setServerIssues(fromServer(error.errors, doc, 'server'));
        return 'invalid';
      }
      return 'failed';
    } finally {
      setSaving(false);
    }
  }, [base, doc, editable, saving, jsonError, issues, key, version, reset]);

  const discard = useCallback(() => {
    if (base) reset(base);
  }, [base, reset]);

  return {
    base,
    loadError: resource.status === 'error' ? resource.error : null,
    reload: resource.reload,
    doc,
    editable,
    dirty,
    change,
    jsonText: jsonDraft ?? (doc ? prettyJson(doc) : ''),
    jsonError,
    setJsonText,
    issues,
    errorCount,
    setSavedProblems,
    save,
    saving,
    saveError,
    conflict,
    discard,
    adopt: reset,
  };
}
