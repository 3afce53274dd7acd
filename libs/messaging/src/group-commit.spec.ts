import { GroupCommit } from './group-commit';

/** A write the test finishes by hand: every call is recorded with its items. */
function controlledWrite() {
  const calls: { items: string[]; finish: (error?: Error) => void }[] = [];
  const write = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({
        items,
        finish: (error) => (error ? reject(error) : resolve(items.map((i) => `wrote ${i}`))),
      });
    });
  return { calls, write };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes a lone item at once, in a group of its own', async () => {
    const { calls, write } = controlledWrite();
    const commits = new GroupCommit(write);
    const result = commits.submit('a');
    expect(calls.map((c) => c.items)).toEqual([['a']]);
    calls[0].finish();
    await expect(result).resolves.toBe('wrote a');
  });

  it('groups the items that arrive while writes run, with at most 2 writes running', async () => {
    const { calls, write } = controlledWrite();
    const commits = new GroupCommit(write);
    const results = ['a', 'b', 'c', 'd', 'e'].map((item) => commits.submit(item));
    expect(calls.map((c) => c.items)).toEqual([['a'], ['b']]);
    calls[0].finish();
    await tick();
    expect(calls.map((c) => c.items)).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
    calls[1].finish();
    calls[2].finish();
    await expect(Promise.all(results)).resolves.toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((i) => `wrote ${i}`),
    );
  });

  it('puts at most maxGroup items in a group, in the order they came', async () => {
    const { calls, write } = controlledWrite();
    const commits = new GroupCommit(write, { maxRunning: 1, maxGroup: 3 });
    const results = ['a', 'b', 'c', 'd', 'e', 'f'].map((item) => commits.submit(item));
    calls[0].finish();
    await tick();
    calls[1].finish();
    await tick();
    calls[2].finish();
    await Promise.all(results);
    expect(calls.map((c) => c.items)).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f']]);
  });

  it('writes a failed group again item by item: each caller gets its own result or error', async () => {
    const written: string[][] = [];
    const commits = new GroupCommit(
      async (items: string[]) => {
        written.push(items);
        await tick();
        if (items.includes('bad')) throw new Error(`cannot write ${items.join(',')}`);
        return items.map((i) => `wrote ${i}`);
      },
      { maxRunning: 1, maxGroup: 64 },
    );
    const results = ['first', 'a', 'bad', 'b'].map((item) =>
      commits.submit(item).catch((error: Error) => error.message),
    );
    expect(await Promise.all(results)).toEqual([
      'wrote first',
      'wrote a',
      'cannot write bad',
      'wrote b',
    ]);
    expect(written).toEqual([['first'], ['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
  });

  it('fails a lone item with its own error, and keeps writing afterwards', async () => {
    let calls = 0;
    const commits = new GroupCommit(async (items: string[]) => {
      calls++;
      if (items[0] === 'bad') throw new Error('refused');
      return items;
    });
    await expect(commits.submit('bad')).rejects.toThrow('refused');
    expect(calls).toBe(1);
    await expect(commits.submit('good')).resolves.toBe('good');
  });

  it('refuses a write that answers a different number of results than items', async () => {
    const commits = new GroupCommit(async () => ['only one', 'too many']);
    await expect(commits.submit('a')).rejects.toThrow('2 results for 1 items');
  });
});
