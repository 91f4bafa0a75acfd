import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Autocomplete, Button, Stack, TextField, Typography } from '@mui/material';
import { useApiResource } from '../../../api/use-api-resource';
import type { Alert } from '../api/types';

/** Asks once for the user's relationship-manager code, offering the owners that currently have alerts. */
export function MyCodeForm({ initial, onSave, onCancel }: { initial?: string | null; onSave: (code: string) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial ?? '');
  const recent = useApiResource<{ items: Alert[] }>('/api/v1/alerts?status=active&limit=200');
  const owners = recent.status === 'ready' ? [...new Set(recent.data.items.map((a) => a.owner).filter((o): o is string => Boolean(o)))].sort() : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onSave(value.trim());
  };
  return (
    <Stack component="form" onSubmit={submit} spacing={1.5} sx={{ maxWidth: 520 }} noValidate>
      <Typography color="text.secondary">{t('alerts.mine.explain')}</Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Autocomplete
          freeSolo
          options={owners}
          inputValue={value}
          onInputChange={(_e, v) => setValue(v)}
          sx={{ flexGrow: 1 }}
          renderInput={(params) => <TextField {...params} size="small" id="my-owner-code" label={t('alerts.mine.code')} placeholder="RM-51-002" />}
        />
        <Button type="submit" variant="contained" disabled={!value.trim()}>
          {t('alerts.mine.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('alerts.mine.cancel')}</Button>}
      </Stack>
    </Stack>
  );
}
