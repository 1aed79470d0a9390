export { unknownFields, typeProblems } from './schema-walk';
export { openApiV3Document, openApiV3GroupVersions, type OpenApiV3Document } from './openapi-document';
export { wakeDefinitions, kindDefinitionName, type SchemaObject, type Definitions } from './definitions';
export { definitionName } from './definition-names';
export { FIELD_EXTENSIONS, QUANTITY_FIELDS, type FieldExtensions } from './patch-meta';
