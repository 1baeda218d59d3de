/**
 * `npm run demo`: the whole product on one machine, in under 20 seconds. Starts local stand-ins
 * for GitHub's OIDC issuer, AWS STS, Vault, the GitHub REST API and (when Debian's
 * docker-registry is installed) an OCI registry, then runs the committed dist/ bundles in order
 * as a workflow would: credentials (main) -> gate -> a step that uses the credentials ->
 * credentials (post, revoking) -> scan over examples/. Prints the Actions log as a user would
 * see it and writes the job summaries to demo-out/ as Markdown and as an HTML page.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { marked } from 'marked';
import { startGitHubApi } from '../test/servers/github-api.js';
import { SANDBOX_ROLE_ARN, startSandbox } from '../test/servers/sandbox.js';
import { registryAvailable, startRegistry, type TestRegistry } from '../test/support/registry.js';
import { repoRoot, runStep, type StepResult } from '../test/support/runner.js';

const out = resolve(repoRoot, 'demo-out');
const started = performance.now();
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);

/** Shows a step's stdout the way the Actions log does: commands rendered, masked values hidden. */
function printLog(title: string, step: StepResult): void {
  console.log(
    `\n${bold(`▶ Run ${title}`)}  ${dim(`(${Math.round(step.wallMs)} ms, exit ${step.exitCode})`)}`,
  );
  const masks = [...step.masks].sort((a, b) => b.length - a.length);
  const hide = (line: string) => masks.reduce((l, m) => (m ? l.split(m).join('***') : l), line);
  for (const raw of step.stdout.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const cmd = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (cmd) {
      const [, name, message] = cmd;
      if (name === 'group') console.log(`  ▸ ${hide(message ?? '')}`);
      else if (name === 'error') console.log(`  Error: ${hide(message ?? '').replace(/%0A/g, '\n  ')}`);
      else if (name === 'warning') console.log(`  Warning: ${hide(message ?? '').replace(/%0A/g, '\n  ')}`);
      else if (name === 'notice') console.log(`  Notice: ${hide(message ?? '').replace(/%0A/g, '\n  ')}`);
      // add-mask, debug, endgroup, save-state: the runner shows nothing for these.
      continue;
    }
    if (line.trim()) console.log(`  ${hide(line)}`);
  }
  const stderr = step.stderr.trim();
  if (stderr) console.log(dim(`  (stderr) ${hide(stderr).split('\n').join('\n  ')}`));
}

const html = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328;max-width:980px;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem;border-bottom:1px solid #d1d9e0;padding-bottom:.3rem}
h2,h3{border-bottom:1px solid #d1d9e0;padding-bottom:.3rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:1rem 0;display:block;overflow:auto}
th,td{border:1px solid #d1d9e0;padding:6px 13px}
tr:nth-child(2n){background:#f6f8fa}
code{background:#eff1f3;border-radius:6px;padding:.2em .4em;font-size:85%}
pre{background:#f6f8fa;border-radius:6px;padding:16px;overflow:auto}
pre code{background:none;padding:0}
.step{border:1px solid #d1d9e0;border-radius:6px;padding:0 1rem 1rem;margin:1.5rem 0}
.banner{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.75rem 1rem}
details{margin:.5rem 0}
</style></head><body>${body}</body></html>
`;

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  console.log(bold('agent-credentials demo'));
  console.log(
    'All endpoints below are LOCAL STAND-INS on 127.0.0.1 (an OIDC issuer, AWS STS, Vault, the GitHub API' +
      ' and an OCI registry), not the real services. The steps are the real dist/ bundles.',
  );

  const sandbox = await startSandbox();
  const github = await startGitHubApi();
  let registry: TestRegistry | undefined;
  let imageRef: string;
  let allowedImages: string;
  if (registryAvailable()) {
    registry = await startRegistry();
    const index = await registry.pushIndex('acme/app', '1.4.2', { format: 'oci' });
    imageRef = `${registry.host}/acme/app:1.4.2`;
    allowedImages = `      - repository: ${registry.host}/acme/app`;
    console.log(
      `Local OCI registry (Debian docker-registry) at ${registry.url}: pushed acme/app:1.4.2 -> ${index.digest}`,
    );
  } else {
    imageRef = '';
    allowedImages = '      - repository: ghcr.io/acme/app';
    console.log(
      'docker-registry is not installed: the gate runs without images (apt-get install docker-registry).',
    );
  }

  // A workspace like a checkout: the registry and policies point the deploy agent at the sandbox.
  const workspace = mkdtempSync(join(tmpdir(), 'astl-demo-'));
  mkdirSync(join(workspace, 'policies'));
  cpSync(
    join(repoRoot, 'examples/policies/deployment-bot-policy.yaml'),
    join(workspace, 'policies/deployment-bot-policy.yaml'),
  );
  writeFileSync(
    join(workspace, 'agent-config.yaml'),
    `agents:
  - name: deploy-manager
    type: deployment-bot
    owner: sre-team
    purpose: "Deploy reviewed releases to staging and production"
    permissions:
      - deployments: write
    credential-policy: ephemeral
    max-ttl: 30m
    audit-level: full
    credentials:
      aws:
        role-arn: ${SANDBOX_ROLE_ARN}
        region: us-east-1
      vault:
        url: ${sandbox.vaultUrl}
        role: ${sandbox.vaultRole}
        audience: ${sandbox.vaultAudience}
        secrets:
          - path: secret/data/ci/deploy
            key: token
            env: DEPLOY_TOKEN
`,
  );
  writeFileSync(
    join(workspace, 'policies/deploy.yaml'),
    `agent: deploy-manager
actions:
  - name: deploy
    allowed_environments: ["staging", "production"]
    approval_needed: env == "production"
    allowed_images:
${allowedImages}
    max_replicas: 10
    max_per_day: 20
    allowed_hosts: ["*.acme.internal"]
`,
  );

  const runnerTemp = mkdtempSync(join(tmpdir(), 'astl-demo-runner-'));
  const env: Record<string, string> = {
    ...sandbox.env,
    GITHUB_API_URL: github.url,
    ...(registry ? { ASTL_INSECURE_REGISTRIES: registry.host } : {}),
  };
  const summaries: { title: string; markdown: string }[] = [];

  // 1. Credentials (main)
  const mint = await runStep('dist/credentials/main/index.js', {
    cwd: workspace,
    runnerTemp,
    env,
    inputs: { 'agent-type': 'deployment-bot', purpose: 'Deploy 1.4.2 to staging', duration: '15m' },
  });
  printLog('astl/agent-credentials@v1', mint);
  summaries.push({ title: 'astl/agent-credentials@v1 (main)', markdown: mint.summary });
  if (mint.exitCode !== 0) throw new Error('the credentials step failed; see the log above');
  const jobEnv = { ...env, ...mint.exportedEnv };

  // 2. Gate
  const gate = await runStep('dist/gate/main/index.js', {
    cwd: workspace,
    runnerTemp,
    env: jobEnv,
    inputs: {
      environment: 'staging',
      images: imageRef,
      replicas: '3',
      params: '{"callback": "https://hooks.acme.internal/deployed"}',
      'github-token': github.token,
    },
  });
  printLog('astl/agent-credentials/actions/gate@v1', gate);
  summaries.push({ title: 'astl/agent-credentials/actions/gate@v1', markdown: gate.summary });

  // 3. A step that uses the credentials, as `aws sts get-caller-identity` and `vault token lookup` would.
  console.log(`\n${bold('▶ Run aws sts get-caller-identity && vault token lookup')}`);
  const sts = new STSClient({
    region: 'us-east-1',
    endpoint: sandbox.env.AWS_ENDPOINT_URL_STS,
    credentials: {
      accessKeyId: jobEnv.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: jobEnv.AWS_SECRET_ACCESS_KEY ?? '',
      sessionToken: jobEnv.AWS_SESSION_TOKEN ?? '',
    },
  });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  console.log(`  AWS identity: ${identity.Arn} (account ${identity.Account})`);
  const lookup = await fetch(`${jobEnv.VAULT_ADDR}/v1/auth/token/lookup-self`, {
    headers: { 'X-Vault-Token': jobEnv.VAULT_TOKEN ?? '' },
  });
  const lookupBody = (await lookup.json()) as {
    data?: { display_name?: string; policies?: string[]; ttl?: number };
  };
  console.log(
    `  Vault token: ${lookup.status === 200 ? `valid, ${lookupBody.data?.display_name}, policies ${lookupBody.data?.policies?.join(',')}, ttl ${lookupBody.data?.ttl}s` : `HTTP ${lookup.status}`}`,
  );
  console.log(`  DEPLOY_TOKEN from Vault KV is set: ${jobEnv.DEPLOY_TOKEN ? 'yes (masked in logs)' : 'no'}`);
  if (gate.outputs.images) console.log(`  kubectl set image deploy/app app=${gate.outputs.images}`);

  // 4. Credentials (post): revoke.
  const post = await runStep('dist/credentials/post/index.js', {
    cwd: workspace,
    runnerTemp,
    env,
    state: mint.state,
  });
  printLog('Post astl/agent-credentials@v1', post);
  summaries.push({ title: 'Post astl/agent-credentials@v1', markdown: post.summary });
  const after = await fetch(`${jobEnv.VAULT_ADDR}/v1/auth/token/lookup-self`, {
    headers: { 'X-Vault-Token': jobEnv.VAULT_TOKEN ?? '' },
  });
  console.log(`  Vault lookup-self with the old token after the post step: HTTP ${after.status} (revoked)`);

  // 5. Scan the examples, as on a pull request.
  // examples/ laid out as a repository has it: workflows under .github/workflows.
  const scanDir = mkdtempSync(join(tmpdir(), 'astl-demo-scan-'));
  mkdirSync(join(scanDir, '.github'));
  cpSync(join(repoRoot, 'examples/github/workflows'), join(scanDir, '.github/workflows'), {
    recursive: true,
  });
  cpSync(join(repoRoot, 'examples/agent-config.yaml'), join(scanDir, 'agent-config.yaml'));
  cpSync(join(repoRoot, 'examples/policies'), join(scanDir, 'policies'), { recursive: true });
  cpSync(join(repoRoot, 'examples/gitlab/.gitlab-ci.yml'), join(scanDir, '.gitlab-ci.yml'));
  const scan = await runStep('dist/scan/main/index.js', {
    cwd: scanDir,
    runnerTemp,
    env: { GITHUB_WORKSPACE: scanDir },
    inputs: { scope: 'all', 'fail-on': 'never' },
  });
  printLog('astl/agent-credentials/actions/scan@v1 (over examples/)', scan);
  if (existsSync(join(scanDir, 'astl-scan.sarif')))
    cpSync(join(scanDir, 'astl-scan.sarif'), join(out, 'astl-scan.sarif'));
  summaries.push({ title: 'astl/agent-credentials/actions/scan@v1', markdown: scan.summary });

  await Promise.all([sandbox.close(), github.close(), registry?.close()]);

  // Job summaries, as Markdown and as a page that renders them like GitHub does.
  const markdown = summaries.map((s) => `<!-- ${s.title} -->\n${s.markdown}`).join('\n\n');
  writeFileSync(join(out, 'summary.md'), markdown);
  const sections = summaries
    .map(
      (s) =>
        `<section class="step"><h2>${s.title}</h2>${marked.parse(s.markdown, { async: false })}</section>`,
    )
    .join('\n');
  writeFileSync(
    join(out, 'index.html'),
    html(
      'agent-credentials demo: job summary',
      `<h1>Job summary: deploy</h1><p class="banner">Produced by <code>npm run demo</code>: the endpoints were local stand-ins on 127.0.0.1, not the real AWS, Vault, GitHub or registry.</p>${sections}`,
    ),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${bold('Done')} in ${seconds} s: credentials minted, used, gated (${gate.outputs.decision ?? 'no decision'}), revoked; scan found ${scan.outputs.findings ?? '?'} finding(s) in examples/.`,
  );
  console.log(
    `Job summaries: ${join(out, 'summary.md')} and ${join(out, 'index.html')} (open it in a browser).`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
