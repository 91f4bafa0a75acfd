import { createContext, useContext } from 'react';
import type { TopCondition } from '../api/types';
import type { FactInfo } from '../model/fact-catalog';
import { EMPTY_ISSUES, type IssueIndex } from '../model/issues';

/** What every part of the condition builder needs to know, without passing it through each level. */
export interface BuilderContextValue {
  facts: Map<string, FactInfo>;
  readOnly: boolean;
  issues: IssueIndex;
  shared: Record<string, TopCondition>;
  /** Opens a shared condition for editing (the editor scrolls to it). */
  onOpenShared?: (name: string) => void;
}

export const BuilderContext = createContext<BuilderContextValue>({
  facts: new Map(),
  readOnly: true,
  issues: EMPTY_ISSUES,
  shared: {},
});

export const useBuilder = () => useContext(BuilderContext);
