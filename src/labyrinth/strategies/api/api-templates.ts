import { compilePathTemplate, type PathTemplate } from '../../path/path-template.js';
import { API_NOUNS } from '../../words/api-nouns.js';

/** The source of the template of one collection's pages. */
export const collectionTemplateSource = (noun: string) => `/api/v1/${noun}/{id}`;

/** One template per collection, so that a collection's next page stays in that collection. */
export const COLLECTION_TEMPLATES: ReadonlyMap<string, PathTemplate> = new Map(
  API_NOUNS.map((noun) => [noun, compilePathTemplate(collectionTemplateSource(noun))]),
);
