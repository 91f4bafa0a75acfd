import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Alert, Box, Button, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import { formatCount } from '../../../components/charts/format';
import type { ImportJob } from '../api/types';
import { importPath } from './use-import-wizard';

/** What the import did: rows read, written (created, updated), and every bad row with the field and the reason. */
export function ImportReport({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatCount(v, lang);
  const ok = job.status === 'completed';
  // All-or-nothing with bad rows wrote nothing, by design; any other failure (a broken header, the database) is
  // explained by the server's message.
  const refused = !ok && job.mode === 'all-or-nothing' && job.committed === 0 && job.badRows > 0;
  return (
    <Box>
      <Alert severity={!ok ? 'error' : job.badRows ? 'warning' : 'success'} sx={{ mb: 2 }} role="status">
        {ok
          ? t('clients.import.report.done', { committed: n(job.committed), created: n(job.created), updated: n(job.updated) })
          : refused
            ? t('clients.import.report.nothing')
            : t('clients.import.report.failed', { committed: n(job.committed) })}
        {!ok && !refused && job.message && (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {job.message}
          </Typography>
        )}
      </Alert>
      <Box component="dl" sx={{ m: 0, mb: 2, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))' }}>
        {(
          [
            ['processed', job.processed],
            ['valid', job.valid],
            ['badRows', job.badRows],
            ['created', job.created],
            ['updated', job.updated],
            ['committed', job.committed],
          ] as const
        ).map(([k, v]) => (
          <Box key={k}>
            <Typography component="dt" variant="caption" color="text.secondary">
              {t(`clients.import.report.counts.${k}`)}
            </Typography>
            <Typography component="dd" variant="h6" sx={{ m: 0, color: k === 'badRows' && v > 0 ? 'error.main' : undefined }}>
              {n(v)}
            </Typography>
          </Box>
        ))}
      </Box>
      {job.errorCount > 0 && (
        <>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="subtitle1" component="h3">
              {t('clients.import.report.errorsTitle', { count: job.errorCount })}
            </Typography>
            <Button component="a" href={`${importPath(job.id)}/errors.csv`} download={`${job.id}-errors.csv`} startIcon={<DownloadIcon />} variant="outlined" size="small">
              {t('clients.import.report.download')}
            </Button>
          </Stack>
          {job.errorsTruncated && (
            <Alert severity="info" sx={{ mb: 1 }}>
              {t('clients.import.report.truncated', { shown: job.errors.length })}
            </Alert>
          )}
          <Box sx={{ maxHeight: 420, overflowY: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
            <Table size="small" stickyHeader aria-label={t('clients.import.report.errorsLabel')}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 90 }}>{t('clients.import.report.row')}</TableCell>
                  <TableCell sx={{ width: '30%' }}>{t('clients.import.report.field')}</TableCell>
                  <TableCell>{t('clients.import.report.problem')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {job.errors.map((e, i) => (
                  <TableRow key={`${e.row}-${e.pointer}-${i}`} data-row={e.row}>
                    <TableCell>{e.row}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{e.pointer || '—'}</TableCell>
                    <TableCell>{e.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
            {t(job.format === 'csv' ? 'clients.import.report.rowCsv' : 'clients.import.report.rowJsonl')}
          </Typography>
        </>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
        <Button variant="contained" onClick={onAgain}>
          {t('clients.import.again')}
        </Button>
        {job.committed > 0 && (
          <Link component={RouterLink} to="/clients" sx={{ alignSelf: 'center' }}>
            {t('clients.import.toClients')}
          </Link>
        )}
      </Stack>
    </Box>
  );
}
