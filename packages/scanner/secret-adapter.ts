/**
 * The secret rules' entry point as the engine sees it. Until ./secrets lands this is a stub.
 */
import type { Finding, RuleMeta } from './finding.js';

export const SECRET_RULES: RuleMeta[] = [];
export function detectSecrets(_text: string, _file: string): Finding[] {
  return [];
}
