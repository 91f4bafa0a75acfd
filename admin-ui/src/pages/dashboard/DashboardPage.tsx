import { ComingSoonPage } from '../../components/ComingSoonPage';

/** Decision volume, outcome mix and alerts by severity (DESIGN §7). Placeholder until the metrics API lands. */
export function DashboardPage() {
  return <ComingSoonPage titleKey="pages.dashboard.title" descriptionKey="pages.dashboard.description" />;
}
