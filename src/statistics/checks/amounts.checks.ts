import { AmountFigures } from '../figures';
import { Finding } from '../findings';
import { checkSum } from './check-helpers';

/** Payments and savings: the stated total of transactions and of money against the sum of the stated parts. */
export function checkAmounts(f: AmountFigures): Finding[] {
  const parts = f.parts ?? [];
  return [
    ...checkSum('AMOUNTS.TRANSACTIONS_PARTS', ['transactions', f.transactions], parts.map((p) => [p.label, p.transactions] as const)),
    ...checkSum('AMOUNTS.AMOUNT_PARTS', ['amountBillionVnd', f.amountBillionVnd], parts.map((p) => [p.label, p.amountBillionVnd] as const)),
  ];
}
