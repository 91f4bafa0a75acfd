import { ComingSoonPage } from '../../components/ComingSoonPage';

/** Decision log search; a decision's detail with its trace will sit beside it. Placeholder for now. */
export function DecisionsPage() {
  return <ComingSoonPage titleKey="pages.decisions.title" descriptionKey="pages.decisions.description" />;
}
