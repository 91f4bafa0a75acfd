import { ComingSoonPage } from '../../components/ComingSoonPage';

/** Alerts inbox. Placeholder for now. */
export function AlertsPage() {
  return <ComingSoonPage titleKey="pages.alerts.title" descriptionKey="pages.alerts.description" />;
}
