import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ErrorState, LoadingState } from '../../../components/PageState';
import { formatDateTime } from '../../../components/format/date-time';
import { OutcomeChip } from '../../decisions/table/OutcomeChip';
import { useClientDecisions } from '../api/client-hooks';

/** The decisions logged for this client, newest first; each opens the decision with its explanation. */
export function ClientDecisions({ clientId, attempt }: { clientId: string; attempt: number }) {
  const { t, i18n } = useTranslation();
  const decisions = useClientDecisions(clientId, attempt);
  if (decisions.status === 'loading') return <LoadingState />;
  if (decisions.status === 'error') return <ErrorState error={decisions.error} onRetry={decisions.reload} />;
  const items = decisions.data.items;
  if (items.length === 0) return <Typography color="text.secondary">{t('clients.decisions.none')}</Typography>;
  return (
    <Table size="small" aria-label={t('clients.decisions.label')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('clients.decisions.at')}</TableCell>
          <TableCell>{t('clients.decisions.ruleSet')}</TableCell>
          <TableCell>{t('clients.decisions.outcome')}</TableCell>
          <TableCell>{t('clients.decisions.id')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((d) => (
          <TableRow key={d.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.evaluatedAt, i18n.language)}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>
              {d.ruleSet.key}@{d.ruleSet.version}
            </TableCell>
            <TableCell>
              <OutcomeChip outcome={d.outcome} />
            </TableCell>
            <TableCell>
              <Link component={RouterLink} to={`/decisions/${encodeURIComponent(d.id)}`} sx={{ fontFamily: 'monospace', fontSize: 13 }}>
                {d.id}
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
