// Staff roles in the shop's words (staff screens are Dutch only).

import type { StaffRole } from '../api/types';

export const ROLE_NAMES: Record<StaffRole, string> = {
  owner: 'eigenaar',
  manager: 'bedrijfsleider',
  cashier: 'kassa',
  kitchen: 'keuken',
};
