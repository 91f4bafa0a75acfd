import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Link } from '@mui/material';
import { BarList } from '../../../components/charts/BarList';
import { formatAmount, formatPercent } from '../../../components/charts/format';
import type { ClientAggregates } from '../../clients/api/types';
import { useRegionExposure } from '../api/portfolio-hooks';
import { industryLabel, provinceLabel } from '../model/labels';
import { Muted, WidgetBody } from './Widget';

const TOP = 8;

/** Where the exposure sits: the largest industries and regions, each with its share of the book. */
export function Concentration({ aggregates }: { aggregates: ClientAggregates }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regions = useRegionExposure(aggregates);
  if (aggregates.count === 0) return <Muted>{t('portfolio.widgets.noClients')}</Muted>;
  const total = aggregates.exposure;
  const share = (e: number) => formatPercent(total ? e / total : 0, lang, 1);
  const industries = [...aggregates.byIndustry].sort((a, b) => b.exposure - a.exposure).slice(0, TOP);
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
      <WidgetBody state={regions} reload={regions.reload} truncated={(d) => (d.truncated ? t('portfolio.widgets.truncatedClients') : null)}>
        {({ rows }) => (
          <BarList
            caption={t('portfolio.widgets.concentration.byRegion', { count: TOP })}
            labelHeader={t('portfolio.widgets.concentration.region')}
            valueHeader={t('portfolio.widgets.concentration.exposure')}
            data={rows.slice(0, TOP).map((r) => {
              const province = /^\d{2}$/.test(r.key);
              const label = province ? provinceLabel(t, r.key) : r.key;
              return {
                key: r.key,
                title: label,
                label: province ? (
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
        )}
      </WidgetBody>
    </Box>
  );
}
