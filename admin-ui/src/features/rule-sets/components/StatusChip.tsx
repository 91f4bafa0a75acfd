import { useTranslation } from 'react-i18next';
import { Chip, type ChipProps } from '@mui/material';
import type { Status } from '../api/types';

const COLORS: Record<Status, ChipProps['color']> = {
  draft: 'default',
  in_review: 'warning',
  approved: 'info',
  active: 'success',
  retired: 'default',
};

/** A version's lifecycle status as a coloured chip, in words. */
export function StatusChip({ status, size = 'small', label }: { status: Status; size?: ChipProps['size']; label?: string }) {
  const { t } = useTranslation();
  return (
    <Chip
      size={size}
      color={COLORS[status]}
      variant={status === 'retired' || status === 'draft' ? 'outlined' : 'filled'}
      label={label ?? t(`ruleSets.status.${status}`)}
    />
  );
}
