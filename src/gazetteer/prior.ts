import type { GazetteerEntry } from './types.js';

/**
 * How likely an entry is to be the one meant when its name is read with no context:
 * log population, raised for countries, divisions and capitals, which news names far
 * more often than their population alone suggests.
 */
/** GeoNames leaves many real towns at population 0; their rank in the hierarchy says more. */
const TYPICAL_POPULATION: Record<string, number> = {
  PPLC: 300_000,
  PPLA: 50_000,
  PPLA2: 10_000,
  PPLA3: 3_000,
  PPLA4: 1_000,
  PPL: 500,
};

/**
 * Places the news names far more often than their population and rank say, where a namesake
 * elsewhere outranks them on those alone: Gaza, Palestine, which lost to Mozambique's Gaza
 * province (its division bonus) whenever the text named nothing else nearby. Kept short: each is
 * a measured exception, not a ranking.
 */
const NEWS_SALIENCE: Readonly<Record<string, number>> = { 'gn:281133': 1 };

export function priorScore(e: GazetteerEntry): number {
  return basePrior(e) + (NEWS_SALIENCE[e.id] ?? 0);
}

function basePrior(e: GazetteerEntry): number {
  const population = e.population > 0 ? e.population : (TYPICAL_POPULATION[e.featureCode] ?? 0);
  const pop = Math.log10(population + 1);
  switch (e.kind) {
    case 'country':
      return e.featureCode === 'PCLD' ? Math.max(pop, 4) + 1 : Math.max(pop, 6) + 3;
    case 'admin1':
      return Math.max(pop, 4) + 1.6;
    case 'admin2':
      return Math.max(pop, 3) + 0.3;
    case 'other':
      return pop - 0.5;
    default:
      break;
  }
  switch (e.featureCode) {
    case 'PPLC':
      return pop + 3;
    case 'PPLA':
      return pop + 0.8;
    case 'PPLA2':
      return pop + 0.3;
    case 'PPLX':
      return pop - 0.7;
    default:
      return pop;
  }
}
