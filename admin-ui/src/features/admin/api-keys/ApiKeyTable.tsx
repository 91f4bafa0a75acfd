import { useTranslation } from 'react-i18next';
import { Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { actorText } from '../../../components/format/actor-text';
import { formatDateTime } from '../../../components/format/date-time';
import type { ApiKey } from '../api/types';

/** API keys, active ones first; the prefix (`cov_<prefix>_…`) tells keys apart without revealing them. */
export function ApiKeyTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const { t, i18n } = useTranslation();
  const sorted = [...keys].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || (a.createdAt < b.createdAt ? 1 : -1));
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('pages.adminApiKeys.title')} sx={{ '& td': { py: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('admin.apiKeys.columns.name')}</TableCell>
            <TableCell>{t('admin.apiKeys.columns.prefix')}</TableCell>
            <TableCell>{t('admin.apiKeys.columns.scopes')}</TableCell>
            <TableCell>{t('admin.apiKeys.columns.created')}</TableCell>
            <TableCell>{t('admin.apiKeys.columns.lastUsed')}</TableCell>
            <TableCell>{t('admin.apiKeys.columns.status')}</TableCell>
            <TableCell align="right">{t('admin.apiKeys.columns.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((k) => (
            <TableRow key={k.id} data-key-name={k.name} hover sx={k.revokedAt ? { '& td': { color: 'text.secondary' } } : undefined}>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {k.name}
                </Typography>
                <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                  {k.id}
                </Typography>
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>cov_{k.prefix}_…</TableCell>
              <TableCell sx={{ maxWidth: 360 }}>
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {k.scopes.map((s) => (
                    <Chip key={s} size="small" variant="outlined" label={s} title={t(`admin.scopes.${s}`, { defaultValue: s, nsSeparator: false })} sx={{ fontFamily: 'monospace' }} />
                  ))}
                </Stack>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Box>{formatDateTime(k.createdAt, i18n.language)}</Box>
                <Typography variant="caption" color="text.secondary">
                  {t('admin.apiKeys.by', { name: actorText(t, k.createdBy as Parameters<typeof actorText>[1]) })}
                </Typography>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, i18n.language) : t('admin.apiKeys.neverUsed')}</TableCell>
              <TableCell>
                {k.revokedAt ? (
                  <Chip size="small" label={t('admin.apiKeys.revokedAt', { at: formatDateTime(k.revokedAt, i18n.language) })} />
                ) : (
                  <Chip size="small" color="success" variant="outlined" label={t('admin.apiKeys.active')} />
                )}
              </TableCell>
              <TableCell align="right">
                {!k.revokedAt && (
                  <Button size="small" color="error" onClick={() => onRevoke(k)} aria-label={t('admin.apiKeys.revokeFor', { name: k.name })}>
                    {t('admin.apiKeys.revoke')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
