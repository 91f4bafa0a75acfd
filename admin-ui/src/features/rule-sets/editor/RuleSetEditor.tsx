import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, Paper, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import type { Rule, RuleSetDocument, TopCondition } from '../api/types';
import { BuilderContext, type BuilderContextValue } from '../builder/builder-context';
import * as edits from '../model/document-edits';
import type { FactInfo } from '../model/fact-catalog';
import type { IssueIndex } from '../model/issues';
import { I18nTextFields } from './I18nTextFields';
import { isJsonOnly } from './issue-location';
import { IssueSummary } from './IssueSummary';
import type { JsonParseError } from './json-text';
import { JsonView } from './JsonView';
import { OutputsOverview } from './OutputsOverview';
import { RuleCard } from './RuleCard';
import { SharedConditions } from './SharedConditions';

export interface RuleSetEditorProps {
  doc: RuleSetDocument;
  editable: boolean;
  change(edit: (doc: RuleSetDocument) => RuleSetDocument): void;
  jsonText: string;
  jsonError: JsonParseError | null;
  setJsonText(text: string): void;
  issues: IssueIndex;
  facts: Map<string, FactInfo>;
  /** A JSON pointer to open and scroll to (from "show" on a problem, or the address). */
  reveal: string | null;
  onReveal(pointer: string): void;
}

type View = 'visual' | 'json';

/** What the rules already put into each list output: strings to offer as chips, or {code, zh, en} objects. */
function outputShapes(doc: RuleSetDocument): { values: Map<string, string[]>; objectLists: Set<string> } {
  const out = new Map<string, Set<string>>();
  const objectLists = new Set<string>();
  for (const r of Array.isArray(doc.rules) ? doc.rules : [])
    for (const [k, v] of Object.entries(r?.event?.params ?? {}))
      if (Array.isArray(v))
        for (const item of v) {
          if (typeof item === 'string') out.set(k, (out.get(k) ?? new Set()).add(item));
          else if (typeof item === 'object' && item !== null && 'code' in item) objectLists.add(k);
        }
  return { values: new Map([...out].map(([k, v]) => [k, [...v].sort()])), objectLists };
}

/** The element showing `pointer`, or the nearest enclosing place that is rendered. */
function findPlace(pointer: string): { el: HTMLElement; exact: boolean } | null {
  const parts = pointer.split('/');
  for (let n = parts.length; n > 1; n--) {
    const el = document.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(parts.slice(0, n).join('/'))}"]`);
    if (el) return { el, exact: n === parts.length };
  }
  return null;
}

/**
 * Scrolls to a place once it is rendered: an opened rule renders its conditions a moment later, so this waits a
 * little for the exact place before settling for the nearest one.
 */
function scrollTo(pointer: string, attempt = 0): ReturnType<typeof setTimeout> | undefined {
  const place = findPlace(pointer);
  if ((!place || !place.exact) && attempt < 20) return setTimeout(() => scrollTo(pointer, attempt + 1), 50);
  if (!place) return undefined;
  place.el.scrollIntoView?.({ block: 'center' });
  place.el.querySelector<HTMLElement>('input, textarea, [role="combobox"], button')?.focus({ preventScroll: true });
  // The opening rule grows for a moment (its expand animation); look again once it has its full height.
  return setTimeout(() => place.el.scrollIntoView?.({ block: 'center' }), 400);
}

/**
 * The rule-set editor: the visual builder (rule set details, rules, shared conditions) and the JSON view of the
 * same document. Stateless apart from which parts are open; the document lives in useRuleSetEditor.
 */
export function RuleSetEditor({ doc, editable, change, jsonText, jsonError, setJsonText, issues, facts, reveal, onReveal }: RuleSetEditorProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('visual');
  const [openRules, setOpenRules] = useState<Set<number>>(() => new Set());
  const [openShared, setOpenShared] = useState<Set<string>>(() => new Set());
  const rules = Array.isArray(doc.rules) ? doc.rules : null;

  useEffect(() => {
    if (!reveal) return;
    const [, area, id] = reveal.split('/');
    if (isJsonOnly(reveal)) {
      setView('json');
      return;
    }
    setView('visual');
    if (area === 'rules') setOpenRules((s) => new Set(s).add(Number(id)));
    if (area === 'conditions') setOpenShared((s) => new Set(s).add(id.replace(/~1/g, '/').replace(/~0/g, '~')));
    const timer = setTimeout(() => scrollTo(reveal), 0);
    return () => clearTimeout(timer);
  }, [reveal]);

  const onExpand = useCallback((index: number, open: boolean) => setOpenRules((s) => {
    const next = new Set(s);
    if (open) next.add(index);
    else next.delete(index);
    return next;
  }), []);
  const onRuleChange = useCallback((index: number, rule: Rule) => change((d) => edits.setRule(d, index, rule)), [change]);
  const onRename = useCallback((index: number, name: string) => change((d) => edits.renameRule(d, index, name)), [change]);
  const onMove = useCallback(
    (index: number, delta: -1 | 1) => {
      change((d) => edits.moveRule(d, index, delta));
      setOpenRules((s) => new Set([...s].map((i) => (i === index ? index + delta : i === index + delta ? index : i))));
    },
    [change],
  );
  const onRemove = useCallback(
    (index: number) => {
      change((d) => edits.removeRule(d, index));
      setOpenRules((s) => new Set([...s].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))));
    },
    [change],
  );
  const openShared_ = useCallback((name: string) => onReveal(`/conditions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`), [onReveal]);

  const builder = useMemo<BuilderContextValue>(
    () => ({ facts, readOnly: !editable, issues, shared: doc.conditions ?? {}, onOpenShared: openShared_ }),
    [facts, editable, issues, doc.conditions, openShared_],
  );
  const shapes = useMemo(() => outputShapes(doc), [doc]);

  return (
    <BuilderContext.Provider value={builder}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', rowGap: 1 }}>
          <ToggleButtonGroup size="small" exclusive value={view} onChange={(_, v: View | null) => v && setView(v)} aria-label={t('ruleSets.editor.viewLabel')}>
            <ToggleButton value="visual">{t('ruleSets.editor.visual')}</ToggleButton>
            <ToggleButton value="json">{t('ruleSets.editor.json')}</ToggleButton>
          </ToggleButtonGroup>
          {!editable && (
            <Typography variant="body2" color="text.secondary">
              {t('ruleSets.editor.readOnly')}
            </Typography>
          )}
        </Stack>
        <IssueSummary issues={issues} doc={doc} onReveal={onReveal} />
        {view === 'json' ? (
          <JsonView text={jsonText} error={jsonError} onChange={setJsonText} readOnly={!editable} />
        ) : (
          <>
            {jsonError && <Alert severity="warning" role="note">{t('ruleSets.json.visualShowsLastValid')}</Alert>}
            {!rules ? (
              <Alert severity="error" role="note">{t('ruleSets.editor.notVisual')}</Alert>
            ) : (
              <>
                <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="rs-details-heading">
                  <Typography variant="h6" component="h2" id="rs-details-heading" sx={{ mb: 1.5 }}>
                    {t('ruleSets.editor.detailsHeading')}
                  </Typography>
                  <Stack spacing={2}>
                    <I18nTextFields
                      label={t('ruleSets.editor.name')}
                      value={doc.name}
                      readOnly={!editable}
                      pointer="/name"
                      issues={issues.within('/name')}
                      onChange={(name) => change((d) => ({ ...d, name: { zh: '', en: '', ...(typeof name === 'object' ? name : {}) } }))}
                    />
                    <I18nTextFields
                      label={t('ruleSets.editor.description')}
                      value={doc.description}
                      readOnly={!editable}
                      multiline
                      pointer="/description"
                      issues={issues.within('/description')}
                      onChange={(description) =>
                        change((d) => {
                          const { description: _old, ...rest } = d;
                          return description === undefined ? (rest as RuleSetDocument) : { ...rest, description };
                        })
                      }
                    />
                    <Box>
                      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
                        {t('ruleSets.editor.outputsHeading')}
                      </Typography>
                      <OutputsOverview outputs={doc.outputs} />
                    </Box>
                  </Stack>
                </Paper>
                <Box component="section" aria-labelledby="rs-rules-heading">
                  <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
                    <Typography variant="h6" component="h2" id="rs-rules-heading">
                      {t('ruleSets.editor.rulesHeading', { count: rules.length })}
                    </Typography>
                    <Stack direction="row" spacing={1}>
                      <Button size="small" onClick={() => setOpenRules(new Set(rules.map((_, i) => i)))}>
                        {t('ruleSets.editor.expandAll')}
                      </Button>
                      <Button size="small" onClick={() => setOpenRules(new Set())}>
                        {t('ruleSets.editor.collapseAll')}
                      </Button>
                    </Stack>
                  </Stack>
                  <Stack spacing={1}>
                    {rules.map((rule, index) => (
                      <RuleCard
                        key={index}
                        rule={rule}
                        index={index}
                        count={rules.length}
                        expanded={openRules.has(index)}
                        outputs={doc.outputs}
                        knownValues={shapes.values}
                        objectLists={shapes.objectLists}
                        onExpand={onExpand}
                        onChange={onRuleChange}
                        onRename={onRename}
                        onMove={onMove}
                        onRemove={onRemove}
                      />
                    ))}
                  </Stack>
                  {editable && (
                    <Button
                      startIcon={<AddIcon />}
                      sx={{ mt: 1 }}
                      onClick={() => {
                        const index = rules.length;
                        change(edits.addRule);
                        setOpenRules((s) => new Set(s).add(index));
                      }}
                    >
                      {t('ruleSets.editor.addRule')}
                    </Button>
                  )}
                </Box>
                <Box component="section" aria-labelledby="rs-shared-heading">
                  <Typography variant="h6" component="h2" id="rs-shared-heading" sx={{ mb: 1 }}>
                    {t('ruleSets.shared.heading')}
                  </Typography>
                  <SharedConditions
                    doc={doc}
                    expanded={openShared}
                    onExpand={(name, open) =>
                      setOpenShared((s) => {
                        const next = new Set(s);
                        if (open) next.add(name);
                        else next.delete(name);
                        return next;
                      })
                    }
                    onChange={(name, condition: TopCondition) => change((d) => edits.setShared(d, name, condition))}
                    onAdd={(name) => {
                      change((d) => edits.addShared(d, name));
                      setOpenShared((s) => new Set(s).add(name));
                    }}
                    onRemove={(name) => change((d) => edits.removeShared(d, name))}
                  />
                </Box>
              </>
            )}
          </>
        )}
      </Stack>
    </BuilderContext.Provider>
  );
}
