import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Chip, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import RuleIcon from '@mui/icons-material/RuleOutlined';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useRuleSetList } from '../../features/rule-sets/api/rule-set-hooks';
import type { RuleSetSummary } from '../../features/rule-sets/api/types';
import { StatusChip } from '../../features/rule-sets/components/StatusChip';
import { pick } from '../../features/rule-sets/model/fact-catalog';
import { actorName, formatDateTime } from '../../features/rule-sets/model/format';
import { ImportButton } from './ImportButton';
import { ruleSetHref, versionHref } from './rule-set-links';

/** Every rule set: family, name, the active version, open drafts with their status, and the last change. */
export function RuleSetsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useRuleSetList();
  const actions = can('rules:write') ? <ImportButton /> : undefined;
  return (
    <>
      <PageHeader title={t('pages.ruleSets.title')} description={t('pages.ruleSets.description')} actions={actions} />
      {list.status === 'loading' && <LoadingState />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' &&
        (list.data.items.length === 0 ? (
          <Paper variant="outlined">
            <EmptyState icon={<RuleIcon />} title={t('ruleSets.list.emptyTitle')} body={t('ruleSets.list.emptyBody')} action={actions} />
          </Paper>
        ) : (
          <RuleSetTable items={list.data.items} />
        ))}
    </>
  );
}

function RuleSetTable({ items }: { items: RuleSetSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label={t('pages.ruleSets.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('ruleSets.list.name')}</TableCell>
            <TableCell>{t('ruleSets.list.family')}</TableCell>
            <TableCell>{t('ruleSets.list.active')}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('ruleSets.list.drafts')}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('ruleSets.list.lastChange')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((rs) => (
            <TableRow key={rs.key} hover>
              <TableCell>
                <Link component={RouterLink} to={ruleSetHref(rs.key)} sx={{ fontWeight: 600 }}>
                  {pick(rs.name, i18n.language)}
                </Link>
                <Typography variant="caption" component="div" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                  {rs.key}
                </Typography>
              </TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" label={t(`ruleSets.family.${rs.family}`)} />
              </TableCell>
              <TableCell>
                {rs.active ? (
                  <>
                    <Link component={RouterLink} to={versionHref(rs.key, rs.active.version)}>
                      {t('ruleSets.common.versionN', { version: rs.active.version })}
                    </Link>
                    <Typography variant="caption" component="div" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                      {t('ruleSets.list.activeSince', { date: formatDateTime(rs.active.activatedAt, i18n.language) })}
                    </Typography>
                  </>
                ) : (
                  <Typography variant="body2" color="text.secondary">
                    {t('ruleSets.list.noActive')}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {rs.drafts.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    —
                  </Typography>
                ) : (
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                    {rs.drafts.map((d) => (
                      <Link key={d.version} component={RouterLink} to={versionHref(rs.key, d.version)} underline="none" aria-label={t('ruleSets.list.draftLink', { version: d.version, status: t(`ruleSets.status.${d.status}`) })}>
                        <StatusChip status={d.status} label={`v${d.version} · ${t(`ruleSets.status.${d.status}`)}`} />
                      </Link>
                    ))}
                  </Stack>
                )}
              </TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(rs.lastChange.at, i18n.language)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {actorName(t, rs.lastChange.by)}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
