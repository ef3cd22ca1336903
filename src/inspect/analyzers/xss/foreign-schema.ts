// The host of an `http(s)://` URL, lower-cased, or undefined.
function hostOf(url: string): string | undefined {
  const match = /^https?:\/\/([^/?#:\s]+)/i.exec(url);
  return match?.[1]?.toLowerCase();
}

/**
 * True when an `xsi:schemaLocation` value pairs an `http(s)` namespace with a schema fetched from another
 * host: a validating parser then calls out to wherever the value says. Real schemas live with their
 * namespace (`http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd`).
 * @example pointsElsewhere('http://a.b/ http://evil.example/x.xsd') // true
 */
export function pointsElsewhere(schemaLocation: string): boolean {
  const parts = schemaLocation.trim().split(/\s+/);
  for (let i = 0; i + 1 < parts.length && i < 16; i += 2) {
    const namespace = hostOf(parts[i]!);
    const schema = hostOf(parts[i + 1]!);
    if (namespace !== undefined && schema !== undefined && namespace !== schema) return true;
  }
  return false;
}
