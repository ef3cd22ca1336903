// Lower-cased identifier segments of Java (and JVM-hosted) class names, grouped by what they give an
// attacker who gets them instantiated. These are vocabulary of the platforms, not payloads.

/** Classes and members that run programs. */
export const EXEC: ReadonlySet<string> = new Set([
  'runtime',
  'getruntime',
  'processbuilder',
  'processimpl',
  'unixprocess',
  'process',
]);

/** Reflection, class loading, scripting, JNDI and serialization entry points. */
export const REACH: ReadonlySet<string> = new Set([
  'reflect',
  'classloader',
  'urlclassloader',
  'forname',
  'getmethod',
  'getdeclaredmethod',
  'getdeclaredfield',
  'newinstance',
  'methodhandles',
  'unsafe',
  'defineclass',
  'scriptengine',
  'scriptenginemanager',
  'getenginebyname',
  'nashorn',
  'naming',
  'initialcontext',
  'jndi',
  'rmi',
  'objectinputstream',
  'objectoutputstream',
  'xmldecoder',
  'xmlencoder',
  'system',
  'class',
]);

/**
 * Names that only ever appear in deserialization gadget chains: Commons Collections functors and maps,
 * the JDK and library sinks that chains end in, and the tool that builds them.
 */
export const GADGETS: ReadonlySet<string> = new Set([
  'invokertransformer',
  'instantiatetransformer',
  'clonetransformer',
  'chainedtransformer',
  'constanttransformer',
  'instantiatefactory',
  'prototypeclonefactory',
  'prototypeserializationfactory',
  'forclosure',
  'whileclosure',
  'lazymap',
  'transformedmap',
  'tiedmapentry',
  'functors',
  'templatesimpl',
  'jdbcrowsetimpl',
  'beancomparator',
  'badattributevalueexpexception',
  'methodclosure',
  'convertedclosure',
  'filesystemxmlapplicationcontext',
  'classpathxmlapplicationcontext',
  'propertypathfactorybean',
  'annotationinvocationhandler',
  'ysoserial',
]);

/** JDK packages whose classes have no business in a request value; `javax.faces.*` and kin are form fields. */
export const JDK_PACKAGES: ReadonlySet<string> = new Set([
  'lang',
  'io',
  'nio',
  'net',
  'util',
  'beans',
  'management',
  'naming',
  'script',
  'rmi',
  'sql',
  'security',
  'xml',
]);

/** Library packages that only gadget chains and OGNL exploits name: `root.second(.third)`. */
export const LIBRARY_SINKS: readonly (readonly string[])[] = [
  ['com', 'opensymphony', 'xwork2'],
  ['com', 'sun', 'org', 'apache'],
  ['com', 'sun', 'rowset'],
  ['com', 'sun', 'jndi'],
  ['org', 'omg', 'corba'],
  ['org', 'apache', 'commons', 'collections'],
  ['org', 'apache', 'commons', 'collections4'],
  ['org', 'apache', 'commons', 'beanutils'],
  ['org', 'apache', 'xalan'],
  ['org', 'codehaus', 'groovy', 'runtime'],
  ['com', 'mchange', 'v2'],
  ['org', 'springframework', 'context', 'support'],
  ['org', 'springframework', 'beans', 'factory'],
  ['bsh', 'interpreter'],
  ['groovy', 'lang'],
  ['clojure', 'lang'],
  ['ognl', 'ognlcontext'],
];

/** Roots of JVM class names: a chain starting here names a class, not a host or a file. */
export const JAVA_ROOTS: ReadonlySet<string> = new Set(['java', 'javax', 'jdk', 'sun']);

/** Last labels that make a dotted chain a host name rather than a class (`java.sun.com`). */
export const HOST_SUFFIXES: ReadonlySet<string> = new Set([
  'com',
  'org',
  'net',
  'edu',
  'gov',
  'int',
  'info',
  'biz',
  'dev',
  'app',
  'co',
  'uk',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'ru',
  'cn',
  'jp',
  'html',
  'htm',
  'php',
  'jsp',
]);
