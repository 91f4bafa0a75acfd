import { useTranslation } from 'react-i18next';
import { Stack, TextField } from '@mui/material';
import type { TextOrI18n } from '../api/types';
import type { Issue } from '../model/issues';
import { issueText } from '../model/issues';

/** A text in Chinese and English side by side; a plain string (allowed by the schema) becomes zh/en on first edit. */
export function I18nTextFields({
  value,
  onChange,
  label,
  readOnly,
  multiline,
  issues = [],
  pointer,
}: {
  value: TextOrI18n | undefined;
  onChange(next: TextOrI18n | undefined): void;
  label: string;
  readOnly: boolean;
  multiline?: boolean;
  issues?: Issue[];
  pointer: string;
}) {
  const { t } = useTranslation();
  const zh = typeof value === 'string' ? value : (value?.zh ?? '');
  const en = typeof value === 'string' ? value : (value?.en ?? '');
  const set = (lang: 'zh' | 'en', text: string) => {
    const next = { zh, en, [lang]: text };
    onChange(!next.zh && !next.en ? undefined : next);
  };
  const problem = (lang: 'zh' | 'en') => issues.filter((i) => i.pointer === `${pointer}/${lang}` || i.pointer === pointer);
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      {(['zh', 'en'] as const).map((lang) => (
        <TextField
          key={lang}
          size="small"
          label={`${label} (${t(`ruleSets.languages.${lang}`)})`}
          value={lang === 'zh' ? zh : en}
          onChange={(e) => set(lang, e.target.value)}
          multiline={multiline}
          maxRows={4}
          error={problem(lang).length > 0}
          helperText={problem(lang).map((i) => issueText(t, i)).join(' ') || undefined}
          slotProps={{ input: { readOnly }, htmlInput: { lang: lang === 'zh' ? 'zh-CN' : 'en' } }}
        />
      ))}
    </Stack>
  );
}
