// The object rules every writer shares (DESIGN invariant 6): validation, defaulting,
// schemas, patches, selectors and the Table printers.
export {
  validateObject, type ValidateContext, parseQuantity, mustParseQuantity, QUANTITY_PATTERN, QUANTITY_MESSAGE,
  isEmptySelector, validateLabelSelector, validateObjectMeta, validateLabels, validateAnnotations,
  MAX_ANNOTATIONS_BYTES, validatePodSpec, scheduleProblem, timeZoneProblem, formatValue, NODE_PORT_RANGE,
} from './validation';
export * from './defaulting';
export * from './schemas';
export * from './patch';
export * from './selectors';
export * from './tables';
