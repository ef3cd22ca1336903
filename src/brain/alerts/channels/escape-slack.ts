// Slack decodes only these three entities; `<` and `>` would otherwise open a link or a mention (`<!channel>`).
// Mrkdwn has no escape character, so its markers become their full-width look-alikes, which it ignores.
const SLACK_SPECIAL = /[&<>*_~`]/g;
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '*': '\uff0a',
  _: '\uff3f',
  '~': '\uff5e',
  '`': '\uff40',
};

/**
 * Text shown as itself in a Slack mrkdwn field: no link, mention, bold, italic, strike or code can be made.
 * @example escapeSlack('<!channel> *x*') // '&lt;!channel&gt; ＊x＊'
 */
export function escapeSlack(text: string): string {
  return text.replace(SLACK_SPECIAL, (c) => REPLACEMENTS[c]!);
}
