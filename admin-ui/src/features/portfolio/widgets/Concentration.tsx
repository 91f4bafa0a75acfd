import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Link } from '@mui/material';
import { BarList } from '../../../components/charts/BarList';
import { formatAmount, formatPercent } from '../../../components/charts/format';
import type { ClientAggregates } from '../../clients/api/types';
import { exposureByRegion } from '../model/exposure-by-region';
import { industryLabel, regionLabel } from '../model/labels';
import { Muted } from './Widget';

const TOP = 8;

/** Where the exposure sits: the largest industries and regions of the whole book (the server's counts), each with its share. */
export function Concentration({ aggregates }: { aggregates: ClientAggregates }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (aggregates.count === 0) return <Muted>{t('portfolio.widgets.noClients')}</Muted>;
  const total = aggregates.exposure;
  const share = (e: number) => formatPercent(total ? e / total : 0, lang, 1);
  const industries = [...aggregates.byIndustry].sort((a, b) => b.exposure - a.exposure).slice(0, TOP);
  const regions = exposureByRegion(aggregates.byRegion).slice(0, TOP);
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}>
      <BarList
        caption={t('portfolio.widgets.concentration.byIndustry', { count: TOP })}
        labelHeader={t('portfolio.widgets.concentration.industry')}
        valueHeader={t('portfolio.widgets.concentration.exposure')}
        data={industries.map((b) => ({
          key: b.key ?? 'none',
          title: industryLabel(t, b.key),
          label: b.key ? (
            <Link component={RouterLink} to={`/clients?industry=${b.key}`}>
              {industryLabel(t, b.key)}
            </Link>
          ) : (
            industryLabel(t, null)
          ),
          value: b.exposure,
          detail: share(b.exposure),
        }))}
        format={(n) => formatAmount(n, lang)}
      />
      <BarList
        caption={t('portfolio.widgets.concentration.byRegion', { count: TOP })}
        labelHeader={t('portfolio.widgets.concentration.region')}
        valueHeader={t('portfolio.widgets.concentration.exposure')}
        data={regions.map((r) => {
          const label = regionLabel(t, r.key, lang);
          return {
            key: r.key,
            title: label,
            label: r.province ? (
              <Link component={RouterLink} to={`/clients?region=${r.key}`}>
                {label}
              </Link>
            ) : (
              label
            ),
            value: r.exposure,
            detail: share(r.exposure),
            colour: '#0f7b74',
          };
        })}
        format={(n) => formatAmount(n, lang)}
      />
    </Box>
  );
}
