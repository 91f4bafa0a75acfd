import { ComingSoonPage } from '../../components/ComingSoonPage';

/** Client list; client detail and import will sit beside it. Placeholder for now. */
export function ClientsPage() {
  return <ComingSoonPage titleKey="pages.clients.title" descriptionKey="pages.clients.description" />;
}
