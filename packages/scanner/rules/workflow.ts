/** GitHub Actions workflow rules (`workflow/…`), with positions from the YAML node tree. */
import type { Node } from 'yaml';
import type { FileContext } from '../context.js';
import { entries, get, getPath, isMap, isScalar, items, pairOf, start, str } from './yaml-nodes.js';

export interface WorkflowOptions {
  /** Accept `actions/*` and `github/*` pinned by tag (GitHub-owned, as zizmor's default policy). */
  allowFirstPartyTags: boolean;
}

/**
 * Contexts an outsider controls: titles, bodies, branch names, commit messages, page names.
 * (GitHub Security Lab's list of untrusted inputs.)
 */
const UNTRUSTED =
  /\bgithub\s*\.\s*(?:head_ref\b|event\s*\.\s*(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.(?:ref|label|repo\.default_branch))|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|pages(?:\.\*|\[[^\]]*\])\.page_name|commits(?:\.\*|\[[^\]]*\])\.(?:message|author\.(?:email|name))|head_commit\.(?:message|author\.(?:email|name))|workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name)))|merge_group\.head_commit\.message))/;

/** Checkout refs that mean "the pull request's own code". */
const PR_HEAD_REF =
  /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha|github\.event\.number/;

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

export function checkWorkflow(
  root: Node | null | undefined,
  ctx: FileContext,
  options: WorkflowOptions,
): void {
  if (!isMap(root)) return;
  const jobs = entries(get(root, 'jobs'));
  const triggers = triggersOf(get(root, 'on'));

  // Permissions
  const topPermissions = pairOf(root, 'permissions');
  checkPermissionsValue(topPermissions?.value, ctx, true);
  // A reusable workflow runs with its caller's token: the caller is where permissions belong.
  const reusableOnly = triggers.size > 0 && [...triggers].every((t) => t === 'workflow_call');
  if (!topPermissions && !reusableOnly) {
    const without = jobs.filter((j) => !pairOf(j.value, 'permissions')).map((j) => j.key);
    if (without.length > 0) {
      const jobsKey = pairOf(root, 'jobs')?.key;
      const line = jobsKey ? ctx.position(start(jobsKey) ?? 0).line : 1;
      ctx.emit({
        ruleId: 'workflow/missing-permissions',
        line,
        message: `No \`permissions:\` block at the workflow level and none in job${without.length > 1 ? 's' : ''} ${list(without)}: the GITHUB_TOKEN gets the repository default, possibly write access to everything. Add \`permissions: { contents: read }\` at the top and grant more only in the jobs that need it.`,
        about: 'missing-permissions',
        fileLevel: true,
      });
    }
  }

  for (const job of jobs) {
    checkPermissionsValue(get(job.value, 'permissions'), ctx, false);
    const reusable = get(job.value, 'uses');
    if (reusable) checkUses(reusable, ctx, options);
    checkCredentials(
      getPath(job.value, ['container', 'credentials', 'password']),
      `jobs.${job.key}.container`,
      ctx,
    );
    for (const service of entries(get(job.value, 'services'))) {
      checkCredentials(
        getPath(service.value, ['credentials', 'password']),
        `jobs.${job.key}.services.${service.key}`,
        ctx,
      );
    }
    for (const step of items(get(job.value, 'steps'))) {
      const uses = get(step, 'uses');
      const usesText = str(uses) ?? '';
      if (uses) checkUses(uses, ctx, options);
      const run = get(step, 'run');
      if (run) checkInjection(run, 'the `run:` script', ctx);
      if (/^actions\/github-script@/i.test(usesText)) {
        const script = getPath(step, ['with', 'script']);
        if (script) checkInjection(script, 'the github-script `script:`', ctx);
      }
      if (
        /^actions\/checkout@/i.test(usesText) &&
        (triggers.has('pull_request_target') || triggers.has('workflow_run'))
      ) {
        for (const key of ['ref', 'repository']) {
          const value = getPath(step, ['with', key]);
          const text = str(value);
          if (value && text && PR_HEAD_REF.test(text)) {
            const trigger = triggers.has('pull_request_target') ? 'pull_request_target' : 'workflow_run';
            ctx.emit({
              ruleId: 'workflow/untrusted-checkout',
              line: ctx.position(start(value) ?? 0).line,
              message: `This \`${trigger}\` workflow checks out the pull request head (\`${key}: ${text.trim()}\`) and runs with the base repository's secrets and a write token. Use \`on: pull_request\` for code from forks, or keep this trigger and never check out or run the head's code (split into an unprivileged \`pull_request\` workflow plus a privileged \`workflow_run\` that only reads its artifacts).`,
              about: `${trigger} ${key}: ${text}`,
            });
          }
        }
      }
    }
  }
}

function triggersOf(on: Node | undefined): Set<string> {
  const out = new Set<string>();
  const one = str(on);
  if (one) out.add(one);
  for (const item of items(on)) {
    const name = str(item);
    if (name) out.add(name);
  }
  for (const entry of entries(on)) out.add(entry.key);
  return out;
}

function checkPermissionsValue(
  value: Node | null | undefined,
  ctx: FileContext,
  workflowLevel: boolean,
): void {
  if (!value) return;
  if (isScalar(value) && str(value) === 'write-all') {
    ctx.emit({
      ruleId: 'workflow/write-all',
      line: ctx.position(start(value) ?? 0).line,
      message: `\`permissions: write-all\` gives the GITHUB_TOKEN write access to every scope. List only what ${workflowLevel ? 'the workflow' : 'this job'} needs, e.g. \`permissions: { contents: read, pull-requests: write }\`.`,
    });
    return;
  }
  if (workflowLevel) {
    const idToken = get(value, 'id-token');
    if (idToken && str(idToken) === 'write') {
      ctx.emit({
        ruleId: 'workflow/id-token-workflow-wide',
        line: ctx.position(start(idToken) ?? 0).line,
        message:
          '`id-token: write` at the workflow level lets every job (and every action in it) mint OIDC tokens for your cloud roles. Move it into the `permissions:` of the jobs that request credentials.',
        about: 'id-token: write (workflow level)',
      });
    }
  }
}

function checkUses(node: Node, ctx: FileContext, options: WorkflowOptions): void {
  const uses = str(node)?.trim();
  if (!uses || uses.startsWith('./') || uses.startsWith('.\\')) return;
  const line = ctx.position(start(node) ?? 0).line;
  if (uses.startsWith('docker://')) {
    if (/@sha256:[0-9a-f]{64}$/i.test(uses)) return;
    ctx.emit({
      ruleId: 'workflow/unpinned-action',
      line,
      message: `Pin the container image to a digest: \`uses: ${uses.replace(/[:@][^/:@]*$/, '')}@sha256:<digest>\` (\`docker buildx imagetools inspect ${uses.slice(9)}\` prints it); a tag can be re-pushed.`,
      about: uses,
    });
    return;
  }
  const at = uses.lastIndexOf('@');
  const name = at === -1 ? uses : uses.slice(0, at);
  const ref = at === -1 ? '' : uses.slice(at + 1);
  if (/^[0-9a-f]{40}$/i.test(ref) || /^[0-9a-f]{64}$/i.test(ref)) return;
  const owner = name.split('/')[0]?.toLowerCase() ?? '';
  if (ref && options.allowFirstPartyTags && (owner === 'actions' || owner === 'github')) return;
  const repo = name.split('/').slice(0, 2).join('/');
  ctx.emit({
    ruleId: 'workflow/unpinned-action',
    line,
    message: ref
      ? `Pin \`${name}\` to a full commit SHA instead of \`@${ref}\`: \`uses: ${name}@<40-hex sha> # ${ref}\` (\`git ls-remote https://github.com/${repo} ${ref}\` prints it; Dependabot keeps such pins up to date).`
      : `\`${name}\` has no version at all and runs whatever its default branch holds: pin it to a full commit SHA, \`uses: ${name}@<40-hex sha> # vX.Y.Z\`.`,
    about: uses,
  });
}

function checkInjection(node: Node, where: string, ctx: FileContext): void {
  const range = node.range;
  if (!range) return;
  const source = ctx.text.slice(range[0], range[1]);
  if (!source.includes('${{')) return;
  EXPRESSION.lastIndex = 0;
  for (let m = EXPRESSION.exec(source); m; m = EXPRESSION.exec(source)) {
    const body = m[1] ?? '';
    const hit = UNTRUSTED.exec(body);
    if (!hit) continue;
    const offset = range[0] + m.index;
    const { line, column } = ctx.position(offset);
    const context = hit[0].replace(/\s+/g, '');
    const variable = envName(context);
    ctx.emit({
      ruleId: 'workflow/template-injection',
      line,
      column,
      message: `\`\${{ ${context} }}\` is attacker-controlled and is pasted into ${where} before it runs, so a crafted value executes commands. Pass it through the step's environment instead: \`env: { ${variable}: \${{ ${context} }} }\` and use "$${variable}" in the script${where === 'the `run:` script' ? '' : ' (`process.env.' + variable + '`)'}.`,
      about: `${where} ${m[0]}`,
    });
  }
}

function checkCredentials(password: Node | undefined, where: string, ctx: FileContext): void {
  if (!password || !isScalar(password)) return;
  const value = str(password);
  if (!value || value.includes('${{')) return;
  ctx.emit({
    ruleId: 'workflow/hardcoded-container-credentials',
    line: ctx.position(start(password) ?? 0).line,
    message: `\`${where}.credentials.password\` is written in the workflow. Store it as a secret and reference it: \`password: \${{ secrets.REGISTRY_PASSWORD }}\`, and rotate the exposed one.`,
    about: `${where}.credentials.password`,
    showSnippet: false,
  });
}

function envName(context: string): string {
  const last = context.split('.').slice(-2).join('_');
  return last.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

function list(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 5
    ? quoted.join(', ')
    : `${quoted.slice(0, 5).join(', ')} and ${quoted.length - 5} more`;
}
