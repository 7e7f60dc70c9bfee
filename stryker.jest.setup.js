/**
 * Mutation testing only: a mutant can make an XState guard throw. XState reports an error that no
 * observer takes by throwing it from a timer, which may fire after the test file has finished and
 * end the whole test-runner process (Stryker then restarts it, which is slow). The test that sent
 * the event fails on its own assertions, so the late error is dropped here, once per process.
 */
const MARK = Symbol.for('samverka.stryker.lateErrors');
if (!process.listeners('uncaughtException').some((listener) => listener[MARK])) {
  const dropLateError = () => undefined;
  dropLateError[MARK] = true;
  process.on('uncaughtException', dropLateError);
}
