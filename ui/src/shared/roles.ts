// Staff roles in the shop's words.

import type { StaffRole } from '../api/types';
import type { Lang } from '../i18n/lang';
import { sharedText } from './text';

export function roleName(role: StaffRole, lang: Lang): string {
  // Typed as the wire's roles: a role the catalogue lacks does not compile.
  const names: Record<StaffRole, string> = sharedText[lang].role;
  return names[role];
}
