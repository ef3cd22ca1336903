import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface LdapiCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const RULE = 'ldapi/filter-breakout';

/** LDAP injection cases shared by the unit test, the benchmark and the fuzz target. */
export const ldapiCases: readonly LdapiCase[] = [
  { input: '*)(uid=*))(|(uid=*', expect: RULE },
  { input: '*(|(mail=*))', expect: RULE },
  { input: '*(|(objectclass=*))', expect: RULE },
  { input: '(&(uid=admin)(!(&(1=0)(userPassword=q))))', expect: 'ldapi/filter-breakout' },
  { input: '(&(objectClass=user)(cn=bob))', expect: null },
  // Extensible matches: a matching rule named by its OID, or `:dn:` and a rule name.
  { input: 'userPassword:2.5.13.18:=123', expect: 'ldapi/extensible-match' },
  { input: '(userAccountControl:1.2.840.113556.1.4.803:=2)', expect: null },
  { input: 'cn:dn:caseExactMatch:=Fred', expect: 'ldapi/extensible-match' },
  { input: 'x := 1.2.3', expect: null },
  { input: 'version:1.2.3:=x', expect: null },
  { input: 'time:12:30:=ok', expect: null },
  { input: 'math: (1=1) holds', expect: null },
  { input: 'f(|(x)) in math', expect: null },
  { input: 'a(&(b))', expect: null },
  { input: '%2A%29%28uid%3D%2A%29%29%28%7C%28uid%3D%2A', expect: RULE },
  { input: 'bar)(&)', expect: RULE },
  { input: 'printer)(uid=*)', expect: RULE },
  { input: 'void)(objectClass=users))(&(objectClass=void)', expect: RULE },
  { input: 'eb9adbd87d)!(sn=*', expect: RULE },
  { input: '*)!(sn=*', expect: RULE },
  { input: 'aaa*aaa)(cn>=bob)', expect: RULE },
  { input: 'value)(gidNumber<=100', expect: RULE },
  { input: 'john)(sn~=smith', expect: RULE },
  { input: 'admin)(|', expect: RULE },
  { input: 'test))(&(objectClass=*', expect: RULE },
  { input: 'val)&(cn=admin', expect: RULE },
  { input: 'val)|(uid=*', expect: RULE },
  { input: 'admin)(|(password=*', expect: RULE },
  { input: 'admin*)((|userPassword=*)', expect: RULE },
  { input: 'value)(uid=*', kind: 'cookie-value', location: 'cookie.session', expect: RULE },
  { input: 'test) ( & ', expect: RULE },
  { input: 'test)\t(\t|', expect: RULE },
  {
    input: 'session=value)(uid=*',
    kind: 'body-name',
    location: 'body.json.session=value)(uid=*#name',
    expect: RULE,
  },
  { input: 'x)(userAccountControl:1.2.840.113556.1.4.803:=2)', expect: RULE },
  { input: '*)(|(mail=*)(cn=*)', kind: 'body-value', location: 'body.form.user', expect: RULE },
  { input: 'jdoe)(department=Sales', expect: RULE },
  { input: 'x)(a=b', expect: RULE },
  // Benign: whole filters, arithmetic, emoticons, lists, prose, code.
  { input: '(&(objectCategory=computer)  (userAccountControl:1.2.840.113556.1.4.803:=8192))', expect: null },
  { input: '(objectSID=S-1-5-21-73586283-152049171-839522115-1111)', expect: null },
  { input: '(&(uid=*)(uid=*))(|(uid=*)(userPassword={MD5}X03MO1qnZdYdgyfeuILPmQ==))', expect: RULE },
  { input: '(uid=admin)(|(objectClass=*))', expect: RULE },
  { input: '(cn=Jane)(sn=Doe)', expect: null },
  { input: '(a=*) (b) notes', expect: null },
  {
    input:
      '(userAccountControl:1.2.840.113556.1.4.803:=67108864)(&(objectCategory=group)(groupType:1.2.840.113556.1.4.803:=2147483648))',
    expect: null,
  },
  { input: 'johndoe', expect: null },
  { input: '(a+b)*c', expect: null },
  { input: 'foo|bar', expect: null },
  { input: '(1+2)+(3+4)', expect: null },
  { input: 'Hello!World', expect: null },
  { input: '12:30:45', expect: null },
  { input: 'great :) (see you)', expect: null },
  { input: 'a) apples (b) bananas', expect: null },
  { input: 'f(x)(y)', expect: null },
  { input: 'call(a)(b)(c)', expect: null },
  { input: 'Option 1) (recommended)', expect: null },
  { input: 'x) (note: y=2)', expect: null },
  { input: 'sum(a)*(b=c)', kind: 'body-value', expect: null },
  { input: "O'Brien (Dublin)", expect: null },
  { input: ':-)(', expect: null },
  { input: `${'Notes. '.repeat(30)}1) (a=b) then 2)`, kind: 'body-value', expect: RULE },
];
