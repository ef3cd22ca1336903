import type { User } from '../core/index.js';

/** What may change about a user. */
export type UserPatch = Partial<Omit<User, 'id' | 'created'>>;

/** Port: the people who may use the control plane. Usernames are unique. */
export interface UserStore {
  /** False when the username is taken. */
  create(user: User): Promise<boolean>;
  get(id: string): Promise<User | undefined>;
  findByUsername(username: string): Promise<User | undefined>;
  /** Ordered by username. */
  list(): Promise<User[]>;
  count(): Promise<number>;
  /** The user after the change, or undefined when there is none with this id. */
  update(id: string, patch: UserPatch): Promise<User | undefined>;
  remove(id: string): Promise<boolean>;
  close(): Promise<void>;
}
