import type { CommandSuspicion } from './judge-command.js';

const MAX_LINES = 32;
const SMTP =
  /^(?:mail from:|rcpt to:|(?:helo|ehlo) \S|data$|quit$|rset$|noop$|starttls$|(?:vrfy|expn|help|auth|bdat) \S)/i;
const POP3 = /^(?:(?:user|pass|apop) \S|(?:retr|dele|list) \d+$|top \d+ \d+$|stat$|uidl$|capa$|list$)/i;
const IMAP_COMMAND =
  /^([a-z0-9.]{1,10}) (?:login|select|examine|create|delete|rename|subscribe|unsubscribe|list|lsub|status|append|check|close|expunge|search|fetch|store|copy|move|uid|capability|noop|logout|authenticate|starttls|idle|getquota|setacl)(?: |$)/i;
// Syntax only IMAP has: flag lists, literals, sequence sets, the INBOX.
const IMAP_SYNTAX = /\(\\|\+flags|\binbox\b|\{\d+\}|\d:\d|\(\w+\)/i;

function imap(line: string): boolean {
  const m = IMAP_COMMAND.exec(line);
  if (m === null) return false;
  return /\d/.test(m[1]!) || IMAP_SYNTAX.test(line);
}

/**
 * Mail protocol injection: a line break followed by an SMTP, POP3 or IMAP command line (`\r\nRCPT TO:<x>`,
 * `\r\na001 EXAMINE INBOX`), which a mail library would send to the server as a command of its own.
 */
export function findMailCommand(text: string): CommandSuspicion | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  let at = lf < 0 ? cr : cr < 0 ? lf : Math.min(cr, lf);
  if (at < 0) return undefined;
  const opensWithBreak = text.slice(0, at).trim() === '';
  for (let n = 0; at >= 0 && n < MAX_LINES; n++) {
    let start = at;
    while (start < text.length && (text[start] === '\r' || text[start] === '\n' || text[start] === ' '))
      start++;
    const next = text.slice(start).search(/[\r\n]/);
    const line = text.slice(start, next < 0 ? text.length : start + next).trimEnd();
    if (line.length > 0 && (SMTP.test(line) || POP3.test(line) || imap(line))) {
      return {
        rule: 'cmdi/mail-command',
        confidence: opensWithBreak ? 1 : 0.85,
        start: at,
        end: start + line.length,
      };
    }
    at = next < 0 ? -1 : start + next;
  }
  return undefined;
}
