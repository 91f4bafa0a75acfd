import { useTranslation } from 'react-i18next';
import { Facts } from '../../decisions/detail/Section';
import { formatAmount, formatAmountExact, formatPercent } from '../../../components/charts/format';
import { industryLabel, provinceLabel, sizeLabel, stageLabel } from '../../portfolio/model/labels';
import type { ClientRecord } from '../api/types';

/** Who the client is, who looks after it and how it is rated: the facts a relationship manager checks first. */
export function ProfileSection({ client }: { client: ClientRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = client.profile;
  const exposure = (p.facilities ?? []).reduce((s, f) => s + (f.drawn ?? 0), 0);
  const limits = (p.facilities ?? []).reduce((s, f) => s + (f.limit ?? 0), 0);
  const k = (key: string) => t(`clients.profile.${key}`);
  const rating = p.internalRating;
  const items = [
    { term: k('uscc'), value: p.uscc ?? p.lei ?? client.key, mono: true },
    { term: k('industry'), value: `${p.industry.section ?? '?'}${p.industry.division ?? ''} · ${industryLabel(t, p.industry.section)}` },
    { term: k('region'), value: p.country === 'CN' ? `${provinceLabel(t, p.provinceCode)}${p.cityCode ? ` (${p.cityCode})` : ''}` : p.country },
    { term: k('size'), value: `${sizeLabel(t, p.sizeClass)}${p.employees ? ` · ${t('clients.profile.employees', { count: p.employees })}` : ''}` },
    { term: k('ownership'), value: p.ownership ? t(`clients.ownership.${p.ownership}`, { defaultValue: p.ownership }) : '—' },
    { term: k('legalForm'), value: p.legalForm ?? '—' },
    { term: k('established'), value: p.establishedDate ?? '—' },
    { term: k('rm'), value: p.relationshipManager ?? '—', mono: true },
    { term: k('relationshipSince'), value: p.relationshipStartDate ?? '—' },
    {
      term: k('internalRating'),
      value: rating?.grade !== undefined ? t('clients.profile.grade', { grade: rating.grade, pd: formatPercent(rating.pd ?? null, lang, 2), date: rating.date ?? '—' }) : '—',
    },
    { term: k('externalRating'), value: p.externalRating?.rating ? `${p.externalRating.rating} (${p.externalRating.agency ?? '—'})` : '—' },
    { term: k('stage'), value: stageLabel(t, client.segments.ifrs9Stage) },
    { term: k('exposure'), value: <span title={formatAmountExact(exposure, lang)}>{`${formatAmount(exposure, lang)} / ${formatAmount(limits, lang)}`}</span> },
    { term: k('otherBanks'), value: p.creditReport?.otherBankDebt !== undefined ? formatAmount(p.creditReport.otherBankDebt, lang) : '—' },
    { term: k('tags'), value: client.segments.tags?.length ? client.segments.tags.join('、') : '—' },
  ];
  return <Facts items={items} />;
}
