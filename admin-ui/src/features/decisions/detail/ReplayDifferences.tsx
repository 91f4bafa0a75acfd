import { useTranslation } from 'react-i18next';
import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReplayDifferences as Differences } from '../api/types';
import { outputText } from '../../../components/format/reason-text';

function RuleNames({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <Typography variant="body2">
      {label}{' '}
      {names.map((n, i) => (
        <Box component="code" key={n} sx={{ fontWeight: 600 }}>
          {i ? ', ' : ''}
          {n}
        </Box>
      ))}
    </Typography>
  );
}

/** What a re-run changed against the logged decision: outputs before → after, rules that now fire or no longer do. */
export function ReplayDifferences({ differences, afterLabel }: { differences: Differences; afterLabel: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack spacing={1} sx={{ mt: 1 }}>
      {differences.outputs.length > 0 && (
        <Table size="small" aria-label={t('decisions.replay.changedOutputs')} sx={{ tableLayout: 'fixed' }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '24%' }}>{t('decisions.replay.output')}</TableCell>
              <TableCell>{t('decisions.replay.logged')}</TableCell>
              <TableCell>{afterLabel}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {differences.outputs.map((d) => (
              <TableRow key={d.output} data-output={d.output}>
                <TableCell sx={{ fontFamily: 'monospace', verticalAlign: 'top' }}>{d.output}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-line', verticalAlign: 'top' }}>{outputText(d.before, i18n.language)}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-line', verticalAlign: 'top', fontWeight: 600 }}>{outputText(d.after, i18n.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <RuleNames label={t('decisions.replay.newlyFired')} names={differences.newlyFired} />
      <RuleNames label={t('decisions.replay.noLongerFired')} names={differences.noLongerFired} />
    </Stack>
  );
}
