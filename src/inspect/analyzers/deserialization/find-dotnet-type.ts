import type { Hit } from './hit.js';

// .NET types that gadget chains (ysoserial.net and kin) instantiate to start a process or load code.
const GADGET =
  /ObjectDataProvider|TypeConfuseDelegate|TextFormattingRunProperties|ActivitySurrogateSelector|WindowsIdentity|SessionSecurityToken|AssemblyInstaller|XamlReader|ExpandedWrapper|ObjectStateFormatter|LosFormatter|System\.Diagnostics\.Process|ProcessStartInfo/i;
// An assembly-qualified type name: `System.Data.DataSet, System.Data`.
const QUALIFIED =
  /\bSystem(?:\.[A-Z]\w*)+\s*,\s*(?:mscorlib|System(?:\.\w+)*|PresentationFramework|WindowsBase)\b/;
// A JSON.NET / fastjson / Jackson type hint inside a value: `"$type":"..."`.
const HINT_IN_TEXT =
  /["'](?:\$type|__type|@type|@class)["']\s*:\s*["']\[?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)/;
const CLASS_NAME = /^\s*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\s*(?:,|$)/;
// A hint naming a JDK class: what fastjson and Jackson autotype exploits start from
// (`java.lang.AutoCloseable`, `Lcom.sun.rowset.JdbcRowSetImpl;`); applications hint their own classes.
const JVM_CLASS = /^\s*\[?L?(?:java|javax|jdk|sun|com\.sun)\./;
const HINT_KEYS: ReadonlySet<string> = new Set(['$type', '__type', '@type', '@class']);

/**
 * .NET deserialization: gadget types, assembly-qualified `System.*` types, and polymorphic type hints
 * (`$type`, `@type`, `@class`) naming a class — given either inside the text or as the value of a key
 * named so (`key`, the last segment of the value's location); hints naming a JDK class weigh most.
 */
export function findDotnetType(text: string, key: string): Hit | undefined {
  const gadget = GADGET.exec(text);
  if (gadget !== null) return { rule: 'dotnet-gadget', confidence: 1, evidence: gadget[0] };
  const qualified = QUALIFIED.exec(text);
  if (qualified !== null) return { rule: 'type-hint', confidence: 0.8, evidence: qualified[0] };
  const inText = HINT_IN_TEXT.exec(text);
  if (inText !== null)
    return { rule: 'type-hint', confidence: JVM_CLASS.test(inText[1]!) ? 0.9 : 0.6, evidence: inText[0] };
  if (HINT_KEYS.has(key) && CLASS_NAME.test(text))
    return { rule: 'type-hint', confidence: JVM_CLASS.test(text) ? 0.9 : 0.6, evidence: `${key}: ${text}` };
  return undefined;
}
