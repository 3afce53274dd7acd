import { exportDeadLetters, importDeadLetters } from './to-handler';
import { toDeadLetter } from './dead-letters';

describe('exported dead letters', () => {
  it('come back byte for byte, headers and all', () => {
    const letter = toDeadLetter(2, {
      offset: '41',
      key: Buffer.from('dossier-1'),
      value: Buffer.from([0xe1, 0xbb, 0x93, 0x00, 0xff]),
      headers: { ce_id: 'e-1', ce_type: 'motcua.x.v1', dlq_consumer_group: 'motcua.digitization' },
    });
    const file = JSON.parse(JSON.stringify(exportDeadLetters([letter])));
    expect(importDeadLetters(file)).toEqual([letter]);
    expect(importDeadLetters(file)[0].value?.equals(letter.value!)).toBe(true);
  });

  it('keep a message without a value as one without a value', () => {
    const letter = toDeadLetter(0, { offset: '0', key: null, value: null, headers: {} });
    expect(importDeadLetters(exportDeadLetters([letter]))).toEqual([letter]);
  });
});
