import type { Hit } from './hit.js';

// YAML tags that make a loader instantiate a class: PyYAML `!!python/object/apply:`, SnakeYAML
// `!!javax.script.ScriptEngineManager`, Psych `!ruby/object:Gem::Installer`.
const CLASS_TAG =
  /!!python\/(?:object|name|module)|!!(?:javax?|com|org|sun|jdk|net)\.[A-Za-z_$]|!ruby\/(?:object|hash|struct|marshal|class)\b|tag:yaml\.org,2002:python\//;
// Tags that call a function or load remote code on construction, as opposed to building a plain object.
const ARMED =
  /^[^\s]*(?:object\/apply|object\/new|name:|ScriptEngineManager|URLClassLoader|JdbcRowSetImpl|Gem::)/;

/** A YAML document whose tags instantiate arbitrary classes; tags that call code on load weigh most. */
export function findYamlTag(text: string): Hit | undefined {
  const m = CLASS_TAG.exec(text);
  if (m === null) return undefined;
  const evidence = text.slice(m.index, m.index + 64);
  return { rule: 'yaml-tag', confidence: ARMED.test(evidence) ? 1 : 0.9, evidence };
}
