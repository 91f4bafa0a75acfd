import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Link } from '@mui/material';
import { BarList } from '../../../components/charts/BarList';
import { CLASS5_COLOURS } from '../../../components/charts/colours';
import { formatAmount, formatCount, formatPercent } from '../../../components/charts/format';
import { CLASS5, type ClientAggregates } from '../../clients/api/types';
import { class5Label, tierLabel } from '../model/labels';
import { Muted } from './Widget';

/** The book by five-category class (regulatory order) and by tier: clients, and their exposure beside. */
export function ClientsBySegment({ aggregates }: { aggregates: ClientAggregates }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (aggregates.count === 0) return <Muted>{t('portfolio.widgets.noClients')}</Muted>;
  const classes = [...CLASS5, null].map((k) => aggregates.byClass5.find((b) => b.key === k) ?? { key: k, count: 0, exposure: 0 }).filter((b) => b.key !== null || b.count > 0);
  const tiers = [...aggregates.byTier].sort((a, b) => (a.key ?? '~').localeCompare(b.key ?? '~'));
  const share = (e: number) => formatPercent(aggregates.exposure ? e / aggregates.exposure : 0, lang, 0);
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}>
      <BarList
        caption={t('portfolio.widgets.segments.byClass')}
        labelHeader={t('portfolio.widgets.segments.class')}
        valueHeader={t('portfolio.widgets.segments.clients')}
        data={classes.map((b) => ({
          key: b.key ?? 'none',
          label: b.key ? (
            <Link component={RouterLink} to={`/clients?class5=${encodeURIComponent(b.key)}`}>
              {class5Label(t, b.key)}
            </Link>
          ) : (
            class5Label(t, null)
          ),
          value: b.count,
          colour: b.key ? CLASS5_COLOURS[b.key] : '#90a4ae',
          detail: `${formatAmount(b.exposure, lang)} · ${share(b.exposure)}`,
        }))}
        format={(n) => formatCount(n, lang)}
      />
      <BarList
        caption={t('portfolio.widgets.segments.byTier')}
        labelHeader={t('portfolio.widgets.segments.tier')}
        valueHeader={t('portfolio.widgets.segments.clients')}
        data={tiers.map((b) => ({
          key: b.key ?? 'none',
          label: b.key ? (
            <Link component={RouterLink} to={`/clients?tier=${encodeURIComponent(b.key)}`}>
              {b.key}
            </Link>
          ) : (
            tierLabel(t, null)
          ),
          value: b.count,
          detail: `${formatAmount(b.exposure, lang)} · ${share(b.exposure)}`,
        }))}
        format={(n) => formatCount(n, lang)}
      />
    </Box>
  );
}
