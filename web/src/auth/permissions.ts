// The server's own matrix: the API checks every call, the dashboard only hides what would be refused.
export { can, type Permission, ROLE_PERMISSIONS } from '../../../src/control/auth/permissions.js';
