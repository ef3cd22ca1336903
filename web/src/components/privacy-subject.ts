import type { PrivacySubject } from '../api/privacy-api';

/** Which kind of subject a privacy request is about. */
export type SubjectKind = 'ip' | 'user';

/** The subject of a request, from its kind and the text typed. */
export function subjectOf(kind: SubjectKind, value: string): PrivacySubject {
  return kind === 'ip' ? { ip: value.trim() } : { user: value.trim() };
}

/**
 * A file name for a subject's export, safe on any file system.
 * @example exportFileName({ ip: '2001:db8::1' }) // 'infinisec-privacy-ip-2001_db8__1.json'
 */
export function exportFileName(subject: PrivacySubject): string {
  const [kind, value] = 'ip' in subject ? ['ip', subject.ip] : ['user', subject.user];
  return `infinisec-privacy-${kind}-${value.replace(/[^\w.-]/g, '_').slice(0, 80)}.json`;
}
