import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';

export interface ValueRow {
  name: string;
  label?: string;
  value: string;
}

/** Name → value rows (facts, outputs): the label in the current language above the machine name. */
export function ValuesTable({ rows, label, emptyText }: { rows: ValueRow[]; label: string; emptyText: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Typography color="text.secondary">{emptyText}</Typography>;
  return (
    <Table size="small" aria-label={label} sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '45%' }}>{t('decisions.detail.name')}</TableCell>
          <TableCell>{t('decisions.detail.value')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.name} data-name={r.name}>
            <TableCell sx={{ verticalAlign: 'top' }}>
              {r.label && (
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {r.label}
                </Typography>
              )}
              <Typography variant={r.label ? 'caption' : 'body2'} color={r.label ? 'text.secondary' : undefined} sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                {r.name}
              </Typography>
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{r.value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
