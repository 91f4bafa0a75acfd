import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import LockIcon from '@mui/icons-material/LockOutlined';
import { EmptyState } from '../components/PageState';
import type { Permission } from './permissions';
import { useSession } from './session-context';

/**
 * Hides a page from users without its permission. The navigation already leaves such pages out; this covers a
 * typed or bookmarked address. The server checks again on every call, so this is for clarity, not security.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can(permission)) {
    return (
      <EmptyState
      headingLevel="h1"
        icon={<LockIcon />}
        title={t('pageState.forbiddenTitle')}
        body={t('pageState.forbiddenBody', { permission })}
      />
    );
  }
  return <>{children}</>;
}
