export { validateObject, type ValidateContext } from './validate-object';
export { parseQuantity, mustParseQuantity, QUANTITY_PATTERN, QUANTITY_MESSAGE } from './quantity';
export { selectorMatches, isEmptySelector, validateLabelSelector, type LabelSelector } from './label-selector';
export { validateObjectMeta, validateLabels, validateAnnotations, MAX_ANNOTATIONS_BYTES } from './object-meta';
export { validatePodSpec } from './pod-spec';
export { scheduleProblem, timeZoneProblem } from './cron-schedule';
export { formatValue } from './causes';
export {
  nameMessage, qualifiedNameProblems, labelValueProblems, portNameProblems, configKeyProblems, envVarNameProblems,
} from './names';
export { NODE_PORT_RANGE } from './service';
