// Plain constants of the scenario format, free of zod, so the browser bundle can use them without
// the schema validator (scenarios reach the browser already validated at build time).
export const ID_PATTERN = /^[a-z0-9_-]{1,64}$/;
export const MAX_TEXT = 4000;
export const SIDES = ['us', 'iran'] as const;
export type Side = (typeof SIDES)[number];
export const SEVERITIES = ['deescalation', 'status-quo', 'posturing', 'nonviolent', 'violent'] as const;
export type Severity = (typeof SEVERITIES)[number];
