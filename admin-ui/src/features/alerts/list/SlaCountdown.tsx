import { useTranslation } from 'react-i18next';
import { Box, Typography } from '@mui/material';
import OverdueIcon from '@mui/icons-material/ErrorOutlineOutlined';
import TodayIcon from '@mui/icons-material/AccessTime';
import { slaState } from '../model/sla';

/**
 * Due date against now, in words first: "Overdue by 3 days" (red, with an icon), "Due today · 5 h left" (amber),
 * "Due in 4 days". The due day is always shown too, so nobody has to trust the arithmetic.
 */
export function SlaCountdown({ dueAt, active, now, compact = false }: { dueAt: string; active: boolean; now: Date; compact?: boolean }) {
  const { t } = useTranslation();
  const s = slaState(dueAt, now, active);
  const due = t('alerts.sla.dueOn', { date: dueAt });
  if (s.kind === 'closed')
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {due}
      </Typography>
    );
  const text =
    s.kind === 'overdue' ? t('alerts.sla.overdue', { count: s.days }) : s.kind === 'today' ? t('alerts.sla.today', { count: s.hoursLeft }) : t('alerts.sla.dueIn', { count: s.days });
  const colour = s.kind === 'overdue' ? 'error.main' : s.kind === 'today' ? 'warning.main' : 'text.primary';
  return (
    <Box component="span" data-sla={s.kind} sx={{ display: 'inline-flex', flexDirection: compact ? 'row' : 'column', gap: compact ? 1 : 0, alignItems: compact ? 'center' : 'flex-start' }}>
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: colour, fontWeight: s.kind === 'due' ? 400 : 700 }}>
        {s.kind === 'overdue' && <OverdueIcon fontSize="small" aria-hidden />}
        {s.kind === 'today' && <TodayIcon fontSize="small" aria-hidden />}
        <span>{text}</span>
      </Box>
      <Typography variant="caption" color="text.secondary" component="span">
        {due}
      </Typography>
    </Box>
  );
}
