export {
  type LabelOperator, type LabelRequirement, type LabelSelector, type Labels,
  matchesLabels, selectorToString, newRequirement,
} from './label-requirement';
export { parseLabelSelector } from './label-selector-parser';
export { labelSelectorFromObject, formatLabelSelector, formatLabels } from './label-selector-object';
export {
  type FieldSelector, type FieldTerm, parseFieldSelector, checkFieldSelector, matchesFields,
  fieldSelectorToString,
} from './field-selector';
export { supportedFieldLabels, fieldLabelValue } from './field-labels';
