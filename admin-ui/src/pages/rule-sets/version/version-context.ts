import type { RuleSetDetail } from '../../../features/rule-sets/api/types';
import type { RuleSetEditorState } from '../../../features/rule-sets/editor/useRuleSetEditor';
import type { FactInfo } from '../../../features/rule-sets/model/fact-catalog';

/** What every tab of the version page works with. */
export interface VersionContext {
  key: string;
  version: number;
  editor: RuleSetEditorState;
  facts: Map<string, FactInfo>;
  detail: RuleSetDetail | null;
  onShow(pointer: string): void;
}
