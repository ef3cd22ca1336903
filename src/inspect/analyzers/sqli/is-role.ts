/** Whether `role` is one of the single-character roles in `roles` (never true for an empty or missing role). */
export function isRole(role: string | undefined, roles: string): boolean {
  return role !== undefined && role.length === 1 && roles.includes(role);
}
