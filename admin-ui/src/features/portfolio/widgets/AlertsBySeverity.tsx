import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Link } from '@mui/material';
import { BarList } from '../../../components/charts/BarList';
import { SEVERITY_COLOURS } from '../../../components/charts/colours';
import { formatCount } from '../../../components/charts/format';
import { useAlertSummary } from '../api/portfolio-hooks';
import { severityLabel } from '../model/labels';
import { Muted, WidgetBody } from './Widget';

/** Open alerts by severity with the overdue ones (the solid part of each bar and their own column). */
export function AlertsBySeverity() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const summary = useAlertSummary(null);
  return (
    <WidgetBody state={summary} reload={summary.reload}>
      {({ total, bySeverity }) =>
        total === 0 ? (
          <Muted>{t('portfolio.widgets.alerts.none')}</Muted>
        ) : (
          <BarList
            caption={t('portfolio.widgets.alerts.caption')}
            hideCaption
            labelHeader={t('portfolio.widgets.alerts.severity')}
            valueHeader={t('portfolio.widgets.alerts.active')}
            partHeader={t('portfolio.widgets.alerts.overdue')}
            data={bySeverity.map((c) => ({
              key: c.severity,
              label: (
                <Link component={RouterLink} to={`/alerts?view=all&severity=${c.severity}`}>
                  {severityLabel(t, c.severity)}
                </Link>
              ),
              value: c.count,
              part: c.overdue,
              colour: SEVERITY_COLOURS[c.severity],
            }))}
            format={(n) => formatCount(n, lang)}
          />
        )
      }
    </WidgetBody>
  );
}
