import YAML from 'yaml';
import { InfinisecError } from '../core/index.js';

/**
 * Parses the text of a config file; an empty file, or one with only comments, is `{}`.
 * Throws INFINISEC_ERR_CONFIG_PARSE naming `source:line:column` of every syntax error.
 */
export function parseConfigYaml(text: string, source: string): unknown {
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((err) => {
      const at = err.linePos?.[0];
      // prettyErrors appends " at line L, column C:" and a snippet; the position goes in front instead.
      const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return at ? `${source}:${at.line}:${at.col}: ${message}` : `${source}: ${message}`;
    });
    const more = lines.length > 1 ? ` (and ${lines.length - 1} more)` : '';
    throw new InfinisecError('INFINISEC_ERR_CONFIG_PARSE', 'config', `${lines[0]}${more}`, {
      cause: doc.errors[0],
      details: lines,
    });
  }
  try {
    return doc.toJS() ?? {};
  } catch (err) {
    // toJS fails on what the parser lets through, such as an alias to an anchor that does not exist.
    throw new InfinisecError('INFINISEC_ERR_CONFIG_PARSE', 'config', `${source}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
