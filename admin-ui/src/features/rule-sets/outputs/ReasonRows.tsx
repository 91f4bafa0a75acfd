import { useTranslation } from 'react-i18next';
import { Button, IconButton, Stack, TextField, Tooltip } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { IssueText } from '../builder/IssueText';
import type { IssueIndex } from '../model/issues';

export interface Reason {
  code: string;
  zh: string;
  en: string;
}

const isReason = (v: unknown): v is Partial<Reason> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reason codes with their Chinese and English wording: what a credit officer reads on a decision. */
export function ReasonRows({
  value,
  onChange,
  readOnly,
  pointer,
  issues,
  addLabel,
}: {
  addLabel?: string;
  value: unknown[];
  onChange(next: unknown[]): void;
  readOnly: boolean;
  pointer: string;
  issues: IssueIndex;
}) {
  const { t } = useTranslation();
  const set = (index: number, field: keyof Reason, text: string) =>
    onChange(value.map((r, i) => (i === index ? { ...(isReason(r) ? r : { code: '', zh: '', en: '' }), [field]: text } : r)));
  return (
    <Stack spacing={1}>
      {value.map((reason, index) => {
        const r = isReason(reason) ? reason : { code: String(reason), zh: '', en: '' };
        const ptr = `${pointer}/${index}`;
        const field = (name: keyof Reason, label: string, width: string) => (
          <TextField
            size="small"
            label={label}
            value={r[name] ?? ''}
            onChange={(e) => set(index, name, e.target.value)}
            error={issues.field(ptr, name).length > 0}
            fullWidth={false}
            sx={{ flex: width }}
            slotProps={{ input: { readOnly } }}
          />
        );
        return (
          <div key={index} data-pointer={ptr}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              {field('code', t('ruleSets.outputs.reasonCode'), '0 0 150px')}
              {field('zh', t('ruleSets.outputs.reasonZh'), '1 1 200px')}
              {field('en', t('ruleSets.outputs.reasonEn'), '1 1 200px')}
              {!readOnly && (
                <Tooltip title={t('ruleSets.outputs.removeReason')}>
                  <IconButton size="small" aria-label={t('ruleSets.outputs.removeReason')} onClick={() => onChange(value.filter((_, i) => i !== index))}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              )}
            </Stack>
            <IssueText issues={issues.within(ptr)} />
          </div>
        );
      })}
      {!readOnly && (
        <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => onChange([...value, { code: '', zh: '', en: '' }])}>
          {addLabel ?? t('ruleSets.outputs.addReason')}
        </Button>
      )}
    </Stack>
  );
}
