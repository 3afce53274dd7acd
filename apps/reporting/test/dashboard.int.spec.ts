import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dossierProcessed } from '@motcua/contracts';
import {
  repoRoot,
  startService,
  waitFor,
  type RunningService,
  randomProcedureCode,
} from '@motcua/testing';
import {
  at,
  connectProducer,
  event,
  facts,
  getJson,
  newDossier,
  procedure,
  publish,
  received,
  uniqueAgency,
} from './fixtures';

jest.setTimeout(240_000);

const ARTIFACTS = join(repoRoot(), 'test-artifacts', 'reporting');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe('live dashboard in headless Chromium', () => {
  let service: RunningService;
  let producer: Producer;
  let browser: Browser;
  const onTimeAgency = uniqueAgency();
  const lateAgency = uniqueAgency();
  const code = randomProcedureCode();

  const processedOnTime = (agency: string, late: boolean) => {
    const d = newDossier(agency, code);
    return [
      received(d, at(-6), at(late ? -4 : 24)),
      event(dossierProcessed, { ...dossierProcessed.example, ...facts(d, 9, at(-2)) } as never),
    ];
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    service = await startService('reporting', 4602);
    producer = await connectProducer();
    await publish(producer, [
      procedure(code, onTimeAgency, 'full'),
      ...processedOnTime(onTimeAgency, false),
      ...processedOnTime(onTimeAgency, false),
      ...processedOnTime(lateAgency, true),
    ]);
    await waitFor(
      'both agencies projected',
      async () => {
        const a = (await getJson(`${service.url}/figures?agency=${onTimeAgency}`)).body.groups[0]
          .figures.processed.value;
        const b = (await getJson(`${service.url}/figures?agency=${lateAgency}`)).body.groups[0]
          .figures.processed.value;
        return a === 2 && b === 1 ? true : undefined;
      },
      120_000,
    );
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await producer?.disconnect();
    await service?.stop();
  });

  const kpi = (page: Page, name: string) => page.locator(`#kpi-${name} .value`).innerText();
  const chartPoints = (page: Page) => page.locator('#chart-ontime svg').getAttribute('data-points');

  it('loads, updates live when a dossier is received, and redraws the chart for another agency', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${service.url}/dashboard?agency=${onTimeAgency}`);
    await page.waitForSelector('body[data-loaded]');
    expect(await page.title()).toContain('Bảng điều khiển');
    expect(await kpi(page, 'received')).toBe('2');
    expect(await kpi(page, 'on_time_rate')).toMatch(/^100\s?%$/);
    expect(await page.locator('#index-766').innerText()).toContain(
      'chưa có dữ liệu nguồn trong hệ thống',
    );
    await page.waitForSelector('#live.on');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });

    const sent = Date.now();
    await publish(producer, [received(newDossier(onTimeAgency, code), at(-0.1), at(30))]);
    await page.waitForFunction(
      `document.querySelector('#kpi-received .value')?.textContent === '3'`,
      undefined,
      { timeout: 10_000 },
    );
    const latencyMs = Date.now() - sent;
    console.log(`dashboard showed the new dossier ${latencyMs} ms after the event was published`);
    expect(latencyMs).toBeLessThan(2000);
    expect(await kpi(page, 'in_progress')).toBe('1');

    const before = await chartPoints(page);
    expect(
      JSON.parse(before!).some((p: [string, number | null, number]) => p[1] === 1 && p[2] === 2),
    ).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.fill('#f-agency', lateAgency);
    await page.click('#f-apply');
    await page.waitForFunction(
      `document.querySelector('#chart-ontime svg')?.getAttribute('data-points') !== ${JSON.stringify(before)}`,
    );
    const after = JSON.parse((await chartPoints(page))!);
    expect(after.some((p: [string, number | null, number]) => p[1] === 0 && p[2] === 1)).toBe(true);
    expect(await kpi(page, 'on_time_rate')).toMatch(/^0\s?%$/);
    expect(page.url()).toContain(`agency=${lateAgency}`);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-desktop.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
