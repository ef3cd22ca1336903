import { z } from 'zod';
import { COMPLIANCE_CSP, complianceFileName, FRAMEWORKS } from '../../guardian/compliance/index.js';
import { type Route, route } from '../http/router.js';
import { actorOf } from '../principal.js';
import type { ReportControl } from '../report-control.js';

const complianceQuery = z.strictObject({
  framework: z.enum(FRAMEWORKS),
  format: z.enum(['json', 'html']).default('json'),
});

/** Compliance reports over live evidence: the report as JSON, or as a self-contained page. */
export function reportRoutes(control: ReportControl): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/reports/compliance',
      access: 'reports:read',
      tag: 'reports',
      summary:
        'A SOC 2, ISO 27001 or GDPR report: each control judged by evidence read now; JSON or an HTML page.',
      query: complianceQuery,
      async handle({ query, principal, ip }) {
        const report = await control.compliance(query.framework, { actor: actorOf(principal!), ip });
        if (query.format === 'json') return { json: report };
        return {
          text: control.html(report),
          contentType: 'text/html; charset=utf-8',
          headers: {
            // The page's own policy, and no framing: it carries the same values the JSON does.
            'content-security-policy': `${COMPLIANCE_CSP}; frame-ancestors 'none'`,
            'content-disposition': `inline; filename="${complianceFileName(report.framework, report.generated, 'html')}"`,
          },
        };
      },
    }),
  ];
}
