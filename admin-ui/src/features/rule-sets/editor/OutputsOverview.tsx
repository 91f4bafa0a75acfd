import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { OutputSpec } from '../api/types';
import { pick, toLabel } from '../model/fact-catalog';

/** The rule set's declared outputs and how fired rules combine into each: read here, changed in the JSON view. */
export function OutputsOverview({ outputs }: { outputs: Record<string, OutputSpec> }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(outputs ?? {});
  if (!entries.length) return null;
  return (
    <Table size="small" aria-label={t('ruleSets.editor.outputsHeading')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('ruleSets.editor.outputName')}</TableCell>
          <TableCell>{t('ruleSets.editor.outputMeaning')}</TableCell>
          <TableCell>{t('ruleSets.editor.outputMerge')}</TableCell>
          <TableCell>{t('ruleSets.editor.outputDefault')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(([name, spec]) => (
          <TableRow key={name}>
            <TableCell sx={{ fontFamily: 'monospace' }}>{name}</TableCell>
            <TableCell>{pick(toLabel(spec.description), i18n.language)}</TableCell>
            <TableCell>
              {t(`ruleSets.merge.${spec.merge}`, { defaultValue: spec.merge })}
              {spec.order?.length ? (
                <Typography variant="caption" component="div" color="text.secondary">
                  {spec.order.join(' > ')}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{spec.default === undefined ? '—' : JSON.stringify(spec.default)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
