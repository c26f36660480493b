import { cut, decision, newItem, opening } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Every refusal names the field and the rule, and writes nothing. */
describe('bad input over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('memory', { LEDGER_BODY_LIMIT_BYTES: String(64 * 1024) });
    await t.request('POST', '/catalogue/opening-entries', opening(['1.000046']));
  });
  afterAll(() => t.close());
  afterEach(async () => expect((await t.store.stats()).eventCount).toBe(1));

  const fieldsOf = (body: { details: Array<{ field: string }> }) => body.details.map((d) => d.field);

  it('refuses a code sent as a number: 1.000046 would lose its meaning', async () => {
    const response = await t.request('POST', '/decisions', decision([{ ...newItem('x'), code: 1.000046 }]));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.INVALID', details: [{ field: 'items[0].code', rule: 'isString' }] });
  });

  it.each([
    ['an unknown field', { ...decision([newItem('2.1')]), approvedBy: 'x' }, 'approvedBy', 'whitelistValidation'],
    ['an unknown item kind', decision([{ ...newItem('2.1'), kind: 'renamed' }]), 'items[0].kind', 'isIn'],
    ['a quarter day', decision([newItem('2.1', { announcedDays: 2.25 })]), 'items[0].procedure.announcedDays', 'isHalfDays'],
    ['negative days', decision([newItem('2.1', { statutoryDays: -1 })]), 'items[0].procedure.statutoryDays', 'min'],
    ['an impossible date', { ...decision([newItem('2.1')]), effectiveDate: '2022-02-30' }, 'effectiveDate', 'isIsoDate'],
    ['a thirteenth month', { ...decision([newItem('2.1')]), effectiveDate: '2022-13-01' }, 'effectiveDate', 'isIsoDate'],
    ['no items', decision([]), 'items', 'arrayMinSize'],
    ['a replacement without replacesCode', decision([{ ...newItem('2.1'), kind: 'replaced' }]), 'items[0].replacesCode', 'isDefined'],
    ['an amendment without the procedure', decision([{ kind: 'amended', code: '1.000046' }]), 'items[0].procedure', 'isDefined'],
    ['a code with spaces', decision([newItem('1 000 046')]), 'items[0].code', 'matches'],
    ['a string for a boolean', decision([newItem('2.1', { connectedToNationalPortal: 'yes' })]), 'items[0].procedure.connectedToNationalPortal', 'isBoolean'],
    // An array where an object belongs passed class-validator's nested validation, and reached the handler.
    ['a decision reference wrapped in an array', { ...decision([newItem('2.1')]), decision: [decision([]).decision] }, 'decision', 'isObject'],
    ['an item wrapped in an array', decision([[newItem('2.1')]]), 'items[0]', 'isObject'],
    ['a decision number without its serial', { ...decision([newItem('2.1')]), decision: { number: 'QĐ-UBND', date: '2022-06-01', issuer: 'UBND' } }, 'decision.number', 'matches'],
  ])('refuses %s with 400 naming the field and the rule', async (_what, body, field, rule) => {
    const response = await t.request('POST', '/decisions', body);
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ field, rule }));
    expect(response.body.messageVi).toContain(field);
  });

  it('refuses a cut with wrongly typed days', async () => {
    const response = await t.request('POST', '/procedures/1.000046/cuts', { ...cut(15, 10), toDays: '10' });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['toDays']);
  });

  it.each([
    ['malformed JSON', '{"decision": ', 'REQUEST.MALFORMED', 400],
    ['a JSON array', '[]', 'REQUEST.INVALID', 400],
    ['a JSON string', '"decision"', 'REQUEST.INVALID', 400],
    ['null', 'null', 'REQUEST.INVALID', 400],
  ])('refuses %s as a body', async (_what, raw, code, status) => {
    const response = await t.request('POST', '/decisions', raw, { 'content-type': 'application/json' });
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });

  it('refuses a body over the limit with 413', async () => {
    const items = Array.from({ length: 400 }, (_, i) => newItem(`1.${i}`));
    const response = await t.request('POST', '/decisions', decision(items));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'REQUEST.TOO_LARGE', messageVi: expect.any(String) });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await t.request('POST', '/decisions', 'decision=1', { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
  });

  it('refuses an unusable Idempotency-Key header with 400 naming it', async () => {
    const response = await t.request('POST', '/decisions', decision([newItem('2.1')]), { 'Idempotency-Key': 'khóa có dấu' });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['Idempotency-Key']);
  });

  it('keeps serving after a burst of hostile payloads, none of which is written or answered with 5xx', async () => {
    const item = JSON.stringify(newItem('2.1'));
    const hostile = [
      `{"decision":{"number":"1'; DROP TABLE events; --","date":"2022-06-01","issuer":"x"},"items":[${item}]}`,
      `{"decision":{"__proto__":{"polluted":true},"number":"1/QĐ","date":"2022-06-01","issuer":"x"},"items":[${item}]}`,
      `{"constructor":{"prototype":{"polluted":true}},"items":[${item}]}`,
      JSON.stringify(decision([newItem('2.1', { name: '𝕋𝕙ủ 𝕥ụ𝕔 '.repeat(200) })])),
      JSON.stringify(decision([{ kind: 'new', code: '\u0000', procedure: null }])),
      JSON.stringify(decision([newItem('2.1', { statutoryDays: 1e308, announcedDays: Number.MAX_SAFE_INTEGER })])),
      JSON.stringify(decision(['item', 'item'])),
    ];
    for (const body of hostile) {
      const response = await t.request('POST', '/decisions', body, { 'content-type': 'application/json' });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body.details.length).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await t.request('GET', '/health')).status).toBe(200);
  });
});
