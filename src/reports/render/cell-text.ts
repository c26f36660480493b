import { viNumber } from '../../statistics/vi-number';
import { Cell } from './document';

/** A cell as a Vietnamese reader reads it: 27.843,5 and 30,535%. Numbers are stored rounded; none is rounded here. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return viNumber(cell, 6);
  return `${viNumber(cell.percent, 6)}%`;
}

/** A cell as a machine reads it: plain numbers with a dot, percentages as their number. */
export function cellValue(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  return String(cell.percent);
}
