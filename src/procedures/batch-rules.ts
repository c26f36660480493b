import { DomainEvent } from '../core/event-envelope';
import { BusinessRuleError } from '../core/errors/ledger-errors';

/** What a batch decides for one stream. */
export interface StreamEvents {
  readonly streamId: string;
  readonly events: readonly DomainEvent[];
}

/**
 * Rules for commands that carry many procedures (a decision's items, a catalogue's opening entries):
 * a broken rule names the entry, `items[217].announcedDays`, so the officer knows which line to fix.
 */

/** A code may appear once per batch: two changes to one procedure in one act would be ambiguous. */
export function requireUniqueCodes(collection: string, entries: ReadonlyArray<ReadonlyArray<readonly [code: string, field: string]>>): void {
  const seen = new Map<string, number>();
  entries.forEach((codes, index) =>
    codes.forEach(([code, field]) => {
      const first = seen.get(code);
      if (first !== undefined) {
        throw new BusinessRuleError(
          'BATCH.DUPLICATE_CODE',
          `${collection}[${index}].${field}: procedure ${code} already appears in ${collection}[${first}]`,
          `mục ${index + 1}: thủ tục ${code} đã xuất hiện ở mục ${first + 1}`,
          `${collection}[${index}].${field}`,
        );
      }
      seen.set(code, index);
    }),
  );
}

/** Runs one entry's decision, pointing any rule it breaks at that entry's field. */
export function atEntry<T>(collection: string, index: number, codeField: string, decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (!(error instanceof BusinessRuleError)) throw error;
    const ruleField = error.details[0]?.field ?? 'effectiveDate';
    // The effective date belongs to the whole batch; a procedure code is whichever entry field named it.
    const field = ruleField === 'effectiveDate' ? 'effectiveDate' : `${collection}[${index}].${ruleField === 'code' ? codeField : ruleField}`;
    throw new BusinessRuleError(error.code, `${collection}[${index}]: ${error.message}`, `mục ${index + 1}: ${error.messageVi}`, field);
  }
}
