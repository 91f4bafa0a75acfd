import { useTranslation } from 'react-i18next';
import { Box, IconButton, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import ClearIcon from '@mui/icons-material/Clear';
import type { OutputSpec, RuleEvent } from '../api/types';
import { ChipsInput } from '../builder/ChipsInput';
import { IssueText } from '../builder/IssueText';
import { NumberField } from '../builder/NumberField';
import { pick, toLabel } from '../model/fact-catalog';
import type { IssueIndex } from '../model/issues';
import { JsonField } from './JsonField';
import { ReasonRows } from './ReasonRows';

// Params with a meaning of their own besides the declared outputs (see the engine's merge.ts).
const REASONS = 'reasons';
const SOURCE = 'source';

const isReasonList = (name: string, value: unknown) =>
  name === REASONS || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && 'code' in v));

/**
 * What a rule contributes when it fires: one field per declared output, typed by the output's type and merge
 * (a decision from its order, a limit as a number, tags as chips, reasons as code + zh + en rows), the event
 * type and the policy source. An empty field means the rule does not contribute to that output.
 */
export function OutputsEditor({
  event,
  outputs,
  pointer,
  onChange,
  readOnly,
  issues,
  knownValues,
  objectLists = new Set(),
}: {
  event: RuleEvent;
  outputs: Record<string, OutputSpec>;
  pointer: string;
  onChange(next: RuleEvent): void;
  readOnly: boolean;
  issues: IssueIndex;
  /** Values other rules already use for each output, offered as chips. */
  knownValues: Map<string, string[]>;
  /** Outputs whose items are {code, zh, en} objects somewhere in the rule set (reasons, covenants). */
  objectLists?: Set<string>;
}) {
  const { t, i18n } = useTranslation();
  const params = event.params ?? {};
  const setParam = (name: string, value: unknown) => {
    const next = { ...params };
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && name !== REASONS)) delete next[name];
    else next[name] = value;
    onChange({ ...event, params: next });
  };
  const declared = Object.entries(outputs ?? {});
  const extra = Object.keys(params).filter((k) => !(k in (outputs ?? {})) && k !== REASONS && k !== SOURCE && k !== 'reason');
  const paramPtr = (name: string) => `${pointer}/params/${name}`;
  const clear = (name: string) =>
    !readOnly &&
    params[name] !== undefined && (
      <Tooltip title={t('ruleSets.outputs.noContribution')}>
        <IconButton size="small" aria-label={t('ruleSets.outputs.clear', { name })} onClick={() => setParam(name, undefined)}>
          <ClearIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    );

  const field = (name: string, spec: OutputSpec) => {
    const value = params[name];
    // The description is the heading above the field; the field itself is labelled by the output's name.
    const label = name;
    const hasIssue = issues.field(pointer, `params/${name}`).length > 0;
    if (spec.type === 'array' && (isReasonList(name, value) || objectLists.has(name)))
      return (
        <ReasonRows
          value={Array.isArray(value) ? value : []}
          onChange={(v) => setParam(name, v)}
          readOnly={readOnly}
          pointer={paramPtr(name)}
          issues={issues}
          addLabel={name === REASONS ? undefined : t('ruleSets.outputs.addEntry')}
        />
      );
    if (spec.order?.length && spec.type === 'string')
      return (
        <TextField
          select
          size="small"
          label={label}
          value={value === undefined ? '' : String(value)}
          error={hasIssue}
          onChange={(e) => setParam(name, e.target.value === '' ? undefined : e.target.value)}
          fullWidth={false}
          sx={{ minWidth: 240 }}
          slotProps={{ input: { readOnly }, select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">
            <em>{t('ruleSets.outputs.noContribution')}</em>
          </MenuItem>
          {value !== undefined && !spec.order.includes(String(value)) && <MenuItem value={String(value)}>{String(value)}</MenuItem>}
          {spec.order.map((o) => (
            <MenuItem key={o} value={o}>
              {t(`ruleSets.outputValues.${o}`, { defaultValue: o })}
            </MenuItem>
          ))}
        </TextField>
      );
    if (spec.type === 'number')
      return <NumberField label={label} value={value} unit={spec.unit} readOnly={readOnly} error={hasIssue} onChange={(n) => setParam(name, n)} width={240} />;
    if (spec.type === 'boolean')
      return (
        <TextField
          select
          size="small"
          label={label}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => setParam(name, e.target.value === '' ? undefined : e.target.value === 'true')}
          fullWidth={false}
          sx={{ minWidth: 200 }}
          slotProps={{ input: { readOnly }, select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">
            <em>{t('ruleSets.outputs.noContribution')}</em>
          </MenuItem>
          <MenuItem value="true">{t('ruleSets.values.true')}</MenuItem>
          <MenuItem value="false">{t('ruleSets.values.false')}</MenuItem>
        </TextField>
      );
    if (spec.type === 'array' && (value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))))
      return (
        <ChipsInput
          label={label}
          value={Array.isArray(value) ? value : []}
          options={(knownValues.get(name) ?? []).map((v) => ({ value: v, label: v }))}
          readOnly={readOnly}
          error={hasIssue}
          onChange={(v) => setParam(name, v)}
        />
      );
    if (spec.type === 'string')
      return (
        <TextField
          size="small"
          label={label}
          value={typeof value === 'string' ? value : ''}
          error={hasIssue}
          onChange={(e) => setParam(name, e.target.value)}
          slotProps={{ input: { readOnly } }}
        />
      );
    return <JsonField label={label} value={value} readOnly={readOnly} error={hasIssue} onChange={(v) => setParam(name, v)} />;
  };

  return (
    <Stack spacing={2} data-pointer={pointer}>
      <IssueText issues={issues.at(pointer, ['type', 'params'])} />
      {declared.map(([name, spec]) => (
        <Box key={name} data-pointer={paramPtr(name)}>
          <Typography variant="subtitle2" component="h4" sx={{ mb: 0.75 }}>
            {pick(toLabel(spec.description), i18n.language) || name}
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              <Box component="span" sx={{ fontFamily: 'monospace' }}>
                {name}
              </Box>
              {' · '}
              {t(`ruleSets.merge.${spec.merge}`, { defaultValue: spec.merge })}
            </Typography>
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
            <Box sx={{ flex: 1, minWidth: 0, display: 'flex' }}>{field(name, spec)}</Box>
            {!(isReasonList(name, params[name]) || objectLists.has(name)) && clear(name)}
          </Stack>
          <IssueText issues={issues.field(pointer, `params/${name}`).filter((i) => !/\/\d+\//.test(i.pointer.slice(paramPtr(name).length)))} />
        </Box>
      ))}
      {!(REASONS in (outputs ?? {})) && (
        <Box data-pointer={paramPtr(REASONS)}>
          <Typography variant="subtitle2" component="h4" sx={{ mb: 0.75 }}>
            {t('ruleSets.outputs.reasons')}
          </Typography>
          <ReasonRows
            value={Array.isArray(params[REASONS]) ? (params[REASONS] as unknown[]) : []}
            onChange={(v) => setParam(REASONS, v.length ? v : undefined)}
            readOnly={readOnly}
            pointer={paramPtr(REASONS)}
            issues={issues}
          />
        </Box>
      )}
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        <TextField
          size="small"
          label={t('ruleSets.outputs.source')}
          helperText={t('ruleSets.outputs.sourceHelp')}
          value={typeof params[SOURCE] === 'string' ? params[SOURCE] : ''}
          onChange={(e) => setParam(SOURCE, e.target.value)}
          sx={{ flex: '2 1 320px' }}
          fullWidth={false}
          slotProps={{ input: { readOnly } }}
        />
        <TextField
          size="small"
          label={t('ruleSets.outputs.eventType')}
          helperText={t('ruleSets.outputs.eventTypeHelp')}
          value={event.type ?? ''}
          error={issues.field(pointer, 'type').length > 0}
          onChange={(e) => onChange({ ...event, type: e.target.value })}
          sx={{ flex: '1 1 200px' }}
          fullWidth={false}
          slotProps={{ input: { readOnly } }}
        />
      </Stack>
      {extra.length > 0 && (
        <Box>
          <Typography variant="subtitle2" component="h4">
            {t('ruleSets.outputs.otherParams')}
          </Typography>
          <Stack spacing={1} sx={{ mt: 0.75 }}>
            {extra.map((name) => (
              <JsonField key={name} label={name} value={params[name]} readOnly={readOnly} onChange={(v) => setParam(name, v)} />
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
