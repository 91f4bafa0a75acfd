import { useTranslation } from 'react-i18next';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatAmount, formatAmountExact, formatPercent } from '../../../components/charts/format';
import { Class5Chip } from '../../portfolio/chips/Class5Chip';
import type { ClientProfile, Facility } from '../api/types';

function latest(f: Facility) {
  const months = f.monthly ?? [];
  return months.length ? months.reduce((a, b) => (a.snapshot >= b.snapshot ? a : b)) : null;
}

/** Facilities with their latest monthly status, then the collateral and guarantees that secure them. */
export function LoansSection({ profile }: { profile: ClientProfile }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const facilities = profile.facilities ?? [];
  const collateral = profile.collateral ?? [];
  const guarantees = profile.guarantees ?? [];
  const label = (group: string, code: string | undefined) => (code ? t(`clients.codes.${group}.${code}`, { defaultValue: code }) : '—');
  const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
  return (
    <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Box>
        <Typography variant="subtitle1" component="h3" sx={{ mb: 0.5 }}>
          {t('clients.loans.facilities', { count: facilities.length })}
        </Typography>
        {facilities.length === 0 ? (
          <Typography color="text.secondary">{t('clients.loans.noFacilities')}</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={t('clients.loans.facilitiesLabel')}>
              <TableHead>
                <TableRow>
                  {['id', 'product', 'limit', 'drawn', 'term', 'security', 'spread', 'dpd', 'class5'].map((c) => (
                    <TableCell key={c} align={['limit', 'drawn', 'spread', 'dpd'].includes(c) ? 'right' : 'left'}>
                      {t(`clients.loans.columns.${c}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {facilities.map((f) => {
                  const m = latest(f);
                  return (
                    <TableRow key={f.id}>
                      <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>{f.id}</TableCell>
                      <TableCell>
                        {label('product', f.product)}
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          {label('purpose', f.purpose)}
                        </Typography>
                      </TableCell>
                      <TableCell align="right" sx={num} title={formatAmountExact(f.limit, lang, f.currency)}>
                        {formatAmount(f.limit, lang, f.currency)}
                      </TableCell>
                      <TableCell align="right" sx={num} title={formatAmountExact(f.drawn, lang, f.currency)}>
                        {formatAmount(f.drawn, lang, f.currency)}
                        {m?.limitUtilisation !== undefined && (
                          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                            {t('clients.loans.utilised', { share: formatPercent(m.limitUtilisation, lang, 0) })}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {f.startDate ?? '—'} → {f.maturityDate ?? '—'}
                      </TableCell>
                      <TableCell>{label('security', f.securityType)}</TableCell>
                      <TableCell align="right" sx={num}>
                        {f.spreadBp !== undefined ? `${f.rateType ?? ''} +${f.spreadBp} bp` : '—'}
                      </TableCell>
                      <TableCell align="right" sx={{ ...num, color: m?.dpd ? 'error.main' : undefined, fontWeight: m?.dpd ? 700 : undefined }}>
                        {m?.dpd !== undefined ? t('clients.loans.days', { count: m.dpd }) : '—'}
                      </TableCell>
                      <TableCell>
                        <Class5Chip value={m?.class5cat ?? null} />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        )}
      </Box>
      <Box sx={{ display: 'grid', gap: 2.5, gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: 'repeat(2, minmax(0, 1fr))' } }}>
        <Box>
          <Typography variant="subtitle1" component="h3" sx={{ mb: 0.5 }}>
            {t('clients.loans.collateral', { count: collateral.length })}
          </Typography>
          {collateral.length === 0 ? (
            <Typography color="text.secondary">{t('clients.loans.noCollateral')}</Typography>
          ) : (
            <Table size="small" aria-label={t('clients.loans.collateralLabel')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('clients.loans.columns.type')}</TableCell>
                  <TableCell align="right">{t('clients.loans.columns.appraised')}</TableCell>
                  <TableCell align="right">{t('clients.loans.columns.current')}</TableCell>
                  <TableCell>{t('clients.loans.columns.valuedOn')}</TableCell>
                  <TableCell align="right">{t('clients.loans.columns.lien')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {collateral.map((c, i) => (
                  <TableRow key={c.id ?? i}>
                    <TableCell>{label('collateral', c.type)}</TableCell>
                    <TableCell align="right" sx={num}>{formatAmount(c.appraisedValue, lang)}</TableCell>
                    <TableCell align="right" sx={num}>{formatAmount(c.currentValue, lang)}</TableCell>
                    <TableCell>{c.valuationDate ?? c.appraisalDate}</TableCell>
                    <TableCell align="right">{c.lienRank ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
        <Box>
          <Typography variant="subtitle1" component="h3" sx={{ mb: 0.5 }}>
            {t('clients.loans.guarantees', { count: guarantees.length })}
          </Typography>
          {guarantees.length === 0 ? (
            <Typography color="text.secondary">{t('clients.loans.noGuarantees')}</Typography>
          ) : (
            <Table size="small" aria-label={t('clients.loans.guaranteesLabel')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('clients.loans.columns.guarantor')}</TableCell>
                  <TableCell>{t('clients.loans.columns.type')}</TableCell>
                  <TableCell align="right">{t('clients.loans.columns.amount')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {guarantees.map((g, i) => (
                  <TableRow key={g.id ?? i}>
                    <TableCell>
                      {g.guarantorName ?? '—'}
                      {g.guarantorInDefault && (
                        <Typography component="span" variant="caption" color="error" sx={{ ml: 1, fontWeight: 700 }}>
                          {t('clients.loans.guarantorInDefault')}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{label('guarantor', g.guarantorType)}</TableCell>
                    <TableCell align="right" sx={num}>{formatAmount(g.amount, lang)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      </Box>
    </Box>
  );
}
