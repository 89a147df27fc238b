import type { FlowCondition } from '../model.js';
import { asNumber } from './values.js';

/** The operators of the flow language; `NumericLessThan` is how one page of the documentation spells one. */
export const OPERATORS = [
  'Equals',
  'TextStartsWith',
  'TextEndsWith',
  'TextContains',
  'NumberGreaterThan',
  'NumberGreaterOrEqualTo',
  'NumberLessThan',
  'NumberLessOrEqualTo',
] as const;

function numeric(result: string, operand: string, test: (a: number, b: number) => boolean): boolean {
  const a = asNumber(result);
  const b = asNumber(operand);
  return a !== undefined && b !== undefined && test(a, b);
}

export function conditionHolds(operator: string, operands: readonly string[], result: string): boolean {
  const operand = operands[0] ?? '';
  switch (operator) {
    case 'Equals':
      return operands.some((o) => o === result);
    case 'TextStartsWith':
      return result.startsWith(operand);
    case 'TextEndsWith':
      return result.endsWith(operand);
    case 'TextContains':
      return result.includes(operand);
    case 'NumberGreaterThan':
      return numeric(result, operand, (a, b) => a > b);
    case 'NumberGreaterOrEqualTo':
      return numeric(result, operand, (a, b) => a >= b);
    case 'NumberLessThan':
    case 'NumericLessThan':
      return numeric(result, operand, (a, b) => a < b);
    case 'NumberLessOrEqualTo':
      return numeric(result, operand, (a, b) => a <= b);
    default:
      return false;
  }
}

/** The first condition, in array order, that holds for the result. */
export function firstMatch(conditions: readonly FlowCondition[], result: string): FlowCondition | undefined {
  return conditions.find((c) => conditionHolds(c.operator, c.operands, result));
}
