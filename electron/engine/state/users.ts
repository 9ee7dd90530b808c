/** Users and groups per container ('' = host), from the UL block and user/group events (§6.3). */
import type { GroupEntry, UserEntry } from '../capture/types';

export class UserTables {
  private users = new Map<string, Map<number, UserEntry>>();
  private groups = new Map<string, Map<number, GroupEntry>>();

  addUser(u: UserEntry): void {
    if (u.name.startsWith('+') || u.name.startsWith('-')) return;
    let t = this.users.get(u.container);
    if (!t) this.users.set(u.container, (t = new Map()));
    t.set(u.uid, u);
  }
  removeUser(uid: number, container: string): void {
    this.users.get(container)?.delete(uid);
  }
  addGroup(g: GroupEntry): void {
    if (g.name.startsWith('+') || g.name.startsWith('-')) return;
    let t = this.groups.get(g.container);
    if (!t) this.groups.set(g.container, (t = new Map()));
    t.set(g.gid, g);
  }
  removeGroup(gid: number, container: string): void {
    this.groups.get(container)?.delete(gid);
  }
  user(uid: number, container: string): UserEntry | undefined {
    return this.users.get(container)?.get(uid);
  }
  group(gid: number, container: string): GroupEntry | undefined {
    return this.groups.get(container)?.get(gid);
  }
}
