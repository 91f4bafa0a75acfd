import { useCallback, useMemo, useState } from 'react';
import { parseJson, prettyJson } from '../editor/json-text';
import type { FactField } from './fact-fields';

export type FactFormMode = 'form' | 'json';

export interface FactFormState {
  fields: FactField[];
  values: Record<string, unknown>;
  setValue(name: string, value: unknown): void;
  mode: FactFormMode;
  /** Switching to the form refuses JSON that does not parse (the error is shown, the mode stays). */
  setMode(mode: FactFormMode): void;
  jsonText: string;
  setJsonText(text: string): void;
  jsonError: string | null;
  asOf: string;
  setAsOf(date: string): void;
  /** The facts to send: given values only (an empty field means "not given"), or the parsed JSON. */
  facts(): Record<string, unknown> | null;
  /** Fills the form from a set of facts, e.g. a saved test case. */
  load(facts: Record<string, unknown>, asOf?: string): void;
  clear(): void;
}

const given = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));

/** State of the test console's facts: a typed form built from the rule set, or pasted JSON, kept in step. */
export function useFactForm(fields: FactField[]): FactFormState {
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [mode, setModeState] = useState<FactFormMode>('form');
  const [jsonText, setJsonTextState] = useState('{}');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [asOf, setAsOf] = useState('');

  const setValue = useCallback((name: string, value: unknown) => setValues((v) => ({ ...v, [name]: value })), []);

  const setJsonText = useCallback((text: string) => {
    setJsonTextState(text);
    const parsed = parseJson(text);
    setJsonError(parsed.ok ? (isObject(parsed.value) ? null : 'notObject') : parsed.error.message);
  }, []);

  const setMode = useCallback(
    (next: FactFormMode) => {
      if (next === mode) return;
      if (next === 'json') {
        setJsonTextState(prettyJson(given(values)));
        setJsonError(null);
        setModeState('json');
        return;
      }
      const parsed = parseJson(jsonText);
      if (!parsed.ok || !isObject(parsed.value)) {
        setJsonError(parsed.ok ? 'notObject' : parsed.error.message);
        return;
      }
      setValues(parsed.value);
      setModeState('form');
    },
    [mode, values, jsonText],
  );

  const facts = useCallback((): Record<string, unknown> | null => {
    if (mode === 'form') return given(values);
    const parsed = parseJson(jsonText);
    return parsed.ok && isObject(parsed.value) ? parsed.value : null;
  }, [mode, values, jsonText]);

  const load = useCallback((next: Record<string, unknown>, date?: string) => {
    setValues(next);
    setJsonTextState(prettyJson(next));
    setJsonError(null);
    setAsOf(date ?? '');
  }, []);

  const clear = useCallback(() => load({}), [load]);

  return useMemo(
    () => ({ fields, values, setValue, mode, setMode, jsonText, setJsonText, jsonError, asOf, setAsOf, facts, load, clear }),
    [fields, values, setValue, mode, setMode, jsonText, setJsonText, jsonError, asOf, facts, load, clear],
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
