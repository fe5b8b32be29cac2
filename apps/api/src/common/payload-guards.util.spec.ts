import { capProblems, controlCharacterPaths, jsonDepthExceeds } from './payload-guards.util';

describe('payload guards', () => {
  it('measures bracket depth without parsing, ignoring brackets inside strings', () => {
    expect(jsonDepthExceeds('[[[1]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[1]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[[[","b":{"c":[1]}}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[[[","b":1}', 1)).toBe(false);
    expect(jsonDepthExceeds('['.repeat(5000) + ']'.repeat(5000), 32)).toBe(true);
  });

  it('names every string (and key) holding a control character, at any depth', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(controlCharacterPaths(deep)).toHaveLength(1);
    expect(
      controlCharacterPaths({ title: 'ok\ttab\nline', events: [{ title: 'a\u0000b' }, { n: 'c\u001bd' }] }),
    ).toEqual(['events[0].title', 'events[1].n']);
    expect(controlCharacterPaths({ 'bad\u0001key': 1 })).toEqual(['(тело запроса): имя поля']);
    expect(controlCharacterPaths('\u007f')).toEqual(['(тело запроса)']);
    expect(controlCharacterPaths({ a: 1, b: null, c: true, d: 'Иркутск' })).toEqual([]);
  });

  it('caps the listed problems and counts the rest', () => {
    const capped = capProblems(
      Array.from({ length: 10_000 }, (_, i) => `p${i}`),
      50,
    );
    expect(capped).toHaveLength(51);
    expect(capped[50]).toBe('… и еще 9950 ошибок');
    expect(capProblems(['a'])).toEqual(['a']);
  });
});
