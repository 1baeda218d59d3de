/**
 * Image tags, release job and docs agree: every component defaults to `cli:<version>` (the
 * package version, which the Containerfile and the docs build), and on a version tag the
 * component project's `release-image` job, run under gitlab-ci-local with skopeo against a real
 * OCI registry, refuses a tag the templates do not name, and publishes `X.Y` and `X` as the
 * same image as `X.Y.Z`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { registryAvailable, startRegistry, type TestRegistry } from '../support/registry.js';
import { componentProject, gitlabCiLocalAvailable, repoRoot, runPipeline } from './gcl.js';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;
const IMAGE = 'registry.gitlab.com/astl/agent-credentials/cli';
const templates = readdirSync(join(repoRoot, 'gitlab/templates')).filter((f) => f.endsWith('.yml'));

describe('image tags, release job and docs agree', () => {
  it(`every component defaults to ${IMAGE}:<package version>`, () => {
    for (const file of templates) {
      const [spec] = parseAllDocuments(readFileSync(join(repoRoot, 'gitlab/templates', file), 'utf8'));
      const image = (spec!.toJS() as { spec: { inputs: { image: { default: string } } } }).spec.inputs.image;
      expect(image.default, file).toBe(`${IMAGE}:${version}`);
    }
  });

  it('the docs, the Containerfile and the self-test use that tag, and nothing names the old cli:1', () => {
    const files = [
      'gitlab/README.md',
      'gitlab/Containerfile',
      'gitlab/.gitlab-ci.yml',
      'README.md',
      'docs/cli.md',
      ...templates.map((t) => `gitlab/templates/${t}`),
    ];
    for (const file of files) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      for (const m of text.matchAll(/astl\/agent-credentials\/cli:([0-9A-Za-z.X-]+)/g)) {
        // X.Y.Z is the release recipe's placeholder.
        expect([version, 'X.Y.Z'], `${file}: cli:${m[1]}`).toContain(m[1]);
      }
    }
    expect(readFileSync(join(repoRoot, 'gitlab/README.md'), 'utf8')).toMatch(/`cli:X\.Y`\s+and\s+`cli:X`/);
  });
});

const canRun =
  gitlabCiLocalAvailable() && registryAvailable() && spawnSync('skopeo', ['--version']).status === 0;

describe.skipIf(!canRun)('the release-image job under gitlab-ci-local', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry?.close();
  });

  const variables = (tag: string) => ({
    CI_COMMIT_TAG: tag,
    CI_REGISTRY: registry.host,
    CI_REGISTRY_IMAGE: `${registry.host}/astl/agent-credentials`,
    CI_REGISTRY_USER: 'gitlab-ci-token',
    CI_REGISTRY_PASSWORD: 'unused-by-this-registry',
    ASTL_REGISTRY_TLS_VERIFY: 'false',
  });
  const digestOf = async (tag: string) => {
    const res = await fetch(`${registry.url}/v2/astl/agent-credentials/cli/manifests/${tag}`, {
      method: 'HEAD',
      headers: {
        accept:
          'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json',
      },
    });
    return res.status === 200 ? res.headers.get('docker-content-digest') : `HTTP ${res.status}`;
  };

  it(`publishes ${version.split('.').slice(0, 2).join('.')} and ${version.split('.')[0]} as the image of ${version}`, async () => {
    const pushed = await registry.pushImage('astl/agent-credentials/cli', version);
    const p = componentProject({}, true);
    const r = await runPipeline(p, ['release-image'], variables(version), {}, 120_000);
    expect(r.code, r.output).toBe(0);
    const [major, minor] = version.split('.');
    expect(await digestOf(`${major}.${minor}`)).toBe(pushed.digest);
    expect(await digestOf(major!)).toBe(pushed.digest);
    expect(r.output).toContain(`published ${registry.host}/astl/agent-credentials/cli:${major}`);
  }, 180_000);

  it('refuses a tag the templates do not default to, and an image that was never pushed', async () => {
    const p = componentProject({}, true);
    const other = await runPipeline(p, ['release-image'], variables('9.9.9'), {}, 120_000);
    expect(other.code).not.toBe(0);
    expect(other.output).toContain("the image input's default is not …/cli:9.9.9");

    await registry.close();
    registry = await startRegistry(); // empty: cli:<version> was never pushed
    const missing = await runPipeline(p, ['release-image'], variables(version), {}, 120_000);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain('build and push it from the monorepo first');
  }, 240_000);
});
