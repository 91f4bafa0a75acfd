import { ComingSoonPage } from '../../components/ComingSoonPage';

/** Staff accounts and roles. Placeholder for now. */
export function UsersPage() {
  return <ComingSoonPage titleKey="pages.adminUsers.title" descriptionKey="pages.adminUsers.description" />;
}
