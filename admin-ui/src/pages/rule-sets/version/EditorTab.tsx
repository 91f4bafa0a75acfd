import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { RuleSetEditor } from '../../../features/rule-sets/editor/RuleSetEditor';
import type { VersionContext } from './version-context';

/** The editor tab: the visual builder and JSON view; `?at=<pointer>` opens and scrolls to a place. */
export function EditorTab({ ctx }: { ctx: VersionContext }) {
  const { editor, facts } = ctx;
  const [params, setParams] = useSearchParams();
  const onReveal = useCallback((pointer: string) => setParams({ at: pointer }, { replace: true }), [setParams]);
  if (!editor.doc) return null;
  return (
    <RuleSetEditor
      doc={editor.doc}
      editable={editor.editable}
      change={editor.change}
      jsonText={editor.jsonText}
      jsonError={editor.jsonError}
      setJsonText={editor.setJsonText}
      issues={editor.issues}
      facts={facts}
      reveal={params.get('at')}
      onReveal={onReveal}
    />
  );
}
