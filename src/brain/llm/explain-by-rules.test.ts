import { describe, expect, it } from 'vitest';
import { BUILTIN_ANALYZERS } from '../../inspect/analyzers/index.js';
import { CATEGORY_IDS } from './attack-categories.js';
import { describeLocation } from './describe-location.js';
import { explainByRules } from './explain-by-rules.js';
import { FINDING_TEMPLATES } from './finding-templates.js';
import { testEvent } from './llm-fixtures.testing.js';

describe('the analyst knows every analyzer', () => {
  it('has a template and a category for each analyzer of inspect, and for the canary', () => {
    const ids = [...Object.keys(BUILTIN_ANALYZERS), 'canary'].sort();
    expect(Object.keys(FINDING_TEMPLATES).sort()).toEqual(ids);
    expect([...CATEGORY_IDS].sort()).toEqual(ids);
  });
});

describe('describeLocation', () => {
  it.each([
    ['query.id', 'the query parameter "id"'],
    ['body.json.user.name', 'the JSON body field "user.name"'],
    ['body.form.pass', 'the form field "pass"'],
    ['body.multipart.doc#filename', 'the file name of the upload part "doc"'],
    ['header.user-agent', 'the "user-agent" header'],
    ['header.x-a#name', 'the name of the "x-a" header'],
    ['cookie.session', 'the cookie "session"'],
    ['path.2', 'segment 3 of the path'],
    ['path', 'the path'],
    ['something.else', '"something.else"'],
  ])('%s → %s', (location, words) => {
    expect(describeLocation(location)).toBe(words);
  });
});

describe('explainByRules', () => {
  it("says what was found, where, why it matters and how the gateway answered, from the analyzer's template", () => {
    const event = testEvent({
      id: 'e',
      findings: [
        {
          analyzer: 'traversal',
          rule: 'traversal/dot-dot',
          location: 'query.file',
          evidence: '../../etc/passwd',
          confidence: 0.95,
        },
      ],
    });
    expect(explainByRules(event.verdict.findings[0]!, event)).toBe(
      'The traversal analyzer (rule traversal/dot-dot) found a path that climbs out of the intended folder (../) ' +
        'or names a sensitive file in the query parameter "file" of a GET request to /login from 203.0.113.7, ' +
        '95% sure. Evidence: "../../etc/passwd" (seen after url-decode). Why it matters: it can read ' +
        'configuration files, keys and source code the web server should never serve. The gateway blocked the ' +
        'request (detector/traversal, score 0.9).',
    );
  });

  it('says what to check when the request reached the application, and copes with an unknown analyzer', () => {
    const event = testEvent({
      id: 'e',
      action: 'log',
      findings: [{ analyzer: 'custom-thing', rule: 'custom/x' }],
    });
    const text = explainByRules(event.verdict.findings[0]!, event);
    expect(text).toContain('found a value that matched one of its attack patterns');
    expect(text).toContain('let the request through and logged it (detect-only)');
    expect(text).toContain('The request reached the application: check that /login is not vulnerable to it.');
  });
});
