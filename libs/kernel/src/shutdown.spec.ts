import { onShutdownSignal } from './shutdown';

describe(onShutdownSignal.name, () => {
  let handlers: Map<string, (signal: NodeJS.Signals) => void>;
  let exit: jest.SpyInstance;

  beforeEach(() => {
    handlers = new Map();
    jest.spyOn(process, 'on').mockImplementation(((event: string, listener: (signal: NodeJS.Signals) => void) => {
      handlers.set(event, listener);
      return process;
    }) as typeof process.on);
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  });
  afterEach(() => jest.restoreAllMocks());

  /** Lets the close promise's callbacks run. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('listens to SIGINT and SIGTERM, closes once and exits 0', async () => {
    const close = jest.fn(async () => undefined);
    const log = jest.fn();
    onShutdownSignal(close, log);
    expect([...handlers.keys()].sort()).toEqual(['SIGINT', 'SIGTERM']);

    handlers.get('SIGTERM')!('SIGTERM');
    expect(close).toHaveBeenCalledWith('SIGTERM');
    expect(log).toHaveBeenCalledWith('SIGTERM: shutting down');
    expect(exit).not.toHaveBeenCalled();
    await settle();
    expect(exit.mock.calls).toEqual([[0]]);
  });

  it('exits 1 and logs the failure when closing fails', async () => {
    const failure = new Error('the pool would not close');
    const log = jest.fn();
    onShutdownSignal(() => Promise.reject(failure), log);
    handlers.get('SIGINT')!('SIGINT');
    await settle();
    expect(log.mock.calls).toEqual([['SIGINT: shutting down'], [`shutdown failed: ${failure.stack}`]]);
    expect(exit.mock.calls).toEqual([[1]]);
  });

  it('logs a failure without a stack as text', async () => {
    const log = jest.fn();
    onShutdownSignal(() => Promise.reject('no stack'), log);
    handlers.get('SIGTERM')!('SIGTERM');
    await settle();
    expect(log).toHaveBeenLastCalledWith('shutdown failed: no stack');
  });

  it('a second signal while closing exits at once with 130', async () => {
    const log = jest.fn();
    const close = jest.fn(() => new Promise<void>(() => undefined));
    onShutdownSignal(close, log);
    handlers.get('SIGTERM')!('SIGTERM');
    expect(exit).not.toHaveBeenCalled();
    handlers.get('SIGINT')!('SIGINT');
    expect(log).toHaveBeenCalledWith('SIGINT again: exiting now');
    expect(exit.mock.calls[0]).toEqual([130]);
  });

  it('logs nowhere unless told to', async () => {
    onShutdownSignal(async () => undefined);
    expect(() => handlers.get('SIGTERM')!('SIGTERM')).not.toThrow();
    await settle();
    expect(exit.mock.calls).toEqual([[0]]);
  });
});
