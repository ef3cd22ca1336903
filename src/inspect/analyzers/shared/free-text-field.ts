import { fieldName } from './field-name.js';

// Fields named for what people type (`q`, `search`, `comment`, `message`…).
const FREE_TEXT_NAME =
  /(?:^|[.[_-])(?:q|s|query|search|keywords?|terms?|text|comments?|message|msg|title|subject|body|content|description|desc|notes?|bio|review|reply|answer|question|feedback|tags?|cat|category|topic|section|filter|label|name|caption|summary)\]?$/i;

/**
 * Whether a value's field is named for what people type: a command line or a line of code there is more
 * often a search for it or a question about it than one sent to run.
 * @example inFreeTextField('body.json.comment') // true
 */
export function inFreeTextField(location: string): boolean {
  return FREE_TEXT_NAME.test(fieldName(location));
}
