import { SetMetadata } from '@nestjs/common';

/**
 * Who may do what: the reform office records, inspectors read and audit, admins rebuild and manage keys.
 * Reading is open to every role (the reform office reads what it recorded).
 */
export const ROLES = ['reform-office', 'inspector', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const READERS: readonly Role[] = ROLES;
export const WRITERS: readonly Role[] = ['reform-office'];

export const ROLES_KEY = 'ledger:roles';
export const PUBLIC_KEY = 'ledger:public';

/** Overrides the default of a route: reads for every role, writes for the reform office. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Health and the like: no key needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
