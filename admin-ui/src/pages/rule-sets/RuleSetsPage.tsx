import { ComingSoonPage } from '../../components/ComingSoonPage';

/** Rule-set list; the editor, diff and approval panel will be pages beside it. Placeholder for now. */
export function RuleSetsPage() {
  return <ComingSoonPage titleKey="pages.ruleSets.title" descriptionKey="pages.ruleSets.description" />;
}
