/** The filter language as the renderer and the engine use it. */
export type { FilterNode, CheckNode, ComparisonOperator, ListModifier, FieldRef, Operand, ValueText } from './ast';
export { parseFilter } from './parse';
export { checkFilter } from './validate';
export { formatFilterError, describePosition, lineAndColumn, type FilterError, type FilterResult } from './errors';
export { completeFilter, type Completion, type CompletionResult } from './complete';
export { operatorsFor, operatorApplies } from './operators';
