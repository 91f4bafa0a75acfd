import { ComingSoonPage } from '../../components/ComingSoonPage';

/** Simulation list, set-up and results. Placeholder for now. */
export function SimulationsPage() {
  return <ComingSoonPage titleKey="pages.simulations.title" descriptionKey="pages.simulations.description" />;
}
