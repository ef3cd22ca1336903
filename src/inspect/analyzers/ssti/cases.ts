// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${...}` here is attack text, not a forgotten template literal.
import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface SstiCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const EXEC = 'ssti/code-execution';
const PROBE = 'ssti/arithmetic-probe';
const STATEMENT = 'ssti/template-statement';
const CONTEXT = 'ssti/context-access';

/** Template injection cases shared by the unit test, the benchmark and the fuzz target. */
export const sstiCases: readonly SstiCase[] = [
  // Jinja2 / Flask / Tornado / Nunjucks.
  { input: "{{''.__class__.__mro__[1].__subclasses__()}}", expect: EXEC },
  { input: "{{ cycler.__init__.__globals__.os.popen('id').read() }}", expect: EXEC },
  { input: "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')}}", expect: EXEC },
  { input: '{{request.application}}', expect: CONTEXT },
  { input: "{{request|attr('__globals__')}}", expect: EXEC },
  { input: '{{ lipsum.__globals__["os"].popen("id").read() }}', expect: EXEC },
  { input: '{% import os %}{{ os.popen("whoami").read() }}', expect: EXEC },
  { input: '{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}', expect: EXEC },
  {
    input:
      "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
    expect: EXEC,
  },
  { input: '{{config}}', expect: CONTEXT },
  { input: '{{ config.items() }}', expect: CONTEXT },
  { input: '{{settings.SECRET_KEY}}', expect: CONTEXT },
  { input: '{{7*7}}', expect: PROBE },
  { input: "aaaa'+#{16*8787}+'bbb", expect: PROBE },
  { input: '{42*42}', expect: PROBE },
  { input: '{{4*4}}${5*5}', expect: PROBE },
  { input: '{{4*4}}[[5*5]]', expect: PROBE },
  { input: '[[Main Page]] and {{cite web}}', expect: null },
  { input: 'price {2*3} each', expect: null },
  { input: '{1,2}', expect: null },
  { input: '[{2*3}]', expect: null },
  { input: 'name"+${7*7}+"x', expect: PROBE },
  { input: '${{7*7}}', expect: PROBE },
  { input: '{{=7*7}}', expect: PROBE },
  { input: '{{- 7*7 }}', expect: PROBE },
  { input: '[[${7*7}]]', expect: PROBE },
  { input: "{{7*'7'}}", expect: PROBE },
  { input: '%7b%7b7*7%7d%7d', expect: PROBE },
  { input: 'name {{ 3 + 4 }} here', expect: PROBE },
  { input: '{% if True %}49{% endif %}', expect: STATEMENT },
  { input: '{%25 if True %25}49{%25 endif %25}', expect: STATEMENT },
  { input: '{% for x in range(3) %}{{x}}{% endfor %}', expect: STATEMENT },
  { input: '{% debug %}', expect: STATEMENT },
  // Twig / Smarty / Handlebars / Angular.
  {
    input: '{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}',
    expect: EXEC,
  },
  { input: "{{['id']|filter('system')}}", expect: EXEC },
  { input: "{{['cat /etc/passwd']|map('passthru')|join}}", expect: EXEC },
  { input: '{{app.request.server.all|join(",")}}', expect: 'ssti/method-call' },
  { input: '{php}echo `id`;{/php}', expect: 'ssti/smarty-php' },
  { input: "{system('ls')}", expect: EXEC },
  { input: '{Smarty_Internal_Write_File::writeFile($SCRIPT_NAME,"x",self::clearConfig())}', expect: EXEC },
  { input: '{$smarty.version}', expect: 'ssti/context-access' },
  { input: 'Today is {$smarty.now|date_format} in the template', kind: 'body-value', expect: null },
  {
    input:
      '{{#with "s" as |string|}}{{#with split as |conslist|}}{{this.push (lookup string.sub "constructor")}}{{/with}}{{/with}}',
    expect: EXEC,
  },
  { input: "{{constructor.constructor('alert(1)')()}}", expect: EXEC },
  { input: '{{#each users}}{{name}}{{/each}}', expect: STATEMENT },
  // Java EL, SpEL, Thymeleaf, OGNL, Freemarker, Velocity.
  { input: "${T(java.lang.Runtime).getRuntime().exec('id')}", expect: EXEC },
  { input: "*{T(java.lang.Runtime).getRuntime().exec('id')}", expect: EXEC },
  { input: '__${T(java.lang.Runtime).getRuntime().exec("id")}__::.x', expect: EXEC },
  { input: "${''.getClass().forName('java.lang.Runtime').getMethods()[6].invoke(null)}", expect: EXEC },
  { input: '${applicationScope}', expect: CONTEXT },
  { input: '${pageContext.request.getSession()}', expect: CONTEXT },
  { input: "%{@java.lang.Runtime@getRuntime().exec('id')}", expect: EXEC },
  { input: '${7*7}', expect: PROBE },
  { input: '<#assign ex="freemarker.template.utility.Execute"?new()> ${ ex("id") }', expect: EXEC },
  { input: '${"freemarker.template.utility.Execute"?new()("id")}', expect: EXEC },
  { input: '[#assign ex = "freemarker.template.utility.Execute"?new()]', expect: EXEC },
  { input: '<#list 1..3 as i>${i}</#list>', expect: STATEMENT },
  { input: "#set($x = $rt.getRuntime().exec('id'))", expect: EXEC },
  { input: '#set($str=$class.inspect("java.lang.String").type)', expect: EXEC },
  { input: '$class.inspect("java.lang.Runtime").type.getRuntime().exec("id")', expect: EXEC },
  { input: '#set($a = 1)#if($a == 1)yes#end', expect: STATEMENT },
  { input: '#{7*7}', expect: PROBE },
  { input: "#{runtime.exec('id')}", expect: EXEC },
  { input: '#{facesContext.externalContext}', expect: CONTEXT },
  // Ruby ERB, JSP, EJS, Mako, Pug, Razor, Perl.
  { input: '<%= 7*7 %>', expect: PROBE },
  { input: "<%= system('id') %>", expect: EXEC },
  { input: "<% system('id') %>", expect: EXEC },
  { input: '<%= `id` %>', expect: EXEC },
  { input: "<%= File.open('/etc/passwd').read %>", expect: EXEC },
  { input: "<%= IO.popen('id').readlines() %>", expect: EXEC },
  { input: '<% Runtime.getRuntime().exec(request.getParameter("c")); %>', expect: EXEC },
  { input: '<% if True %>49<% endif %>', expect: STATEMENT },
  { input: '<%= if True %>49<% endif %>', expect: STATEMENT },
  { input: "<%= global.process.mainModule.require('child_process').execSync('id') %>", expect: EXEC },
  { input: '${self.module.cache.util.os.system("id")}', expect: EXEC },
  { input: '<% import os %>${os.popen("id").read()}', expect: EXEC },
  { input: '#{process.binding(foo).spawn(foo2)}', expect: EXEC },
  { input: "#{require.main.constructor._load(child_process).spawn('foo',['bar'])}", expect: EXEC },
  {
    input:
      '#{function(){localLoad=global.process.mainModule.constructor._load;sh=localLoad("child_process").exec("id")}()}',
    expect: EXEC,
  },
  { input: '@(7*7)', expect: PROBE },
  { input: '@System.Diagnostics.Process.Start("cmd.exe","/c whoami")', expect: EXEC },
  { input: "@{[system 'id']}", expect: 'ssti/perl-interpolation' },
  { input: '@{ [ uc "hello" ] }', expect: 'ssti/perl-interpolation' },
  { input: "@{[system 'id']", expect: 'ssti/perl-interpolation' },
  // Free text (long or multi-line body fields) weighs constructs lower but still sees code execution.
  {
    input: `Hi team,\n${'x'.repeat(40)}\n{{ cycler.__init__.__globals__.os.popen('id').read() }}`,
    kind: 'body-value',
    expect: EXEC,
  },
  // A short body field whose whole value is a probe: Thymeleaf selections, context objects.
  { input: '*{95*7}', kind: 'body-value', location: 'body.form.name', expect: PROBE },
  { input: '{{config.items()}}', kind: 'body-value', location: 'body.json.name', expect: CONTEXT },
  { input: '{{{42*42}}}', expect: PROBE },
  { input: '{{{body}}}', kind: 'body-value', expect: null },
  // A parameter that is one template call asks whether the server evaluates it.
  { input: "{{'a'.toUpperCase()}}", expect: 'ssti/method-call' },
  { input: '{{ [].class.base.subclasses() }}', expect: 'ssti/method-call' },
  { input: 'Hello {{ user.name() }}', kind: 'body-value', location: 'body.form.greeting', expect: null },
  // Benign: placeholders, CMS templates, JSON, CSS, prices, Markdown, e-mails, code in free text.
  { input: 'price*{10}', expect: null },
  { input: '.card *{margin:0;padding:0}', kind: 'body-value', expect: null },
  { input: '{{username}}', expect: null },
  { input: '{{ user.first_name }}', expect: null },
  { input: '<%=title%>', expect: null },
  { input: '#{name}', expect: null },
  { input: '${user.name}', expect: null },
  { input: 'Hello {{ name | default("friend") }}', kind: 'body-value', expect: null },
  { input: '{% if user %}\nHello {{ user.name }}\n{% endif %}', kind: 'body-value', expect: null },
  { input: '<#if user??>Hi ${user}</#if>\n<#list items as i>${i}</#list>', kind: 'body-value', expect: null },
  { input: '{"a":{"b":[1,2,{"c":3}]}}', expect: null },
  { input: '{"array":[1,2,3]}', expect: null },
  { input: "{'key':['value1','value2']}", expect: null },
  { input: 'div[data-value="test"]', expect: null },
  { input: 'a{color:red} .b{margin:0 auto}', expect: null },
  { input: '$hash{key}=[1,2,3]', expect: null },
  { input: '[link](https://example.com)', expect: null },
  { input: 'user@example.com', expect: null },
  { input: 'Total: $45.00 {incl. tax}', expect: null },
  { input: 'Issue #42: fix {{ }} rendering', expect: null },
  { input: '{{cite web |url=http://example.com |title=Example}}', expect: null },
  { input: 'const s = `${a.map((x) => x.id).join(",")}`;', kind: 'body-value', expect: null },
  { input: 'echo "${HOME}/bin" && ls', expect: null },
  { input: '#set of rules', expect: null },
  { input: '#{user.firstName} #{user.lastName}', expect: null },
  { input: '<% end %>', expect: null },
  { input: '{{ 2024 }}', expect: null },
  { input: 'C# @(Model.Name) view', kind: 'body-value', expect: null },
  { input: 'open {{ file.name }}', expect: null },
  { input: '{$smarty}', kind: 'body-value', expect: null },
  { input: 'discount <% if you buy two, see open(ings) below', expect: null },
  { input: 'use {{ to start and config to end', expect: null },
  { input: '*{margin:0;padding:0} body{font:12px/1.4 sans-serif}', expect: null },
  { input: '*{background:url(bg.png)}', expect: null },
  { input: '@media (max-width: 600px){.a{display:none}}', expect: null },
  { input: 'Use {{ config }} in your template to print settings.', kind: 'body-text', expect: null },
  { input: `${'See the docs. '.repeat(20)}Jinja: {{ 7*7 }} renders 49.`, kind: 'body-value', expect: PROBE },
];
