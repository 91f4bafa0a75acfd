import { useTranslation } from 'react-i18next';
import { Chip, type ChipProps } from '@mui/material';
import type { SimulationStatus } from '../api/types';

const COLOURS: Record<SimulationStatus, ChipProps['color']> = { queued: 'default', running: 'info', completed: 'success', failed: 'error', cancelled: 'default' };

export function SimulationStatusChip({ status }: { status: SimulationStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" variant="outlined" color={COLOURS[status]} label={t(`simulations.status.${status}`)} sx={{ fontWeight: 600 }} />;
}
