import type { TFunction } from 'i18next';
import type { PopulationSpec, Simulation } from '../api/types';

/** One line per population, e.g. "Portfolio: industrySection C" or "Decisions from 2026-11-01 to 2026-11-23". */
export function populationText(t: TFunction, p: PopulationSpec): string {
  if ('upload' in p) return t('simulations.population.upload', { id: p.upload });
  if ('replay' in p) return t('simulations.population.replay', { from: p.replay.from.slice(0, 10), to: p.replay.to.slice(0, 10) });
  const f = p.portfolio.filter ?? {};
  const parts = Object.entries(f).map(([k, v]) => `${k} ${String(v)}`);
  return parts.length ? t('simulations.population.portfolioFiltered', { filter: parts.join(', ') }) : t('simulations.population.portfolio');
}

export function versionsText(t: TFunction, sim: Pick<Simulation, 'candidate' | 'baseline'>): string {
  return t('simulations.versions', {
    candidate: sim.candidate.version !== null ? `v${sim.candidate.version}` : t('simulations.unsaved'),
    baseline: `v${sim.baseline.version}`,
  });
}
