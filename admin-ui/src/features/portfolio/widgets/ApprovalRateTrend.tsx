import { useTranslation } from 'react-i18next';
import { Typography } from '@mui/material';
import { LineChart } from '../../../components/charts/LineChart';
import { formatPercent } from '../../../components/charts/format';
import { TREND_DAYS, useApprovalTrend } from '../api/portfolio-hooks';
import { overallRate } from '../model/approval-rate';
import { Muted, WidgetBody } from './Widget';

/** The share of credit requests approved, UTC day by day over the last month; days without decisions leave a gap. */
export function ApprovalRateTrend() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const trend = useApprovalTrend();
  return (
    <WidgetBody state={trend} reload={trend.reload}>
      {(points) => {
        const decided = points.filter((p) => p.rate !== null);
        if (decided.length === 0) return <Muted>{t('portfolio.widgets.trend.none', { days: TREND_DAYS })}</Muted>;
        const overall = overallRate(points);
        const first = decided[0];
        const last = decided[decided.length - 1];
        return (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('portfolio.widgets.trend.overall', { rate: formatPercent(overall, lang), count: points.reduce((s, p) => s + p.decisions, 0) })}
            </Typography>
            <LineChart
              title={t('portfolio.widgets.trend.title', { days: TREND_DAYS })}
              summary={t('portfolio.widgets.trend.summary', { first: `${first.day} ${formatPercent(first.rate, lang)}`, last: `${last.day} ${formatPercent(last.rate, lang)}` })}
              points={points.map((p) => ({ x: p.day, y: p.rate }))}
              format={(v) => formatPercent(v, lang, 0)}
              formatX={(x) => x.slice(5)}
              range={[0, 1]}
              colour="#2e7d32"
              width={900}
              height={170}
            />
          </>
        );
      }}
    </WidgetBody>
  );
}
