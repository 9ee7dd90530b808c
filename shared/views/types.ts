/** The shape of a view: a csysdig view definition restated as plain data (see definitions.ts). */

/** How a column's per-event values fold into one cell (csysdig's aggregation names). */
export type Aggregation = 'SUM' | 'AVG' | 'TIME_AVG' | 'MAX' | 'MIN';

export interface ViewColumn {
  /** Title shown in the table header ("NA" for the hidden key column). */
  name: string;
  /** The filter-language field whose value fills the column. */
  field: string;
  /** The key column: rows are grouped by its value, and a drill-down filters on it. */
  isKey?: boolean;
  /** csysdig's default sort column (sorted descending). */
  isSorting?: boolean;
  /** Without it, the column keeps the value of the first event seen for the row. */
  aggregation?: Aggregation;
  /** For views that merge rows a second time (threads into processes): how cells merge. */
  groupbyAggregation?: Aggregation;
  /** "default": shown only without container columns; "containers": only with them. */
  tags?: string[];
  colsize?: number;
  description?: string;
}

export interface ViewDefinition {
  id: string;
  name: string;
  description: string;
  /** "wsysdig" marks the views Sysdig Inspect lists. */
  tags: string[];
  /** A table groups events into rows by key; a list shows one row per matching event. */
  kind: 'table' | 'list';
  /** Key fields of a drill-down step after which this view makes sense ("" = top level). */
  appliesTo: string[];
  /** Events the view looks at, in the filter language. */
  filter?: string;
  useDefaults: boolean;
  /** The view a drill-down on a row leads to. */
  drilldownTarget?: string;
  /** false: the view's own filter is not carried into the drill-down filter. */
  propagateFilter?: boolean;
  isRoot?: boolean;
  columns: ViewColumn[];
}
