import { ComingSoonPage } from '../../components/ComingSoonPage';

/** Audit trail search. Placeholder for now. */
export function AuditPage() {
  return <ComingSoonPage titleKey="pages.audit.title" descriptionKey="pages.audit.description" />;
}
