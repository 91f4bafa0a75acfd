/** Addresses of the rule-set pages, in one place so links and routes agree. */
export type VersionTab = 'editor' | 'console' | 'tests' | 'diff';
export const VERSION_TABS: VersionTab[] = ['editor', 'console', 'tests', 'diff'];

const enc = encodeURIComponent;
export const ruleSetHref = (key: string) => `/rule-sets/${enc(key)}`;
export const versionHref = (key: string, version: number, tab: VersionTab = 'editor', search = '') =>
  `/rule-sets/${enc(key)}/versions/${version}/${tab}${search}`;
