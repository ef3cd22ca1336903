import { describe, expect, it } from 'vitest';
import { isInfinisecError, type User } from '../core/index.js';
import type { UserPatch, UserStore } from './user-store.js';

function user(id: string, username: string, over: Partial<User> = {}): User {
  return {
    id,
    username,
    role: 'viewer',
    passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${id}`,
    mfaEnabled: false,
    recoveryCodes: [],
    failedLogins: 0,
    lockedUntil: 0,
    created: 100,
    lastLogin: null,
    disabled: false,
    ...over,
  };
}

/** The behaviour every UserStore adapter must show; `make` gives a fresh, empty store. */
export function userStoreConformance(name: string, make: () => Promise<UserStore>): void {
  describe(`${name}: user store`, () => {
    it('keeps every field of a user, found by id or by exact username', async () => {
      const store = await make();
      const full = user('u1', 'alice', {
        role: 'admin',
        mfaEnabled: true,
        recoveryCodes: ['c0ffee', 'decade'],
        failedLogins: 2,
        lockedUntil: 9000,
        lastLogin: 8000,
        disabled: true,
      });
      const plain = user('u2', 'bob');
      expect(await store.create(full)).toBe(true);
      expect(await store.create(plain)).toBe(true);
      expect(await store.get('u1')).toStrictEqual(full);
      expect(await store.get('u2')).toStrictEqual(plain);
      expect(await store.findByUsername('alice')).toStrictEqual(full);
      expect(await store.findByUsername('Alice')).toBeUndefined();
      expect(await store.findByUsername('ali')).toBeUndefined();
      expect(await store.get('u3')).toBeUndefined();
      await store.close();
    });

    it('refuses a taken username or id, keeping the first user', async () => {
      const store = await make();
      expect(await store.create(user('u1', 'alice'))).toBe(true);
      expect(await store.create(user('u2', 'alice', { role: 'admin' }))).toBe(false);
      expect(await store.create(user('u1', 'carol'))).toBe(false);
      expect(await store.get('u2')).toBeUndefined();
      expect(await store.findByUsername('carol')).toBeUndefined();
      expect(await store.count()).toBe(1);
      await store.close();
    });

    it('lists by username and counts', async () => {
      const store = await make();
      for (const [id, username] of [
        ['1', 'mallory'],
        ['2', 'alice'],
        ['3', 'zed'],
        ['4', 'bob'],
      ] as const)
        await store.create(user(id, username));
      expect((await store.list()).map((u) => u.username)).toEqual(['alice', 'bob', 'mallory', 'zed']);
      expect(await store.count()).toBe(4);
      await store.close();
    });

    it('merges a patch and returns the user after it', async () => {
      const store = await make();
      const before = user('u1', 'alice', { lastLogin: 500, recoveryCodes: ['a'] });
      await store.create(before);
      const after = await store.update('u1', {
        failedLogins: 3,
        lockedUntil: 700,
        lastLogin: null,
        recoveryCodes: [],
      });
      const expected = { ...before, failedLogins: 3, lockedUntil: 700, lastLogin: null, recoveryCodes: [] };
      expect(after).toStrictEqual(expected);
      expect(await store.get('u1')).toStrictEqual(expected);
      // A field given as undefined is left as it was.
      expect(await store.update('u1', { role: 'operator', disabled: undefined })).toStrictEqual({
        ...expected,
        role: 'operator',
      });
      // The id and the creation time are not the patch's to change, whatever it holds at run time.
      const sneaky = { id: 'u9', created: 1 } as unknown as UserPatch;
      expect((await store.update('u1', sneaky))?.id).toBe('u1');
      expect((await store.get('u1'))?.created).toBe(100);
      expect(await store.update('u9', { role: 'admin' })).toBeUndefined();
      expect(await store.count()).toBe(1);
      await store.close();
    });

    it('renames a user, and refuses a name another user holds', async () => {
      const store = await make();
      await store.create(user('u1', 'alice'));
      await store.create(user('u2', 'bob'));
      expect((await store.update('u1', { username: 'alicia' }))?.username).toBe('alicia');
      expect(await store.findByUsername('alice')).toBeUndefined();
      expect((await store.findByUsername('alicia'))?.id).toBe('u1');
      const taken = await store.update('u2', { username: 'alicia' }).catch((err: unknown) => err);
      expect(isInfinisecError(taken, 'INFINISEC_ERR_STORE')).toBe(true);
      expect((await store.get('u2'))?.username).toBe('bob');
      expect((await store.update('u2', { username: 'bob' }))?.username).toBe('bob');
      await store.close();
    });

    it('removes by id and says whether it was there', async () => {
      const store = await make();
      await store.create(user('u1', 'alice'));
      expect(await store.remove('u1')).toBe(true);
      expect(await store.remove('u1')).toBe(false);
      expect(await store.findByUsername('alice')).toBeUndefined();
      expect(await store.create(user('u2', 'alice'))).toBe(true);
      await store.close();
    });
  });
}
