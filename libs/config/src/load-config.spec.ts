import { ConfigValidationError, loadConfig } from './load-config';

describe(loadConfig.name, () => {
  it('has working defaults with an empty environment', () => {
    const sut = loadConfig({}, '/srv/samverka');
    expect(sut.app.port).toBe(3000);
    expect(sut.app.dataDir).toBe('/srv/samverka/var');
    expect(sut.app.timeZone).toBe('Europe/Stockholm');
    expect(sut.app.seedDemoData).toBe(true);
    expect(sut.database.url).toBeUndefined();
    expect(sut.mail.smtpUrl).toBeUndefined();
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', NODE_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const text = (error as ConfigValidationError).problems.join('\n');
    expect(text).toMatch(/^PORT=/m);
    expect(text).toMatch(/^DATABASE_URL=/m);
    expect(text).toMatch(/^SMTP_URL=/m);
    expect(text).toMatch(/^NODE_ENV=/m);
  });

  it('trusts no proxy by default, and takes addresses and CIDR ranges, refusing anything else', () => {
    expect(loadConfig({}).app.trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.5, 172.16.0.0/12,::1,fd00::/8 ' }).app.trustedProxies).toEqual(['10.0.0.5', '172.16.0.0/12', '::1', 'fd00::/8']);
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '::1/129', '10.0.0']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: `127.0.0.1,${bad}` })).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it('refuses demo data in production and defaults it off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' })).toThrow(/never loaded in production/);
    expect(loadConfig({ NODE_ENV: 'production' }).app.seedDemoData).toBe(false);
  });

  it('reads external services and absolute data dirs as given', () => {
    const sut = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/samverka',
      SMTP_URL: 'smtp://mailpit:1025',
      DATA_DIR: '/data',
      PORT: '8080',
    });
    expect(sut.database.url).toBe('postgres://u:p@db:5432/samverka');
    expect(sut.mail.smtpUrl).toBe('smtp://mailpit:1025');
    expect(sut.app.dataDir).toBe('/data');
    expect(sut.app.publicUrl).toBe('http://localhost:8080');
  });
});
