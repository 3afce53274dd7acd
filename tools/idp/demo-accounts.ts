import type { Role } from '@motcua/auth';

/**
 * The local identity provider's accounts, issued tokens by the client-credentials grant: the
 * portal (a machine client, as in production) and demo officers and a citizen, so that scripts
 * get tokens without a browser. Their tokens carry roles, agency and unit as claims, as the
 * province's identity provider issues them (README, "Identities in production").
 * DU LIEU MAU: demo accounts, never for production.
 */
export type DemoAccount = {
  clientId: string;
  roles: Role[];
  agency?: string;
  unit?: string;
  name?: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { clientId: 'motcua-portal', roles: ['portal_client'], name: 'Cổng dịch vụ công tỉnh (demo)' },
  { clientId: 'demo-admin', roles: ['admin'], name: 'Quản trị (demo)' },
  {
    clientId: 'demo-desk-h26',
    roles: ['desk_officer'],
    agency: '000.00.15.H26',
    unit: 'VP.MC',
    name: 'Cán bộ một cửa (demo)',
  },
  {
    clientId: 'demo-specialist-h26',
    roles: ['specialist'],
    agency: '000.00.15.H26',
    unit: 'P.QLG',
    name: 'Chuyên viên (demo)',
  },
  {
    clientId: 'demo-leader-h26',
    roles: ['leader'],
    agency: '000.00.15.H26',
    unit: 'BGD',
    name: 'Lãnh đạo (demo)',
  },
  { clientId: 'demo-citizen', roles: ['citizen'], name: 'Công dân (demo)' },
];
