import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { changeRows } from './change-rows';

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === undefined) return <Typography variant="body2" color="text.secondary">{t('audit.change.absent')}</Typography>;
  if (typeof value === 'object' && value !== null)
    return (
      <Box component="pre" sx={{ m: 0, maxHeight: 240, overflow: 'auto', fontSize: '0.75rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {JSON.stringify(value, null, 2)}
      </Box>
    );
  return <Box component="span" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{String(value)}</Box>;
}

/** An event's before → after: changed fields first-class (marked in words, not just colour), the rest on request. */
export function ChangeView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  if (before === undefined && after === undefined) return <Typography variant="body2" color="text.secondary">{t('audit.change.none')}</Typography>;
  const rows = changeRows(before, after);
  const unchanged = rows.filter((r) => !r.changed).length;
  const shown = showAll ? rows : rows.filter((r) => r.changed);
  return (
    <Box>
      <Table size="small" aria-label={t('audit.change.label')} sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '22%' }}>{t('audit.change.field')}</TableCell>
            <TableCell>{t('audit.change.before')}</TableCell>
            <TableCell>{t('audit.change.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((r) => (
            <TableRow key={r.field || '(value)'} data-field={r.field} sx={r.changed ? { bgcolor: 'rgba(178, 106, 0, 0.06)' } : undefined}>
              <TableCell sx={{ verticalAlign: 'top' }}>
                <Box component="code" sx={{ fontWeight: 600 }}>{r.field || t('audit.change.wholeValue')}</Box>
                {r.changed && before !== undefined && <Chip size="small" label={t('audit.change.changed')} variant="outlined" color="warning" sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>
                <Value value={r.before} />
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>
                <Value value={r.after} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {unchanged > 0 && (
        <Button size="small" sx={{ mt: 0.5 }} onClick={() => setShowAll((s) => !s)} aria-pressed={showAll}>
          {showAll ? t('audit.change.hideUnchanged') : t('audit.change.showUnchanged', { count: unchanged })}
        </Button>
      )}
    </Box>
  );
}
