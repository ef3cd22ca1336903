import type { AnalyzerFactory } from '../analyzer.js';
import { createCmdiAnalyzer } from './cmdi/create-cmdi-analyzer.js';
import { createCrlfAnalyzer } from './crlf/create-crlf-analyzer.js';
import { createDeserializationAnalyzer } from './deserialization/create-deserialization-analyzer.js';
import { createLdapiAnalyzer } from './ldapi/create-ldapi-analyzer.js';
import { createLog4shellAnalyzer } from './log4shell/create-log4shell-analyzer.js';
import { createNosqliAnalyzer } from './nosqli/create-nosqli-analyzer.js';
import { createPhpAnalyzer } from './php/create-php-analyzer.js';
import { createProtocolAnalyzer } from './protocol/create-protocol-analyzer.js';
import { createRfiAnalyzer } from './rfi/create-rfi-analyzer.js';
import { createScannerAnalyzer } from './scanner/create-scanner-analyzer.js';
import { createSessionFixationAnalyzer } from './session-fixation/create-session-fixation-analyzer.js';
import { createShellshockAnalyzer } from './shellshock/create-shellshock-analyzer.js';
import { createSqliAnalyzer } from './sqli/create-sqli-analyzer.js';
import { createSsjsAnalyzer } from './ssjs/create-ssjs-analyzer.js';
import { createSsrfAnalyzer } from './ssrf/create-ssrf-analyzer.js';
import { createSstiAnalyzer } from './ssti/create-ssti-analyzer.js';
import { createTraversalAnalyzer } from './traversal/create-traversal-analyzer.js';
import { createXpathAnalyzer } from './xpath/create-xpath-analyzer.js';
import { createXssAnalyzer } from './xss/create-xss-analyzer.js';
import { createXxeAnalyzer } from './xxe/create-xxe-analyzer.js';

/** Every built-in analyzer by id, one per attack family; each factory validates its own options. */
export const BUILTIN_ANALYZERS: Readonly<Record<string, AnalyzerFactory>> = Object.freeze({
  cmdi: createCmdiAnalyzer,
  crlf: createCrlfAnalyzer,
  deserialization: createDeserializationAnalyzer,
  ldapi: createLdapiAnalyzer,
  log4shell: createLog4shellAnalyzer,
  nosqli: createNosqliAnalyzer,
  php: createPhpAnalyzer,
  protocol: createProtocolAnalyzer,
  rfi: createRfiAnalyzer,
  scanner: createScannerAnalyzer,
  'session-fixation': createSessionFixationAnalyzer,
  shellshock: createShellshockAnalyzer,
  sqli: createSqliAnalyzer,
  ssjs: createSsjsAnalyzer,
  ssrf: createSsrfAnalyzer,
  ssti: createSstiAnalyzer,
  traversal: createTraversalAnalyzer,
  xpath: createXpathAnalyzer,
  xss: createXssAnalyzer,
  xxe: createXxeAnalyzer,
});
