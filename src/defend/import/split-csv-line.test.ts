import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './split-csv-line.js';

describe('splitCsvLine', () => {
  const cases: [string, string[]][] = [
    ['a,b,c', ['a', 'b', 'c']],
    ['', ['']],
    ['a,,', ['a', '', '']],
    ['1,"AS 1, Inc",x', ['1', 'AS 1, Inc', 'x']],
    ['"say ""hi""",2', ['say "hi"', '2']],
    ['"unterminated,still', ['unterminated,still']],
    ['"a"b,c', ['ab', 'c']],
  ];
  it.each(cases)('%j → %j', (line, fields) => {
    expect(splitCsvLine(line)).toEqual(fields);
  });
});
