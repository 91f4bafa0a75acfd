import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { FieldError } from '../../../api/api-error';
import { ApiError, http } from '../../../api/http';
import { useApiResource } from '../../../api/use-api-resource';
import { CONTENT_TYPES, fileFormat } from '../../portfolio/api/file-format';
import { startSimulation } from '../api/simulation-hooks';
import type { Upload } from '../api/types';
import { toRequest, type SetupState } from '../model/setup';

export interface RuleSetOption {
  key: string;
  family: string;
  name: { zh?: string; en?: string };
  active: { version: number } | null;
  latestVersion: number;
}

export interface VersionOption {
  version: number;
  status: string;
}

export type UploadState = { status: 'idle' } | { status: 'sending'; name: string } | { status: 'error'; error: unknown };

/**
 * State and actions of the set-up form: the rule sets and the chosen one's versions, the population file upload,
 * and the start of the run. Problems found here and problems the server names come back as one list keyed by JSON
 * pointer, so the form shows both at the field.
 */
export function useSimulationSetup(initial: SetupState) {
  const navigate = useNavigate();
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState<UploadState>({ status: 'idle' });
  const ruleSets = useApiResource<{ items: RuleSetOption[] }>('/api/v1/rule-sets');
  const detail = useApiResource<{ versions: VersionOption[] }>(form.ruleSetKey ? `/api/v1/rule-sets/${encodeURIComponent(form.ruleSetKey)}` : null);
  const versions = form.ruleSetKey && detail.status === 'ready' ? [...detail.data.versions].sort((a, b) => b.version - a.version) : [];

  // Suggest the newest version that is not the active one (usually the draft being reviewed) as the candidate.
  const suggestion = versions.find((v) => v.status !== 'active' && v.status !== 'retired')?.version;
  useEffect(() => {
    if (!form.candidateVersion && suggestion !== undefined) setForm((f) => (f.candidateVersion ? f : { ...f, candidateVersion: String(suggestion) }));
  }, [form.candidateVersion, suggestion]);

  const set = useCallback(<K extends keyof SetupState>(name: K, value: SetupState[K]) => {
    setForm((f) => {
      const next = { ...f, [name]: value };
      // A new rule set: its versions are others; suggest its newest draft or version in review as the candidate.
      if (name === 'ruleSetKey' && value !== f.ruleSetKey) Object.assign(next, { candidateVersion: '', baseline: 'active', upload: null });
      return next;
    });
    setProblems((ps) => ps.filter((p) => !p.pointer.startsWith(pointerOf(name))));
  }, []);

  const sendFile = useCallback(
    async (file: File, kind: 'facts' | 'clients') => {
      const format = fileFormat(file);
      if (!format) {
        setUpload({ status: 'error', error: new ApiError({ status: 0, code: 'format', detail: '' }) });
        return;
      }
      setUpload({ status: 'sending', name: file.name });
      const q = new URLSearchParams({ kind, format, fileName: file.name.slice(0, 255) });
      if (kind === 'facts' && form.ruleSetKey) q.set('ruleSetKey', form.ruleSetKey);
      try {
        const u = await http.postRaw<Upload>(`/api/v1/simulations/uploads?${q.toString()}`, file, CONTENT_TYPES[format]);
        setForm((f) => ({ ...f, upload: u }));
        setProblems((ps) => ps.filter((p) => !p.pointer.startsWith('/population/upload')));
        setUpload({ status: 'idle' });
      } catch (error) {
        setUpload({ status: 'error', error });
      }
    },
    [form.ruleSetKey],
  );

  const submit = useCallback(async () => {
    setSubmitError(null);
    const r = toRequest(form);
    if ('problems' in r) return setProblems(r.problems);
    setBusy(true);
    try {
      const sim = await startSimulation(r.body);
      navigate(`/simulations/${encodeURIComponent(sim.id)}`);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.errors.length) setProblems(error.errors);
      setSubmitError(error);
    }
  }, [form, navigate]);

  return { form, set, problems, submitError, busy, submit, ruleSets, versions, versionsState: detail, upload, sendFile };
}

function pointerOf(name: keyof SetupState): string {
  switch (name) {
    case 'ruleSetKey':
      return '/ruleSetKey';
    case 'candidateVersion':
      return '/candidate';
    case 'baseline':
      return '/baseline';
    case 'upload':
      return '/population/upload';
    case 'replayFrom':
      return '/population/replay/from';
    case 'replayTo':
      return '/population/replay/to';
    case 'filter':
      return '/population/portfolio';
    case 'asOf':
      return '/asOf';
    default:
      return '/population';
  }
}
