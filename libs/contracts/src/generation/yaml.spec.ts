// js-yaml is installed with @nestjs/swagger; the tests only read generated YAML back with it.
import { load } from 'js-yaml';
import { toYaml } from './yaml';

describe('toYaml', () => {
  const tricky = {
    asyncapi: '3.0.0',
    reserved: ['true', 'false', 'yes', 'No', 'on', 'OFF', 'null', 'Null', '~', 'y', 'n'],
    numbers: ['1', '1.0', '0x1F', '1e3', '007', '-1', '.5', '+1'],
    punctuation: [
      'a: b',
      'a #b',
      '#x',
      '- x',
      '? x',
      '*x',
      '&x',
      '!x',
      '|x',
      '>x',
      '%x',
      '@x',
      '`x',
      '{x}',
      '[x]',
      'x,',
      "'x'",
      '"x"',
    ],
    spaces: ['', ' ', ' lead', 'trail ', 'two  spaces'],
    text: 'Đăng ký giá của các doanh nghiệp',
    multiLine: 'First line.\n\nThird: line # not a comment\n  indented',
    multiLineTrailing: 'ends with newline\n',
    multiLineLeadingSpace: ' starts with a space\nsecond',
    controls: 'tab\there, bell \u0007',
    $ref: '#/components/messages/motcua.dossier.received.v1',
    'content-type': 'application/json',
    'key with: colon': 1,
    '': 'empty key',
    '1': 'numeric key',
    values: [0, -2.5, 1e21, true, false, null],
    nested: [[1, [2, []]], { a: { b: {} } }, [{ c: 'd', e: ['f'] }]],
    empty: { object: {}, array: [] },
  };

  it('reads back as exactly the same value', () => {
    expect(load(toYaml(tricky))).toEqual(tricky);
  });

  it('writes plain scalars where safe and literal blocks for multi-line text', () => {
    const text = toYaml({
      title: 'motcua events',
      version: '1.0.0',
      description: 'a\nb',
      ok: true,
    });
    expect(text).toBe(
      'title: motcua events\nversion: "1.0.0"\ndescription: |-\n  a\n  b\nok: true\n',
    );
  });

  it('skips undefined like JSON and refuses what JSON cannot hold', () => {
    expect(toYaml({ a: undefined, b: 1 })).toBe('b: 1\n');
    expect(() => toYaml({ a: Number.NaN })).toThrow(TypeError);
    expect(() => toYaml({ a: () => 1 })).toThrow(TypeError);
  });
});
