// History: the cluster's past, read from the log — revisions and diffs, state at a point
// (snapshots + tail), causal chains, timelines, and slices of the log as files.
export * from './diff/json-diff';
export * from './noise/noise';
export * from './revisions/revisions';
export * from './state/state-fold';
export * from './state/time-search';
export * from './state/state-at';
export * from './state/state-args';
export * from './causality/describe-event';
export * from './causality/causal-chain';
export * from './causality/why';
export * from './timeline/timeline-filter';
export * from './timeline/timeline-args';
export * from './timeline/timeline-read';
export * from './print/kind-arg';
export * from './print/render-table';
export * from './print/history-text';
export * from './print/state-text';
export * from './store/history-store';
export * from './indexer/history-indexer';
export * from './indexer/follow-indexer';
export * from './stream/log-stream';
export * from './slice/log-slice';
export * from './slice/slice-args';
export * from './queries/history-documents';
export * from './queries/history-queries';
export * from './queries/open-history';
