/** Test helpers: policies from YAML text in a temp folder, and resolved-image fixtures. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadPolicies } from './policy.js';
import type { GateImage, GateRequest, LoadedPolicies } from './types.js';

/** Writes `files` (relative path -> text) to a fresh folder and returns its path. */
export function policyDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'astl-gate-policy-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export function loadFrom(files: Record<string, string>): LoadedPolicies {
  return loadPolicies(policyDir(files));
}

export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;

export function image(input: string, repository: string, digest?: string): GateImage {
  const i: GateImage = { input, repository, isIndex: false };
  if (digest) {
    i.digest = digest;
    i.pinned = `${repository}@${digest}`;
  }
  return i;
}

export function request(over: Partial<GateRequest> = {}): GateRequest {
  return {
    agent: 'deploy-manager',
    action: 'deploy',
    environment: 'staging',
    images: [],
    params: {},
    ...over,
  };
}
