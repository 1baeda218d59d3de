import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // End-to-end tests spawn bundles and servers; two workers match CI's two cores.
    maxWorkers: 2,
    // The AWS SDK (the tests' reference STS client) warns on every worker that its releases after
    // January 2027 need Node 22; the project runs on Node 20 and 24, and that notice is noise here.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
