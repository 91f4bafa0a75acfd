import type { ComponentType } from 'react';
import type { SvgIconComponent } from '@mui/icons-material';
import DashboardIcon from '@mui/icons-material/SpaceDashboardOutlined';
import RuleIcon from '@mui/icons-material/RuleOutlined';
import GavelIcon from '@mui/icons-material/GavelOutlined';
import BusinessIcon from '@mui/icons-material/BusinessOutlined';
import AlertIcon from '@mui/icons-material/NotificationImportantOutlined';
import ScienceIcon from '@mui/icons-material/ScienceOutlined';
import MonitoringIcon from '@mui/icons-material/MonitorHeartOutlined';
import HistoryIcon from '@mui/icons-material/ManageSearchOutlined';
import PeopleIcon from '@mui/icons-material/PeopleOutlined';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import type { Permission } from './auth/permissions';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { RuleSetsPage } from './pages/rule-sets/RuleSetsPage';
import { RuleSetDetailPage } from './pages/rule-sets/detail/RuleSetDetailPage';
import { VersionPage } from './pages/rule-sets/version/VersionPage';
import { DecisionsPage } from './pages/decisions/DecisionsPage';
import { DecisionDetailPage } from './pages/decisions/DecisionDetailPage';
import { ClientsPage } from './pages/clients/ClientsPage';
import { AlertsPage } from './pages/alerts/AlertsPage';
import { AlertDetailPage } from './pages/alerts/AlertDetailPage';
import { ClientDetailPage } from './pages/clients/ClientDetailPage';
import { ClientImportPage } from './pages/clients/ClientImportPage';
import { SimulationsPage } from './pages/simulations/SimulationsPage';
import { MonitoringPage } from './pages/monitoring/MonitoringPage';
import { SimulationDetailPage } from './pages/simulations/SimulationDetailPage';
import { AuditPage } from './pages/audit/AuditPage';
import { UsersPage } from './pages/admin/UsersPage';
import { ApiKeysPage } from './pages/admin/ApiKeysPage';

export interface AppRoute {
  path: string;
  /** The user needs this permission to see the page and its navigation item. */
  permission: Permission;
  /** i18n key of the navigation label. */
  labelKey: string;
  icon: SvgIconComponent;
  Page: ComponentType;
  /** Navigation group; items without one sit at the top level. */
  section?: 'admin';
}

/** Every signed-in page, in navigation order. The side navigation and the router are both built from this. */
export const APP_ROUTES: AppRoute[] = [
  { path: '/', permission: 'decisions:read', labelKey: 'nav.dashboard', icon: DashboardIcon, Page: DashboardPage },
  { path: '/rule-sets', permission: 'rules:read', labelKey: 'nav.ruleSets', icon: RuleIcon, Page: RuleSetsPage },
  { path: '/decisions', permission: 'decisions:read', labelKey: 'nav.decisions', icon: GavelIcon, Page: DecisionsPage },
  { path: '/clients', permission: 'clients:read', labelKey: 'nav.clients', icon: BusinessIcon, Page: ClientsPage },
  { path: '/alerts', permission: 'alerts:read', labelKey: 'nav.alerts', icon: AlertIcon, Page: AlertsPage },
  // Scans are what raise alerts, so whoever reads alerts sees them (the server gates GET /monitoring the same way);
  // starting one needs monitoring:run, which the page checks for its button. The label lives in the monitoring area's i18n.
  { path: '/monitoring', permission: 'alerts:read', labelKey: 'monitoring.nav', icon: MonitoringIcon, Page: MonitoringPage },
  { path: '/simulations', permission: 'simulations:read', labelKey: 'nav.simulations', icon: ScienceIcon, Page: SimulationsPage },
  { path: '/audit', permission: 'audit:read', labelKey: 'nav.audit', icon: HistoryIcon, Page: AuditPage },
  { path: '/admin/users', permission: 'admin:users', labelKey: 'nav.adminUsers', icon: PeopleIcon, Page: UsersPage, section: 'admin' },
  { path: '/admin/api-keys', permission: 'admin:api-keys', labelKey: 'nav.adminApiKeys', icon: KeyIcon, Page: ApiKeysPage, section: 'admin' },
];

/** A page reached from another page (a detail view), not from the navigation; guarded like the table routes. */
export interface SubRoute {
  path: string;
  permission: Permission;
  Page: ComponentType;
}

/** Detail pages. The navigation item of their parent (e.g. /decisions) stays selected on them. */
export const SUB_ROUTES: SubRoute[] = [
  { path: '/decisions/:id', permission: 'decisions:read', Page: DecisionDetailPage },
  { path: '/rule-sets/:key', permission: 'rules:read', Page: RuleSetDetailPage },
  { path: '/clients/import', permission: 'clients:write', Page: ClientImportPage },
  { path: '/clients/:id', permission: 'clients:read', Page: ClientDetailPage },
  { path: '/alerts/:id', permission: 'alerts:read', Page: AlertDetailPage },
  { path: '/simulations/:id', permission: 'simulations:read', Page: SimulationDetailPage },
  // The version page's tabs (editor, console, tests, diff) are part of the address, so a reload keeps the tab.
  { path: '/rule-sets/:key/versions/:version/:tab?', permission: 'rules:read', Page: VersionPage },
];

/** The pages a user with these permissions may open, in navigation order. */
export function visibleRoutes(permissions: readonly string[]): AppRoute[] {
  return APP_ROUTES.filter((route) => permissions.includes(route.permission));
}
