import { apiRequest } from './api-client';
import type { ComplianceReport, Framework } from './report-types';

/** A compliance report: each control of the framework judged by evidence read now. */
export const getComplianceReport = (framework: Framework) =>
  apiRequest<ComplianceReport>('GET', '/api/reports/compliance', { query: { framework, format: 'json' } });

/** The same report as a self-contained, printable HTML page. */
export const getComplianceHtml = (framework: Framework) =>
  apiRequest<string>('GET', '/api/reports/compliance', { query: { framework, format: 'html' }, text: true });
