/**
 * GitHub Actions rules (`workflow/…`) over the workflow/action model (../workflow/model.ts):
 * token permissions, pinning, dangerous triggers, checkouts of pull request code, persisted
 * credentials, `secrets: inherit`, template injection (through ../workflow/expressions.ts and
 * ../workflow/taint.ts) and hardcoded container passwords. Semantics follow zizmor's audits of
 * the same names where they exist (excessive-permissions, unpinned-uses, dangerous-triggers,
 * artipacked, secrets-inherit, template-injection); differences are listed in docs/scan.md.
 */
import type { Node } from 'yaml';
import { type PinningRule, pinningPolicyFor } from '../config.js';
import type { FileContext } from '../context.js';
import type { Severity } from '../finding.js';
import {
  type ActionModel,
  allSteps,
  type DefinitionModel,
  type Entry,
  type Job,
  type PermissionSet,
  type Step,
  scalarText,
  type UsesRef,
  valueAt,
  type WorkflowModel,
} from '../workflow/model.js';
import { scopeFor, type TemplateFinding, templateSources, withInput } from '../workflow/taint.js';

export interface WorkflowOptions {
  /** Exceptions to SHA pinning from the scan config (and the deprecated first-party switch). */
  pinning: readonly PinningRule[];
}

/**
 * Action inputs whose value is run as code (JavaScript, shell, PowerShell, Python, jq/yq
 * programs, templates evaluated as code). From CodeQL's `actions` models of code-injection sinks
 * and zizmor's additions; see docs/scan.md#workflowtemplate-injection.
 */
export const CODE_INPUTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['actions/github-script', ['script']],
  ['azure/cli', ['inlinescript']],
  ['azure/powershell', ['inlinescript']],
  ['appleboy/ssh-action', ['script']],
  ['amadevus/pwsh-script', ['script']],
  ['jannekem/run-python-script-action', ['script']],
  ['cardinalby/js-eval-action', ['expression']],
  ['mikefarah/yq', ['cmd']],
  ['devorbitus/yq-action-output', ['cmd']],
  ['sergeysova/jq-action', ['cmd']],
  ['gautamkrishnar/blog-post-workflow', ['item_exec']],
  ['8398a7/action-slack', ['custom_payload']],
  ['skitionek/notify-microsoft-teams', ['overwrite']],
  ['tibdex/backport', ['body_template', 'head_template', 'labels_template', 'title_template']],
  ['imjohnbo/issue-bot', ['body', 'linked-comments-previous-issue-text', 'linked-comments-new-issue-text']],
  ['roots/issue-closer-action', ['issue-close-message', 'pr-close-message']],
  ['lucasbento/auto-close-issues', ['issue-close-message']],
  ['addnab/docker-run-action', ['run']],
  ['docker/build-push-action', ['context']],
]);

/** Triggers that run with the base repository's secrets and a write token on outsiders' events. */
export const DANGEROUS_TRIGGERS = ['pull_request_target', 'workflow_run'];

/** Checkout refs that mean "the pull request's own code". */
export const PR_HEAD_REF =
  /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha|github\.event\.number|github\.event\.pull_request\.number/i;

const WORKSPACE_UPLOAD = /^(?:\.\/?|\.\.\/?|\$\{\{\s*github\.workspace\s*\}\}\/?)$/i;

/** Runs every workflow/action rule on one definition. */
export function checkDefinition(model: DefinitionModel, ctx: FileContext, options: WorkflowOptions): void {
  if (model.kind === 'workflow') checkWorkflowModel(model, ctx, options);
  else checkActionModel(model, ctx, options);
}

function checkWorkflowModel(model: WorkflowModel, ctx: FileContext, options: WorkflowOptions): void {
  checkPermissions(model, ctx);
  checkTriggers(model, ctx);
  for (const job of model.jobs) {
    if (job.uses) checkUses(job.uses, ctx, options);
    if (job.secrets?.inherit) {
      const usesLine = job.uses ? lineOf(ctx, job.uses.node) : lineOf(ctx, job.secrets.node);
      const secretsLine = lineOf(ctx, job.secrets.node);
      ctx.emit({
        ruleId: 'workflow/secrets-inherit',
        line: Math.min(usesLine, secretsLine),
        endLine: Math.max(usesLine, secretsLine),
        message: `Job '${job.id}' passes every secret of this repository to ${job.uses ? `\`${job.uses.raw}\`` : 'the called workflow'} (\`secrets: inherit\`), including ones it never uses. Pass only what it needs: \`secrets: { NPM_TOKEN: \${{ secrets.NPM_TOKEN }} }\`.`,
        about: `${job.id} secrets: inherit`,
      });
    }
    checkCredentials(
      valueAt(valueAt(valueAt(job.node, 'container'), 'credentials'), 'password'),
      `jobs.${job.id}.container`,
      ctx,
    );
    for (const service of job.services) {
      checkCredentials(
        valueAt(valueAt(service.value, 'credentials'), 'password'),
        `jobs.${job.id}.services.${service.key}`,
        ctx,
      );
    }
    checkSteps(model, job.steps, ctx, options, job);
  }
}

function checkActionModel(model: ActionModel, ctx: FileContext, options: WorkflowOptions): void {
  if (model.image?.value) {
    const text = (model.image.text ?? '').trim();
    if (/^docker:\/\//i.test(text)) {
      const uses = { ...parseDocker(text), node: model.image.value };
      if (!uses.pinned) {
        ctx.emit({
          ruleId: 'workflow/unpinned-action',
          line: lineOf(ctx, model.image.value),
          message: `\`runs.image: ${text}\` is not pinned to a digest: the image behind a tag can be re-pushed. Use \`image: docker://${uses.image}@sha256:<digest>\` (\`docker buildx imagetools inspect ${text.slice(9)}\` prints it).`,
          about: `runs.image ${text}`,
        });
      }
    }
  }
  checkSteps(model, model.steps, ctx, options, undefined);
}

function parseDocker(text: string): { image: string; pinned: boolean } {
  const image = text.slice('docker://'.length);
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return {
    image: colon > slash ? name.slice(0, colon) : name,
    pinned: at !== -1 && /^sha256:[0-9a-f]{64}$/i.test(image.slice(at + 1)),
  };
}

// ---------------------------------------------------------------------------------------------
// Permissions (zizmor's excessive-permissions semantics)

function checkPermissions(model: WorkflowModel, ctx: FileContext): void {
  const reusableOnly = model.events.size > 0 && [...model.events].every((e) => e === 'workflow_call');
  const everyJobOverrides = model.jobs.length > 0 && model.jobs.every((j) => j.permissions);
  const top = model.permissions;
  if (top) {
    checkBasePermissions(top, ctx, 'the workflow');
    // A workflow-level grant reaches every job that does not override it.
    if (top.kind === 'scopes' && !everyJobOverrides) {
      for (const [scope, { level, node }] of top.scopes) {
        if (level !== 'write') continue;
        if (scope === 'id-token') {
          ctx.emit({
            ruleId: 'workflow/id-token-workflow-wide',
            line: lineOf(ctx, node),
            message:
              '`id-token: write` at the workflow level lets every job (and every action in it) mint OIDC tokens for your cloud roles. Move it into the `permissions:` of the jobs that request credentials.',
            about: 'id-token: write (workflow level)',
          });
        } else if (model.jobs.length > 1 && !reusableOnly) {
          ctx.emit({
            ruleId: 'workflow/workflow-wide-write',
            line: lineOf(ctx, node),
            message: `\`${scope}: write\` at the workflow level gives it to every job that does not set its own \`permissions:\`. Keep \`permissions: { contents: read }\` at the top and grant \`${scope}: write\` only in the job that needs it.`,
            about: `${scope}: write (workflow level)`,
          });
        }
      }
    }
  } else {
    for (const job of model.jobs) {
      if (job.permissions) continue;
      // A reusable workflow's own jobs run with the caller's token: the caller decides. Its
      // calls to other reusable workflows still pass a token on, so they are reported.
      if (reusableOnly && !job.uses) continue;
      ctx.emit({
        ruleId: 'workflow/missing-permissions',
        line: lineOf(ctx, job.keyNode),
        message: `Job '${job.id}' has no \`permissions:\` and the workflow has none either: its GITHUB_TOKEN gets the repository or organisation default, possibly write access to everything${job.uses ? ', and the reusable workflow it calls gets the same' : ''}. Add \`permissions: { contents: read }\` at the top of the workflow and grant more only in the jobs that need it.`,
        about: `missing-permissions ${job.id}`,
        fileLevel: true,
      });
    }
  }
  for (const job of model.jobs) {
    if (job.permissions) checkBasePermissions(job.permissions, ctx, `job '${job.id}'`);
  }
}

function checkBasePermissions(p: PermissionSet, ctx: FileContext, who: string): void {
  if (p.kind === 'write-all') {
    ctx.emit({
      ruleId: 'workflow/write-all',
      line: lineOf(ctx, p.node),
      message: `\`permissions: write-all\` gives ${who}'s GITHUB_TOKEN write access to every scope. List only what it needs, e.g. \`permissions: { contents: read, pull-requests: write }\`.`,
    });
  } else if (p.kind === 'read-all') {
    ctx.emit({
      ruleId: 'workflow/read-all',
      line: lineOf(ctx, p.node),
      message: `\`permissions: read-all\` lets ${who}'s GITHUB_TOKEN read every scope (actions, security events, packages, deployments…). List only what it needs, usually \`permissions: { contents: read }\`.`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Triggers

function checkTriggers(model: WorkflowModel, ctx: FileContext): void {
  for (const trigger of model.triggers) {
    if (!DANGEROUS_TRIGGERS.includes(trigger.event)) continue;
    const line = lineOf(ctx, model.onNode ?? trigger.node);
    ctx.emit({
      ruleId: 'workflow/dangerous-trigger',
      line,
      endLine: Math.max(line, lineOf(ctx, trigger.node)),
      message: `\`${trigger.event}\` runs in the base repository with its secrets and a write token, on events outsiders can cause; it is almost always used insecurely. Prefer \`pull_request\`; if you need this trigger, never check out or run the pull request's code in it, keep \`permissions:\` minimal and gate jobs on \`github.event.pull_request.head.repo.full_name == github.repository\` or a label set by a maintainer.`,
      about: `trigger ${trigger.event}`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Steps

function checkSteps(
  model: DefinitionModel,
  steps: readonly Step[],
  ctx: FileContext,
  options: WorkflowOptions,
  job: Job | undefined,
): void {
  const uploadsWorkspace = steps.map((s) => isWorkspaceUpload(s));
  for (const step of steps) {
    const scope = scopeFor(model, job, step);
    if (step.uses) checkUses(step.uses, ctx, options);
    if (step.run?.value && step.run.text !== undefined) {
      reportInjection(templateSources(step.run.text, scope), step.run.value, 'the `run:` script', ctx, 'run');
    }
    if (step.uses?.kind === 'repository') {
      const name = `${step.uses.owner}/${step.uses.repo}`.toLowerCase();
      for (const input of CODE_INPUTS.get(name) ?? []) {
        const e = withInput(step, input);
        if (!e?.value || e.text === undefined) continue;
        const kind = name === 'actions/github-script' ? 'js' : 'input';
        reportInjection(
          templateSources(e.text, scope),
          e.value,
          `the \`${e.key}:\` input of ${name}, which runs it as code`,
          ctx,
          kind,
        );
      }
      if (name === 'actions/checkout') {
        checkPersistedCredentials(step, steps, uploadsWorkspace, ctx);
        if (model.kind === 'workflow') checkUntrustedCheckout(model, step, ctx);
      }
    }
  }
}

function isWorkspaceUpload(step: Step): boolean {
  if (step.uses?.kind !== 'repository') return false;
  if (`${step.uses.owner}/${step.uses.repo}`.toLowerCase() !== 'actions/upload-artifact') return false;
  const path = withInput(step, 'path')?.text ?? '';
  return path
    .split(/\r?\n/)
    .map((p) => p.trim())
    .some((p) => WORKSPACE_UPLOAD.test(p));
}

function checkPersistedCredentials(
  step: Step,
  steps: readonly Step[],
  uploadsWorkspace: readonly boolean[],
  ctx: FileContext,
): void {
  const persist = withInput(step, 'persist-credentials');
  const value = (persist?.text ?? '').trim().toLowerCase();
  if (value === 'false') return;
  // `persist-credentials: true` written out is a deliberate choice (a later step pushes).
  if (value === 'true') return;
  const upload = steps.find((_s, i) => i > step.index && uploadsWorkspace[i]);
  const line = lineOf(ctx, step.node);
  const draft = {
    ruleId: 'workflow/persisted-credentials',
    line,
    endLine: Math.max(line, lineOf(ctx, step.uses!.node)),
    message: `\`${step.uses!.raw}\` keeps the job's GITHUB_TOKEN in .git/config for every later step (\`persist-credentials\` defaults to true)${upload ? `, and the upload at line ${lineOf(ctx, upload.node)} publishes the workspace with it` : ''}. Add \`with: { persist-credentials: false }\`; a step that must push can set \`persist-credentials: true\` deliberately.`,
    about: `persist-credentials ${step.uses!.raw}`,
  };
  ctx.emit(upload ? { ...draft, severity: 'error' as Severity } : draft);
}

function checkUntrustedCheckout(model: WorkflowModel, step: Step, ctx: FileContext): void {
  const trigger = DANGEROUS_TRIGGERS.find((t) => model.events.has(t));
  if (!trigger) return;
  for (const key of ['ref', 'repository']) {
    const e = withInput(step, key);
    const text = e?.text;
    if (!e?.value || !text || !PR_HEAD_REF.test(text)) continue;
    ctx.emit({
      ruleId: 'workflow/untrusted-checkout',
      line: lineOf(ctx, e.value),
      message: `This \`${trigger}\` workflow checks out the pull request head (\`${key}: ${text.trim()}\`) and runs with the base repository's secrets and a write token. Use \`on: pull_request\` for code from forks, or keep this trigger and never check out or run the head's code (split into an unprivileged \`pull_request\` workflow plus a privileged \`workflow_run\` that only reads its artifacts).`,
      about: `${trigger} ${key}: ${text}`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Pinning (zizmor's unpinned-uses with its default policy: everything hash-pinned)

function checkUses(uses: UsesRef, ctx: FileContext, options: WorkflowOptions): void {
  if (uses.kind === 'local' || uses.pinned) return;
  const line = lineOf(ctx, uses.node);
  if (uses.kind === 'docker') {
    ctx.emit({
      ruleId: 'workflow/unpinned-action',
      line,
      message: `Pin the container image to a digest: \`uses: docker://${uses.image}@sha256:<digest>\` (\`docker buildx imagetools inspect ${uses.raw.slice(9)}\` prints it); a tag can be re-pushed.`,
      about: uses.raw,
    });
    return;
  }
  if (uses.kind === 'invalid') return;
  const { policy, rule } = pinningPolicyFor(uses, options.pinning);
  const name = `${uses.owner}/${uses.repo}${uses.path ? `/${uses.path}` : ''}`;
  const repo = `${uses.owner}/${uses.repo}`;
  const what = uses.reusableWorkflow ? 'reusable workflow' : 'action';
  const accepted = rule
    ? ` Accepted by ${rule.origin} (\`${rule.uses}\`: ${rule.policy}): ${rule.reason}.`
    : '';
  if (uses.ref && (policy === 'ref-pin' || policy === 'any')) {
    ctx.emit({
      ruleId: 'workflow/unpinned-action',
      line,
      severity: 'note',
      message: `\`${uses.raw}\` is pinned by tag or branch, not by commit.${accepted}`,
      about: uses.raw,
    });
    return;
  }
  if (!uses.ref && policy === 'any') {
    ctx.emit({
      ruleId: 'workflow/unpinned-action',
      line,
      severity: 'note',
      message: `\`${uses.raw}\` has no version and runs whatever its default branch holds.${accepted}`,
      about: uses.raw,
    });
    return;
  }
  const why = rule
    ? ` (${rule.origin} requires ${rule.policy} for \`${rule.uses}\`: ${rule.reason})`
    : " (the default policy, as zizmor's: every remote action and reusable workflow pinned to a commit; relax it per owner in .astl/scan.yaml `pinning.policies` with a reason)";
  ctx.emit({
    ruleId: 'workflow/unpinned-action',
    line,
    message: uses.ref
      ? `Pin the ${what} \`${name}\` to a full commit SHA instead of \`@${uses.ref}\`: \`uses: ${name}@<40-hex sha> # ${uses.ref}\` (\`git ls-remote https://github.com/${repo} ${uses.ref}\` prints it; Dependabot keeps such pins up to date)${why}.`
      : `The ${what} \`${name}\` has no version at all and runs whatever its default branch holds: pin it to a full commit SHA, \`uses: ${name}@<40-hex sha> # vX.Y.Z\`${why}.`,
    about: uses.raw,
  });
}

// ---------------------------------------------------------------------------------------------
// Template injection

function reportInjection(
  found: TemplateFinding[],
  node: Node,
  where: string,
  ctx: FileContext,
  kind: 'run' | 'js' | 'input',
): void {
  if (found.length === 0) return;
  const value = scalarText(node) ?? '';
  const range = node.range;
  const raw = range ? ctx.text.slice(range[0], range[1]) : '';
  const rawExpressions = locateInRaw(value, raw, found);
  found.forEach((f, i) => {
    const rawAt = rawExpressions[i];
    for (const source of f.sources) {
      let offset = range?.[0] ?? 0;
      if (rawAt !== undefined && range) {
        // The context's own position when the raw text holds the expression unchanged.
        const rawInner = raw.slice(rawAt + 3, rawAt + 3 + f.expression.text.length);
        offset = range[0] + rawAt + (rawInner === f.expression.text ? 3 + source.start : 0);
      }
      const { line, column } = ctx.position(offset);
      const expr = `\${{ ${f.expression.text.trim()} }}`;
      const shown = shortened(expr);
      const chain = source.via.length > 1 ? ` (${source.via.join(' ← ')})` : '';
      const direct = source.via.length === 1;
      const variable = envName(source.via[0] ?? source.context);
      const fix = fixFor(kind, direct, source.via[0] ?? source.context, variable);
      const certain = source.capability === 'arbitrary';
      ctx.emit({
        ruleId: 'workflow/template-injection',
        line,
        column,
        ...(certain ? {} : { severity: 'warning' as Severity }),
        message: `\`${shown}\` can expand to ${certain ? 'attacker-controlled' : 'caller- or collaborator-controlled'} text from \`${source.context}\`${chain}, pasted into ${where} before it runs, so a crafted value executes as code${f.syntaxError ? ` (the expression does not parse: ${f.syntaxError}; treated as untrusted)` : ''}. ${fix}`,
        about: `${where} ${expr} ${source.context}`,
      });
    }
  });
}

/** An expression as a message shows it: at most 160 characters (a 400 KB one stays readable). */
function shortened(expr: string): string {
  return expr.length <= 160 ? expr : `${expr.slice(0, 100)}…${expr.slice(-50)}`;
}

function fixFor(kind: 'run' | 'js' | 'input', direct: boolean, context: string, variable: string): string {
  const envRef = context.startsWith('env.') ? '' : ` \`env: { ${variable}: \${{ ${context} }} }\` and`;
  if (kind === 'run') {
    return `Pass it through the environment instead:${envRef} use "$${direct && context.startsWith('env.') ? context.slice(4) : variable}" in the script (quoted).`;
  }
  if (kind === 'js') {
    return `Pass it through the environment instead:${envRef} read \`process.env.${context.startsWith('env.') ? context.slice(4) : variable}\` in the script.`;
  }
  return `Pass it through the environment instead:${envRef} read the variable from the code, never from a \`\${{ }}\` inside it.`;
}

/** Offsets in `raw` (the YAML source of the value) of each found expression's `${{`. */
function locateInRaw(value: string, raw: string, found: TemplateFinding[]): (number | undefined)[] {
  if (!raw.includes('${{')) return found.map(() => undefined);
  const starts: number[] = [];
  for (let i = raw.indexOf('${{'); i !== -1; i = raw.indexOf('${{', i + 3)) starts.push(i);
  const valueStarts: number[] = [];
  for (let i = value.indexOf('${{'); i !== -1; i = value.indexOf('${{', i + 3)) valueStarts.push(i);
  return found.map((f) => {
    const k = valueStarts.indexOf(f.expression.start);
    return k !== -1 && starts.length === valueStarts.length ? starts[k] : undefined;
  });
}

function envName(context: string): string {
  const parts = context.replace(/^env\./, '').split('.');
  const last = parts.slice(-2).join('_');
  return last.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

// ---------------------------------------------------------------------------------------------

function checkCredentials(password: Node | null | undefined, where: string, ctx: FileContext): void {
  const value = scalarText(password);
  if (!password || !value || value.includes('${{')) return;
  ctx.emit({
    ruleId: 'workflow/hardcoded-container-credentials',
    line: lineOf(ctx, password),
    message: `\`${where}.credentials.password\` is written in the workflow. Store it as a secret and reference it: \`password: \${{ secrets.REGISTRY_PASSWORD }}\`, and rotate the exposed one.`,
    about: `${where}.credentials.password`,
    showSnippet: false,
  });
}

function lineOf(ctx: FileContext, node: Node | null | undefined): number {
  return ctx.position(node?.range?.[0] ?? 0).line;
}

export type { Entry };
export { allSteps };
