import { useCallback, useEffect, useRef, useState } from 'react';
import { http } from '../../../api/http';
import { CONTENT_TYPES, fileFormat } from '../../portfolio/api/file-format';
import type { ImportFormat, ImportJob, ImportMode } from '../api/types';

export type WizardStep = 'file' | 'running' | 'report';

export interface WizardState {
  step: WizardStep;
  file: File | null;
  /** Detected from the file name; the user can correct it. */
  format: ImportFormat | null;
  mode: ImportMode;
  /** The import as the server last reported it (null while the file is still being sent). */
  job: ImportJob | null;
  error: unknown;
  /** A problem with the choice itself (no file, unknown format), as an i18n key. */
  problem: string | null;
}

const INITIAL: WizardState = { step: 'file', file: null, format: null, mode: 'all-or-nothing', job: null, error: null, problem: null };
const POLL_MS = 500;
export const importPath = (id: string) => `/api/v1/clients/imports/${encodeURIComponent(id)}`;

/**
 * The import wizard's state: choose a file and a mode, send the file as the request body (the server reads and
 * checks every row while it arrives, then answers 202 with the import), poll the import until it is completed or
 * failed (an all-or-nothing import goes on committing after the answer), and show the report.
 */
export function useImportWizard() {
  const [state, setState] = useState<WizardState>(INITIAL);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const chooseFile = useCallback((file: File | null) => {
    setState((s) => ({ ...s, file, format: file ? fileFormat(file) : null, problem: null, error: null }));
  }, []);
  const setFormat = useCallback((format: ImportFormat) => setState((s) => ({ ...s, format, problem: null })), []);
  const setMode = useCallback((mode: ImportMode) => setState((s) => ({ ...s, mode })), []);
  const reset = useCallback(() => {
    controller.current?.abort();
    setState(INITIAL);
  }, []);

  const start = useCallback(async () => {
    if (!state.file) return setState((s) => ({ ...s, problem: 'clients.import.problems.noFile' }));
    if (!state.format) return setState((s) => ({ ...s, problem: 'clients.import.problems.format' }));
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setState((s) => ({ ...s, step: 'running', job: null, error: null, problem: null }));
    try {
      const q = new URLSearchParams({ mode: state.mode, format: state.format });
      let job = await http.postRaw<ImportJob>(`/api/v1/clients/import?${q.toString()}`, state.file, CONTENT_TYPES[state.format], { signal: c.signal });
      setState((s) => ({ ...s, job }));
      while (job.status === 'receiving' || job.status === 'committing') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (c.signal.aborted) return;
        job = await http.get<ImportJob>(importPath(job.id), { signal: c.signal });
        setState((s) => ({ ...s, job }));
      }
      setState((s) => ({ ...s, step: 'report', job }));
    } catch (error) {
      if (c.signal.aborted) return;
      setState((s) => ({ ...s, step: s.job ? 'report' : 'file', error }));
    }
  }, [state.file, state.format, state.mode]);

  return { state, chooseFile, setFormat, setMode, start, reset };
}
