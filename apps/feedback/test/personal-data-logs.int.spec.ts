import { randomUUID } from 'node:crypto';
import { FeedbackHarness, regulationFeedback } from './support/feedback-harness';

/**
 * Bad feedback intakes carrying a marker name, identifier and phone (public form and desk): whatever
 * they make the service log (validation, an unknown procedure, an officer of another agency), no
 * line holds the marker.
 */
describe('no personal data in the feedback logs', () => {
  const h = new FeedbackHarness();
  const marker = `Trần Thị Dấuvết${randomUUID().slice(0, 8)}`;
  const personalId = '079123456789';
  const phone = '0912345678';

  beforeAll(() => h.start(4391, { LOG_LEVEL: 'debug' }));
  afterAll(() => h.stop());

  it('logs none of the marker after bad intakes refused by validation, the procedure copy and scope', async () => {
    const contact = { name: marker, phone, address: `Số ${personalId}, ${marker}` };
    const attempts: [string, Record<string, unknown>, Parameters<FeedbackHarness['request']>[3]][] =
      [
        [
          '/public/feedback',
          regulationFeedback({ contact: { ...contact, name: `${marker}\u0000` } }),
          {},
        ],
        ['/public/feedback', regulationFeedback({ contact: { ...contact, phone: marker } }), {}],
        [
          '/public/feedback',
          regulationFeedback({
            contact,
            subject: { kind: 'procedure', procedureCode: '9.999999' },
          }),
          {},
        ],
        [
          '/feedback',
          { ...regulationFeedback({ contact, content: `${marker}\u0000` }), channel: 'phone' },
          { role: 'desk_officer', unit: 'VP.KSTT' },
        ],
        // An officer of another agency records feedback for this one: 403 agency-scope.
        [
          '/feedback',
          { ...regulationFeedback({ contact }), channel: 'written' },
          { role: 'desk_officer', unit: 'VP.MC', agency: '000.00.99.H99' },
        ],
      ];
    const statuses: number[] = [];
    for (const [path, body, caller] of attempts)
      statuses.push((await h.request('POST', path, body, caller)).status);
    expect(statuses.every((status) => status >= 400)).toBe(true);
    expect(statuses).toEqual(expect.arrayContaining([400, 403, 422]));
    await new Promise((resolve) => setTimeout(resolve, 500)); // the logger writes asynchronously
    const lines = h.service.logs.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines).not.toContain('Dấuvết');
    expect(lines).not.toContain(personalId);
    expect(lines).not.toContain(phone);
  });
});
