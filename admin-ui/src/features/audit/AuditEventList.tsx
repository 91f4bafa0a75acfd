import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Chip, List, ListItem, Paper, Stack, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { actorText } from '../../components/format/actor-text';
import { formatDateTime } from '../../components/format/date-time';
import { ChangeView } from './ChangeView';
import type { AuditEvent } from './types';

/** A readable name for an action: the translation when we have one, else the dotted verb itself. */
export function actionText(t: ReturnType<typeof useTranslation>['t'], action: string): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action, nsSeparator: false });
}

// The rows' content starts after the item's padding, the button's padding and its disclosure icon (44 px in all);
// the header leaves the same room so its labels sit over their columns.
const GRID = { xs: '1fr', md: '160px 190px minmax(0, 1fr) 160px' };

function EventRow({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = `audit-${event.id}`;
  return (
    <ListItem disableGutters data-event-id={event.id} data-action={event.action} sx={{ display: 'block', borderTop: 1, borderColor: 'divider', px: 1.5, py: 1 }}>
      <Button
        color="inherit"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={panelId}
        startIcon={open ? <ExpandMoreIcon /> : <ChevronRightIcon />}
        sx={{ width: '100%', justifyContent: 'flex-start', textAlign: 'left', fontWeight: 400 }}
      >
        <Box sx={{ display: 'grid', gap: 1.5, alignItems: 'center', width: '100%', gridTemplateColumns: GRID }}>
          <Typography variant="body2" color="text.secondary">
            {formatDateTime(event.at, i18n.language, true)}
          </Typography>
          <Box>
            <Chip size="small" label={actionText(t, event.action)} sx={{ maxWidth: '100%' }} />
          </Box>
          <Typography variant="body2" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Box component="span" color="text.secondary">
              {t(`audit.entityTypes.${event.entityType}`, { defaultValue: event.entityType })}
            </Box>{' '}
            <Box component="code" sx={{ fontWeight: 600 }}>
              {event.entityId}
            </Box>
            {event.entityKey !== event.entityId && (
              <Box component="span" color="text.secondary">
                {' '}
                ({event.entityKey})
              </Box>
            )}
          </Typography>
          <Typography variant="body2" title={event.actor.id} sx={{ overflowWrap: 'anywhere' }}>
            {actorText(t, event.actor)}
          </Typography>
        </Box>
      </Button>
      {open && (
        <Box id={panelId} sx={{ pl: { xs: 1, md: 5 }, pr: 1, pb: 1 }}>
          {event.comment && (
            <Typography variant="body2" sx={{ mb: 1 }}>
              <strong>{t('audit.comment')}:</strong> {event.comment}
            </Typography>
          )}
          <ChangeView before={event.before} after={event.after} />
        </Box>
      )}
    </ListItem>
  );
}

/** Audit events, newest first, each expandable to its before → after. */
export function AuditEventList({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined">
      <Stack direction="row" sx={{ pl: '44px', pr: '20px', py: 1, display: { xs: 'none', md: 'grid' }, gridTemplateColumns: GRID.md, gap: 1.5 }} aria-hidden>
        {(['at', 'action', 'entity', 'actor'] as const).map((c) => (
          <Typography key={c} variant="caption" color="text.secondary" sx={{ fontWeight: 700 }}>
            {t(`audit.columns.${c}`)}
          </Typography>
        ))}
      </Stack>
      <List disablePadding aria-label={t('audit.listLabel')}>
        {events.map((e) => (
          <EventRow key={e.id} event={e} />
        ))}
      </List>
    </Paper>
  );
}
