import { useTranslation } from 'react-i18next';
import { Box, List, ListItem, Typography } from '@mui/material';
import type { FiredRule } from '../api/types';
import { reasonText } from '../../../components/format/reason-text';
import { ruleReasons } from '../model/format';

/** The rules that fired, in firing order, each with the reasons it gave. */
export function FiredRules({ rules }: { rules: FiredRule[] }) {
  const { t, i18n } = useTranslation();
  if (rules.length === 0) return <Typography color="text.secondary">{t('decisions.detail.noneFired')}</Typography>;
  return (
    <List disablePadding aria-label={t('decisions.detail.firedRules')}>
      {rules.map((rule, i) => {
        const reasons = ruleReasons(rule.event.params);
        return (
          <ListItem key={`${i}-${rule.name}`} disableGutters sx={{ display: 'block', borderTop: i ? 1 : 0, borderColor: 'divider', py: 1 }}>
            <Typography variant="body2">
              <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
                {rule.name}
              </Box>{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {t('decisions.explanation.priority', { priority: rule.priority })} · {rule.event.type}
              </Typography>
            </Typography>
            {reasons.length > 0 && (
              <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
                {reasons.map((r, j) => (
                  <Typography component="li" variant="body2" key={j}>
                    {reasonText(r, i18n.language)}
                  </Typography>
                ))}
              </Box>
            )}
          </ListItem>
        );
      })}
    </List>
  );
}
