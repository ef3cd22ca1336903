import { describe, expect, it } from 'vitest';
import type { ParsedRequest } from '../../parsed-request.js';
import { inspected, itRunsCaseTable } from '../shared/case-table.testing.js';
import { itStaysLinear } from '../shared/linearity.testing.js';
import { deserializationCases } from './cases.js';
import { createDeserializationAnalyzer } from './create-deserialization-analyzer.js';

const analyzer = createDeserializationAnalyzer();

function request(body: Uint8Array): ParsedRequest {
  const view = {
    id: '1',
    method: 'POST',
    target: '/',
    path: '/',
    query: '',
    host: 'x',
    headers: [],
    httpVersion: '1.1',
    protocol: 'http' as const,
    body,
  };
  return { view, values: [], contentType: 'application/octet-stream', overLimits: [] };
}

describe('deserialization analyzer', () => {
  itRunsCaseTable(analyzer, deserializationCases);

  it('finds the same cases through percent-encoding', () => {
    const changed = deserializationCases.filter(
      (d) => d.expect !== null && d.kind === undefined && encodeURIComponent(d.input) !== d.input,
    );
    expect(changed.length).toBeGreaterThan(10);
    let decoded = 0;
    for (const c of changed) {
      const findings = analyzer.analyzeValue!(inspected(encodeURIComponent(c.input), c.kind, c.location));
      // Percent-encoding can leave another strong rule visible in the value as received.
      const found = findings[0]!;
      expect(found.rule === c.expect || found.confidence >= 0.9, c.input).toBe(true);
      if (found.transforms.includes('url-decode')) decoded++;
    }
    // Base64 tokens only lose their padding to encoding and are found as received; the rest need decoding.
    expect(decoded).toBeGreaterThan(changed.length / 2);
  });

  it('weighs objects with class names above plain data', () => {
    const [object] = analyzer.analyzeValue!(inspected('O:7:"Gadgets":0:{}'));
    const [array] = analyzer.analyzeValue!(inspected('a:1:{i:0;s:1:"x";}'));
    const [std] = analyzer.analyzeValue!(inspected('O:8:"stdClass":0:{}'));
    expect(object!.confidence).toBe(1);
    expect(std!.confidence).toBeLessThan(object!.confidence);
    // Still decisive: a stdClass object is how a probe learns whether the field reaches `unserialize`.
    expect(std!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(array!.confidence).toBeLessThan(std!.confidence);
  });

  it('weighs stream, file and socket classes as strong, value classes and exceptions as hints', () => {
    const confidence = (input: string, location = 'body.form.x') =>
      analyzer.analyzeValue!(inspected(input, 'body-value', location))[0]?.confidence ?? 0;
    expect(confidence('java.io.BufferedReader')).toBeGreaterThanOrEqual(0.9);
    expect(confidence('com.opensymphony.xwork2')).toBeGreaterThanOrEqual(0.9);
    // A field holding nothing but a class name (not an exception's) is a type for a deserializer.
    expect(confidence('java.lang.String')).toBeGreaterThanOrEqual(0.9);
    expect(confidence('org.apache.commons.collections')).toBeGreaterThanOrEqual(0.9);
    const hints = [
      'java.lang.String is immutable',
      'java.io.IOException',
      'org.apache.commons:commons-lang3:3.14',
      'java.lang.reflect.InvocationTargetException when starting the app',
      'org.springframework.beans.factory.BeanCreationException',
      'javax.naming.NameNotFoundException',
    ];
    for (const hint of hints) expect(confidence(hint), hint).toBeLessThan(0.9);
    // An error report names each frame's class in its own value.
    const frame = 'body.json.exception.values.0.stacktrace.frames.4.module';
    expect(confidence('java.io.FileInputStream', frame)).toBeLessThan(0.9);
  });

  it('weighs an encoded class name by whether the token carries anything else', () => {
    const confidence = (input: string) => analyzer.analyzeValue!(inspected(input))[0]?.confidence ?? 0;
    expect(confidence('cnVudGltZQ')).toBeGreaterThanOrEqual(0.9);
    const config = Buffer.from('{"runtime":"nodejs20.x","memorySize":512}').toString('base64');
    expect(confidence(config)).toBeLessThan(0.9);
  });

  it('weighs prototype paths above prototype words in prose', () => {
    const confidence = (input: string) =>
      analyzer.analyzeValue!(inspected(input, 'body-text', 'body'))[0]?.confidence ?? 0;
    expect(confidence('{"__proto__":{"isAdmin":true}}')).toBeGreaterThanOrEqual(0.9);
    expect(confidence('In old engines you could set obj.__proto__.x to change every object')).toBeLessThan(
      0.9,
    );
  });

  it('names its own base64 decoding among the transforms', () => {
    const [f] = analyzer.analyzeValue!(inspected('HJ1bnRpbWU'));
    expect(f?.transforms).toEqual(['base64-bits']);
  });

  it('lets class names in a pasted stack trace pass, but not gadget classes', () => {
    const trace =
      'at java.lang.reflect.Method.invoke(Method.java:498)\n\tat java.lang.Thread.run(Thread.java:748)';
    expect(analyzer.analyzeValue!(inspected(trace, 'body-text', 'body'))).toEqual([]);
    const exploit = `${trace}\n\tat org.apache.commons.collections.functors.InvokerTransformer.transform(InvokerTransformer.java:125)`;
    expect(analyzer.analyzeValue!(inspected(exploit, 'body-text', 'body'))[0]?.rule).toBe(
      'deserialization/java-gadget',
    );
  });

  it('finds serialized objects in raw request bodies', () => {
    const big = analyzer.analyzeRequest!(request(new TextEncoder().encode('"prototype":{'.repeat(8_000))));
    expect(big).toEqual([]);
    const java = analyzer.analyzeRequest!(
      request(new Uint8Array([0x74, 0x3d, 0xac, 0xed, 0x00, 0x05, 0x73, 0x72])),
    );
    expect(java.map((f) => f.rule)).toEqual(['deserialization/java-serialized']);
    const net = analyzer.analyzeRequest!(request(new Uint8Array([0, 1, 0, 0, 0, 255, 255, 255, 255, 1])));
    expect(net.map((f) => f.rule)).toEqual(['deserialization/dotnet-serialized']);
    const pickle = analyzer.analyzeRequest!(
      request(Uint8Array.from('\x80\x04cposix\nsystem\n', (c) => c.charCodeAt(0))),
    );
    expect(pickle[0]?.confidence).toBe(1);
    expect(analyzer.analyzeRequest!(request(new TextEncoder().encode('{"name":"jane"}')))).toEqual([]);
    const nested = analyzer.analyzeRequest!(
      request(new TextEncoder().encode('{"a":1,"constructor":{"x":2,"prototype":{"isAdmin":true}}}')),
    );
    expect(nested.map((f) => f.rule)).toEqual(['deserialization/prototype-pollution']);
    const plain = '{"constructor":{"name":"ACME"},"prototype":{"id":4}}';
    expect(analyzer.analyzeRequest!(request(new TextEncoder().encode(plain)))).toEqual([]);
  });

  it('refuses unknown and out-of-range options', () => {
    expect(() => createDeserializationAnalyzer({ depth: 3 })).toThrow(/unknown option/);
    expect(() => createDeserializationAnalyzer({ maxLength: 10 })).toThrow(/maxLength/);
    expect(createDeserializationAnalyzer({ maxLength: 100 }).id).toBe('deserialization');
  });
});

describe('deserialization regexes and scanners are linear', () => {
  const adversarial = [
    `${'a'.repeat(50_000)}!`,
    'java.'.repeat(10_000),
    'Aa0'.repeat(17_000),
    `${'rO0AB'.repeat(10_000)}!`,
    '%{'.repeat(25_000),
    '@a.'.repeat(17_000),
    '(#'.repeat(25_000),
    'O:1:"'.repeat(10_000),
    '$1:'.repeat(17_000),
    '"$1:a:'.repeat(8_000),
    '!!java.'.repeat(7_000),
    'constructor.'.repeat(4_000),
    'require('.repeat(6_000),
    '"constructor":{'.repeat(3_000),
    'Object.prototype['.repeat(3_000),
    `Object.prototype[${'x'.repeat(50_000)}`,
    'prototype'.repeat(6_000),
  ];
  const unbounded = createDeserializationAnalyzer({ maxLength: 1 << 20 });
  itStaysLinear(
    new URL('.', import.meta.url),
    adversarial,
    (input) => {
      for (const kind of ['query-value', 'body-text'] as const) {
        analyzer.analyzeValue!(inspected(input, kind));
        unbounded.analyzeValue!(inspected(input, kind));
      }
    },
    10,
  );
});
