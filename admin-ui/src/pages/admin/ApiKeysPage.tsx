import { ComingSoonPage } from '../../components/ComingSoonPage';

/** API keys and their scopes. Placeholder for now. */
export function ApiKeysPage() {
  return <ComingSoonPage titleKey="pages.adminApiKeys.title" descriptionKey="pages.adminApiKeys.description" />;
}
