// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is attack text, not a forgotten template literal.
import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface NosqliCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const OPERATOR = 'nosqli/operator-injection';
const JS = 'nosqli/js-injection';
const ORM = 'nosqli/orm-lookup';

/** NoSQL and ORM injection cases shared by the unit test, the benchmark and the fuzz target. */
export const nosqliCases: readonly NosqliCase[] = [
  // Operator keys in query, form and JSON names, and in the locations of their values.
  { input: 'u_id[$ne]', kind: 'query-name', location: 'query.u_id[$ne]#name', expect: OPERATOR },
  { input: '2', location: 'query.u_id[$ne]', expect: OPERATOR },
  { input: 'password[%24ne]', kind: 'query-name', location: 'query.password[%24ne]#name', expect: OPERATOR },
  { input: 'user[$regex]', kind: 'body-name', location: 'body.form.user[$regex]#name', expect: OPERATOR },
  { input: '$gt', kind: 'body-name', location: 'body.json.password.$gt#name', expect: OPERATOR },
  { input: '$exists', kind: 'body-name', location: 'body.json.user.$exists#name', expect: OPERATOR },
  { input: '$nor', kind: 'body-name', location: 'body.json.$nor#name', expect: OPERATOR },
  { input: '$elemMatch', kind: 'body-name', location: 'body.json.$elemMatch#name', expect: OPERATOR },
  { input: 'x', kind: 'body-value', location: 'body.json.login.$in.0', expect: OPERATOR },
  { input: '$where', kind: 'body-name', location: 'body.json.$where#name', expect: 'nosqli/js-operator' },
  { input: 'sleep(5000)', kind: 'body-value', location: 'body.json.$where', expect: 'nosqli/js-operator' },
  {
    input: '$function',
    kind: 'body-name',
    location: 'body.json.$expr.$function#name',
    expect: 'nosqli/js-operator',
  },
  { input: '$set', kind: 'body-name', location: 'body.json.$set#name', expect: 'nosqli/update-operator' },
  // Operators inside values: query-string syntax and JSON filter strings.
  { input: '[$lte]asdfsd', expect: OPERATOR },
  { input: 'u_id[$ne]', kind: 'body-value', location: 'body.xml.root.a@probe', expect: OPERATOR },
  { input: '{"$gt": ""}', expect: OPERATOR },
  { input: '{$ne: null}', kind: 'cookie-value', location: 'cookie.session', expect: OPERATOR },
  { input: '{"username": {"$regex": "^adm"}}', kind: 'body-value', expect: OPERATOR },
  { input: '{"$where": "this.password.length > 0"}', expect: 'nosqli/js-operator' },
  { input: "', $or: [ {}, { 'a':'a", location: 'query.username', expect: OPERATOR },
  { input: '{"playerName":{"$ne":"x"}}', location: 'query.where', expect: OPERATOR },
  // JavaScript injected into `$where` strings.
  { input: ';var date = new Date(); do{curDate = new Date();}while(curDate-date', expect: JS },
  { input: 'note; var is a keyword', expect: null },
  { input: "'; return true; var x='", expect: JS },
  // A post quoting code: a string and a statement end as code ends them.
  {
    input: `Install it, then:\n\n\`\`\`js\nimport Database from 'better-sqlite3';\nconst db = new Database('foobar.db', options);\ndb.pragma('journal_mode = WAL');\n\`\`\`\n\nThe WAL pragma is recommended for most apps: readers no longer wait for writers.`,
    kind: 'body-value',
    location: 'body.json.content',
    expect: JS,
  },
  { input: "a'; while(true){}; var b='", expect: JS },
  { input: "' || '1'=='1", expect: JS },
  { input: "admin' && this.password.match(/.*/)//", expect: JS },
  { input: '1; sleep(5000)', expect: JS },
  { input: '0;return true', expect: JS },
  { input: '%27%3B%20return%20true%3B%20var%20x%3D%27', expect: JS },
  { input: '|| 1==1//', expect: JS },
  { input: '&& "a"==="a"', kind: 'body-value', location: 'body.json.user', expect: JS },
  { input: 'db.injection.insert({success:1});', expect: JS },
  { input: "' } ], $comment:'x'", expect: JS },
  { input: '}, { password : /.*/ }', kind: 'body-value', location: 'body.form.user', expect: JS },
  // ORM lookups (Django-style) in keys.
  {
    input: 'created_by__departments__employees__user__username__startswith',
    kind: 'body-name',
    location: 'body.json.created_by__departments__employees__user__username__startswith#name',
    expect: ORM,
  },
  { input: 'password__isnull', kind: 'body-name', location: 'body.json.password__isnull#name', expect: ORM },
  { input: 'is_admin', location: 'query.data__has_key', expect: ORM },
  { input: 'x', location: 'query.user__profile__icontains', expect: ORM },
  { input: 'p', location: 'query.username__startswith', expect: ORM },
  // Benign: prices, shell and template variables, OData, JSON Schema, .NET type hints, cookies, prose.
  { input: '$5.99', expect: null },
  { input: 'price $in USD', expect: null },
  { input: 'use $ne or $gt to compare in MongoDB', kind: 'body-value', expect: null },
  { input: '$existingUser', kind: 'cookie-name', location: 'cookie.$existingUser#name', expect: null },
  { input: '$Version', kind: 'cookie-name', location: 'cookie.$Version#name', expect: null },
  { input: '$existsor', kind: 'body-name', location: 'body.json.$existsor#name', expect: null },
  { input: 'foo', kind: 'body-value', location: 'body.json.$existsor', expect: null },
  { input: '$filter', kind: 'query-name', location: 'query.$filter#name', expect: null },
  { input: "Name eq 'x'", location: 'query.$filter', expect: null },
  { input: '$search', kind: 'query-name', location: 'query.$search#name', expect: null },
  { input: '$schema', kind: 'body-name', location: 'body.json.$schema#name', expect: null },
  { input: '$ref', kind: 'body-name', location: 'body.json.items.$ref#name', expect: null },
  { input: '$type', kind: 'body-name', location: 'body.json.$type#name', expect: null },
  { input: 'a', location: 'query.name__exact', expect: null },
  { input: 'b', location: 'query.city__in', expect: null },
  { input: '1000', location: 'query.price__gte', expect: null },
  {
    input: 'use field__startswith for filtering',
    kind: 'body-value',
    location: 'body.json.comment',
    expect: null,
  },
  { input: '__init__', kind: 'query-name', location: 'query.__init__#name', expect: null },
  { input: 'my__weird__name', kind: 'query-name', location: 'query.my__weird__name#name', expect: null },
  { input: "O'Brien; Smith", expect: null },
  { input: 'He said "yes"; then left', kind: 'body-value', expect: null },
  { input: "it's 'a' || 'b' = 'c'", expect: null },
  { input: 'a;b;c', expect: null },
  { input: 'Item "A"; return date tomorrow', expect: null },
  { input: "'x'; let us know", kind: 'body-value', expect: null },
  { input: '${HOME}/bin', expect: null },
  { input: '{"a": "$ne"}', expect: null },
  // Filter parameters take operators by design (Strapi, Parse): weak there, never blocking alone.
  { input: '10', location: 'query.filters[price][$gte]', expect: OPERATOR },
  { input: 'Tom & Jerry || Itchy & Scratchy', expect: null },
  { input: 'a == b || c', expect: null },
  { input: 'rock || pop; jazz & blues', expect: null },
  { input: 'see db.json for details', expect: null },
  { input: '} , end', expect: null },
];
