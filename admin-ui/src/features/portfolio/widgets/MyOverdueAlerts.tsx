import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../auth/session';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Link, List, ListItem, Stack, Typography } from '@mui/material';
import { text } from '../../alerts/api/types';
import { SlaCountdown } from '../../alerts/list/SlaCountdown';
import { useMyOwnerCode } from '../../alerts/model/use-my-code';
import { useNow } from '../../alerts/model/use-now';
import { SeverityChip } from '../chips/SeverityChip';
import { useMyOverdue } from '../api/portfolio-hooks';
import { Muted, WidgetBody } from './Widget';

const SHOWN = 8;

/**
 * The relationship manager's overdue alerts, most overdue first, each one click from its page. Whose they are is
 * the account's RM code (set by an administrator); without one the widget says so, and uses a code entered in the
 * inbox on this browser if there is one.
 */
export function MyOverdueAlerts({ user }: { user: Pick<SessionUser, 'id' | 'rmCode'> | null }) {
  const { t, i18n } = useTranslation();
  const { code, fromAccount } = useMyOwnerCode(user);
  const overdue = useMyOverdue(code);
  const now = useNow();
  if (!code)
    return (
      <Muted>
        {t('portfolio.widgets.overdue.noCode')}{' '}
        <Link component={RouterLink} to="/alerts">
          {t('portfolio.widgets.overdue.setCode')}
        </Link>
      </Muted>
    );
  return (
    <>
      {!fromAccount && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="browser-code">
          {t('portfolio.widgets.overdue.browserCode', { code })}
        </Typography>
      )}
      <WidgetBody state={overdue} reload={overdue.reload}>
        {(data) =>
          !data || data.items.length === 0 ? (
            <Muted>{t('portfolio.widgets.overdue.none', { code })}</Muted>
          ) : (
            <Box>
              <List disablePadding aria-label={t('portfolio.widgets.overdue.label', { code })}>
                {data.items.slice(0, SHOWN).map((a) => (
                  <ListItem key={a.id} disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 0.75 }} data-alert-id={a.id}>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
                      <SeverityChip severity={a.severity} />
                      <Link component={RouterLink} to={`/alerts/${encodeURIComponent(a.id)}`} sx={{ fontWeight: 600 }}>
                        {a.ruleId} · {text(a.title, i18n.language)}
                      </Link>
                    </Stack>
                    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mt: 0.25, flexWrap: 'wrap' }} useFlexGap>
                      <Typography variant="body2" color="text.secondary">
                        {a.clientName}
                      </Typography>
                      <SlaCountdown dueAt={a.dueAt} active now={now} compact />
                    </Stack>
                  </ListItem>
                ))}
              </List>
              <Link component={RouterLink} to="/alerts?overdue=true" sx={{ display: 'inline-block', mt: 1 }}>
                {t('portfolio.widgets.overdue.all', { count: Math.max(data.overdue, data.items.length) })}
              </Link>
            </Box>
          )
        }
      </WidgetBody>
    </>
  );
}
