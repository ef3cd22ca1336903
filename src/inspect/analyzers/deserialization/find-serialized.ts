import { findDotnetType } from './find-dotnet-type.js';
import { findEncodedPayload } from './find-encoded-payload.js';
import { findJavaReference } from './find-java-reference.js';
import { findOgnl } from './find-ognl.js';
import { findPhpObject } from './find-php-object.js';
import { findPropertyInjection } from './find-property-injection.js';
import { findPythonPickle } from './find-python-pickle.js';
import { findScriptPayload } from './find-script-payload.js';
import { Trigger } from './find-triggers.js';
import { findYamlTag } from './find-yaml-tag.js';
import { type Hit, stronger } from './hit.js';

const HINT_KEYS: ReadonlySet<string> = new Set(['$type', '__type', '@type', '@class']);
const T = Trigger;

function hexMagic(text: string): Hit {
  const at = text.search(/aced0005/i);
  return { rule: 'java-serialized', confidence: 1, evidence: text.slice(at, at + 64) };
}

/**
 * Runs the detectors that `triggers` (from `findTriggers`) woke up over one spelling of a value and
 * returns the strongest hit. `key` is the last segment of the value's location, `location` all of it.
 */
export function findSerialized(
  text: string,
  triggers: number,
  key: string,
  location: string,
): Hit | undefined {
  let best: Hit | undefined;
  if (triggers & T.HEX_MAGIC) best = hexMagic(text);
  if (triggers & T.PHP_SERIAL) best = stronger(best, findPhpObject(text));
  // OGNL first: on a tie its rule names the attack better than the Java classes it reaches.
  if (triggers & (T.OGNL | T.HASH) || (triggers & T.AT && triggers & T.JAVA))
    best = stronger(best, findOgnl(text));
  if (triggers & T.SCRIPT) best = stronger(best, findScriptPayload(text));
  if (triggers & T.PROPERTY) best = stronger(best, findPropertyInjection(text, location));
  // Type hints before plain class names: on a tie, a hint key names the attack better.
  const hinted = triggers & (T.DOLLAR | T.AT) && (text.includes('type') || text.includes('class'));
  if (triggers & T.DOTNET || hinted || HINT_KEYS.has(key)) best = stronger(best, findDotnetType(text, key));
  if (triggers & T.JAVA) best = stronger(best, findJavaReference(text));
  if (triggers & T.PICKLE && triggers & T.NEWLINE) best = stronger(best, findPythonPickle(text));
  if (triggers & T.YAML) best = stronger(best, findYamlTag(text));
  if (triggers & T.BASE64 && (best === undefined || best.confidence < 0.9))
    best = stronger(best, findEncodedPayload(text));
  return best;
}
