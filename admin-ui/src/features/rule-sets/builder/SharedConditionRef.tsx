import { useTranslation } from 'react-i18next';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import ShareIcon from '@mui/icons-material/ShareOutlined';
import type { ConditionRef } from '../api/types';
import { describeCondition } from '../model/describe';
import { useBuilder } from './builder-context';
import { IssueText } from './IssueText';

/** A reference to a shared condition: which one, what it says, and a way to open it for editing. */
export function SharedConditionRef({ node, pointer, onChange }: { node: ConditionRef; pointer: string; onChange(next: ConditionRef): void }) {
  const { t, i18n } = useTranslation();
  const { shared, facts, readOnly, issues, onOpenShared } = useBuilder();
  const names = Object.keys(shared);
  const target = shared[node.condition];
  return (
    <Box data-pointer={pointer} role="group" aria-label={t('ruleSets.builder.sharedLabel', { name: node.condition })}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <ShareIcon fontSize="small" color="secondary" aria-hidden />
        <TextField
          select
          size="small"
          label={t('ruleSets.builder.sharedCondition')}
          value={node.condition}
          onChange={(e) => onChange({ ...node, condition: e.target.value })}
          fullWidth={false}
          sx={{ minWidth: 220 }}
          slotProps={{ input: { readOnly } }}
        >
          {!names.includes(node.condition) && <MenuItem value={node.condition}>{node.condition}</MenuItem>}
          {names.map((n) => (
            <MenuItem key={n} value={n}>
              {n}
            </MenuItem>
          ))}
        </TextField>
        {onOpenShared && target && (
          <Button size="small" onClick={() => onOpenShared(node.condition)}>
            {readOnly ? t('ruleSets.builder.viewShared') : t('ruleSets.builder.editShared')}
          </Button>
        )}
      </Stack>
      {target && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {describeCondition(target, { t, language: i18n.language, facts })}
        </Typography>
      )}
      <IssueText issues={issues.at(pointer, 'group')} />
    </Box>
  );
}
