// Before any test: the application answers its health check and the demo profile has registered its rounds
// (the demo rounds are registered by an ApplicationRunner, after the health check already says UP).
const { BASE_URL } = require('./browser');
const { Rest, waitFor, q } = require('./rest');

module.exports = async () => {
  const timeoutMs = Number(process.env.E2E_STARTUP_TIMEOUT_SECONDS || 300) * 1000;
  await waitFor(`${BASE_URL}/actuator/health to answer 200`, async () => {
    const response = await fetch(BASE_URL + '/actuator/health', { signal: AbortSignal.timeout(10_000) });
    return response.status === 200;
  }, { timeoutMs, intervalMs: 1000 });

  const demo = new Rest('demo');
  await waitFor('the demo rounds (GET /api/rounds lists XC2020XMGA and the second round)', async () => {
    const rounds = await demo.get('/api/rounds');
    return rounds.some((r) => r.code === 'XC2020XMGA') && rounds.length >= 2;
  }, { timeoutMs, intervalMs: 1000 });
  for (const unit of ['siming', 'haicang']) {
    await waitFor(`measure tasks (单位整改并报告) of the unit ${unit}`, async () => {
      const { count } = await demo.engine('/task/count' + q({ candidateGroup: unit, name: '单位整改并报告' }));
      return count > 0;
    }, { timeoutMs: 60_000 });
  }

  // The escalation ladder's timers that are due at the first start (the demo round's measures are partly overdue)
  // run in the first minute. Let the job executor finish them, so no job works on an instance while a test
  // completes one of its tasks and the instance counts hold still. Only a warning if it takes longer.
  const started = Date.now();
  try {
    await waitFor('the jobs due at the start to run', async () => {
      const { count } = await demo.engine('/job/count' + q({ executable: 'true' }));
      return count === 0;
    }, { timeoutMs: 120_000, intervalMs: 1000 });
    console.log(`[e2e] the jobs due at the start ran in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (e) {
    console.warn(`[e2e] warning: ${e.message}; the tests go on`);
  }
};
