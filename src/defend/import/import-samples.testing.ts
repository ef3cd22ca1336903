import type { ImportFormat } from './parse-decision-import.js';

/** `fail2ban-client status sshd` and `fail2ban-client status nginx-botsearch`, concatenated. */
export const FAIL2BAN_TWO_JAILS = [
  'Status for the jail: sshd',
  '|- Filter',
  '|  |- Currently failed:\t3',
  '|  |- Total failed:\t412',
  '|  `- File list:\t/var/log/auth.log',
  '`- Actions',
  '   |- Currently banned:\t3',
  '   |- Total banned:\t57',
  '   `- Banned IP list:\t203.0.113.7 198.51.100.23 2001:db8::bad',
  'Status for the jail: nginx-botsearch',
  '|- Filter',
  '|  |- Currently failed:\t0',
  '|  |- Total failed:\t88',
  '|  `- File list:\t/var/log/nginx/access.log',
  '`- Actions',
  '   |- Currently banned:\t2',
  '   |- Total banned:\t9',
  '   `- Banned IP list:\t192.0.2.44 203.0.113.7 not-an-ip',
  '',
].join('\n');

/** `cscli decisions list -o json`: three alerts, one holding a captcha and one a range. */
export const CROWDSEC_JSON = JSON.stringify(
  [
    {
      id: 41,
      scenario: 'crowdsecurity/ssh-bf',
      capacity: 5,
      events_count: 6,
      source: { scope: 'Ip', value: '203.0.113.7', ip: '203.0.113.7', cn: 'NL', as_name: 'EXAMPLE-AS' },
      decisions: [
        {
          id: 101,
          origin: 'crowdsec',
          scenario: 'crowdsecurity/ssh-bf',
          scope: 'Ip',
          type: 'ban',
          value: '203.0.113.7',
          duration: '3h59m50.1s',
          simulated: false,
        },
      ],
    },
    {
      id: 42,
      scenario: 'crowdsecurity/http-probing',
      source: { scope: 'Ip', value: '198.51.100.23' },
      decisions: [
        {
          id: 102,
          origin: 'crowdsec',
          scenario: 'crowdsecurity/http-probing',
          scope: 'Ip',
          type: 'captcha',
          value: '198.51.100.23',
          duration: '59m',
          simulated: false,
        },
        {
          id: 103,
          origin: 'crowdsec',
          scenario: 'crowdsecurity/http-probing',
          scope: 'Ip',
          type: 'ban',
          value: '2001:DB8:0:0::1',
          duration: '500ms',
          simulated: false,
        },
      ],
    },
    {
      id: 43,
      scenario: 'manual ban from cscli',
      source: { scope: 'Range', value: '192.0.2.0/24' },
      decisions: [
        {
          id: 104,
          origin: 'cscli',
          scenario: 'manual ban from cscli',
          scope: 'Range',
          type: 'ban',
          value: '192.0.2.0/24',
          duration: '4h',
          simulated: false,
        },
        {
          id: 105,
          origin: 'crowdsec',
          scenario: 'crowdsecurity/ssh-bf',
          scope: 'Ip',
          type: 'ban',
          value: '198.51.100.99',
          duration: '-1m',
          simulated: false,
        },
      ],
    },
  ],
  null,
  2,
);

/** `cscli decisions list -o raw`, including a quoted AS name with a comma and a country-scoped decision. */
export const CROWDSEC_RAW = [
  'id,source,ip,reason,action,country,as,events_count,expiration,simulated,alert_id',
  '101,crowdsec,Ip:203.0.113.7,crowdsecurity/ssh-bf,ban,NL,"64500 EXAMPLE, B.V.",6,3h59m,false,41',
  '102,crowdsec,Ip:198.51.100.23,crowdsecurity/http-probing,captcha,US,64501 EXAMPLE-2,12,59m,false,42',
  '103,cscli,Range:192.0.2.0/24,manual ban from cscli,ban,,,1,4h,false,43',
  '104,crowdsec,Ip:2001:db8::7,crowdsecurity/http-cve,ban,DE,,3,1.5h,false,44',
  '105,cscli,Country:RU,manual ban from cscli,ban,,,1,24h,false,45',
  '106,crowdsec,Ip:198.51.100.50,crowdsecurity/ssh-slow-bf,ban,FR,,2,30s,true,46',
  '',
].join('\n');

/** A hand-kept plain list: comments, IPv6, ranges, several entries on a line, and junk. */
export const PLAIN_LIST = [
  '# scanners seen in March',
  '203.0.113.7',
  '   198.51.100.23   # trailing comment',
  '',
  '10.0.0.0/8, 192.0.2.1 192.0.2.2',
  '2001:db8::/32',
  '::ffff:192.0.2.99',
  'hello world',
  '192.0.2.0/33',
  '203.0.113.7',
  '\t2001:DB8::1\r',
].join('\n');

/** Every sample with its format, for the fuzz loop to mutate. */
export const SAMPLES: readonly [ImportFormat, string][] = [
  ['fail2ban', FAIL2BAN_TWO_JAILS],
  ['crowdsec', CROWDSEC_JSON],
  ['crowdsec', CROWDSEC_RAW],
  ['plain', PLAIN_LIST],
];
