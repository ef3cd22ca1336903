import YAML from 'yaml';
import { describeConfigSchema } from './config-options.js';
import { type ConfigInput, configSchema } from './schema.js';

// The lists are empty by default; an example needs one entry of each to show their fields.
const EXAMPLE_INPUT: ConfigInput = {
  server: { trustedProxies: ['10.0.0.0/8'] },
  sites: [
    {
      name: 'shop',
      hosts: ['shop.example.com', '*.shop.example.com'],
      upstream: { targets: ['http://127.0.0.1:3000'] },
      routes: [{ path: '/api', maxBodyBytes: 1_048_576, inspect: { mode: 'detect' } }],
    },
  ],
  defend: {
    decisions: [{ scope: 'cidr', value: '203.0.113.0/24', action: 'block', reason: 'abuse report' }],
  },
};

/** A complete `infinisec.yaml`: every option at its default, one example entry in each list, all described. */
export function renderExampleConfig(): string {
  const descriptions = new Map(describeConfigSchema().map((option) => [option.path, option.description]));
  const doc = new YAML.Document(configSchema.parse(EXAMPLE_INPUT));
  doc.commentBefore =
    ' infinisec.yaml: every option at its default; the lists, empty by default, hold one example entry.\n' +
    ' yaml-language-server: $schema=./docs/config.schema.json';
  annotate(doc.contents, '', descriptions, 0);
  return doc.toString({ lineWidth: 0 });
}

function annotate(node: unknown, path: string, descriptions: Map<string, string>, depth: number): void {
  if (YAML.isSeq(node)) {
    for (const item of node.items) annotate(item, `${path}[]`, descriptions, depth + 1);
    return;
  }
  if (!YAML.isMap(node)) return;
  node.items.forEach((pair, i) => {
    if (!YAML.isScalar(pair.key)) return;
    const childPath = path ? `${path}.${String(pair.key.value)}` : String(pair.key.value);
    const description = descriptions.get(childPath);
    if (description) pair.key.commentBefore = ` ${description}`;
    // A blank line between sections; the document comment already stands apart from the first one.
    if (depth === 0 && i > 0) pair.key.spaceBefore = true;
    annotate(pair.value, childPath, descriptions, depth + 1);
  });
}
