import type { AuditEntry } from '../api/types';

// The pairs of keys under which an audit entry records a field's old and new value.
const CHANGE_KEYS: [string, string][] = [
  ['old', 'new'],
  ['from', 'to'],
  ['before', 'after'],
];

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function asChange(value: unknown): [unknown, unknown] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  for (const [before, after] of CHANGE_KEYS) {
    if (before in record && after in record) return [record[before], record[after]];
  }
  return null;
}

function detailsObject(details: AuditEntry['details']): Record<string, unknown> | string | null {
  if (typeof details !== 'string') return details;
  if (details.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(details);
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : details;
  } catch {
    return details;
  }
}

/**
 * Words an audit entry's details as lines such as "email: a@x.it → b@x.it". The details are a
 * JSON object of changed fields with their old and new values, or other facts of the action.
 */
export function describeAuditDetails(details: AuditEntry['details']): string[] {
  const object = detailsObject(details);
  if (object === null) return [];
  if (typeof object === 'string') return [object];
  return Object.entries(object).map(([key, value]) => {
    const change = asChange(value);
    return change ? `${key}: ${show(change[0])} → ${show(change[1])}` : `${key}: ${show(value)}`;
  });
}
