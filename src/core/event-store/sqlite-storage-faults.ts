/**
 * SQLite errors that mean "the disk refuses writes", not "the request is wrong". Extended codes keep their family as
 * a prefix (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED), so families are matched, not exact codes.
 */
const STORAGE_FAULTS = ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_BUSY'];

export const isStorageFault = (code: string): boolean => STORAGE_FAULTS.some((family) => code === family || code.startsWith(`${family}_`));
