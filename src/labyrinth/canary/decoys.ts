// Word lists for the decoy text around codes. Each holds a power of two words so that a seed byte picks
// each equally often; the e-mail, password and URL shapes' patterns bound word lengths, so keep to them.

const words = (text: string): readonly string[] => Object.freeze(text.trim().split(/\s+/));

/** Lower-case given names, 2 to 12 letters. */
export const FIRST_NAMES = words(`
  anna ben carla david elena felix grace hannah ivan julia karl laura marco nina oscar paula
  quinn rosa sam tara umar vera walter xenia yusuf zoe liam maya noah sofia leo ines`);

/** Lower-case family names, 2 to 12 letters. */
export const LAST_NAMES = words(`
  adams becker costa dubois evans fischer garcia hansen ito jensen kowalski larsen meyer novak olsen patel
  quintero rossi schmidt tanaka unger varga weber xu young zimmer brooks morgan silva keller moreau nguyen`);

/** Capitalised words for passphrase-style passwords, 3 to 10 letters. */
export const PASSWORD_WORDS = words(`
  Harbor Falcon Maple Copper Summit Orchid Velvet Granite Meadow Lantern Cobalt Willow Thunder Saffron
  Pebble Quartz Ember Juniper Canyon Marble Nimbus Cedar Aurora Basalt Crimson Drift Glacier Hollow Indigo
  Jasper Kestrel Lotus`);

/** First path segment of an internal URL: 2 to 16 lower-case letters. */
export const URL_SECTIONS = words('admin backups deploy infra secrets vault ops exports');

/** Second path segment of an internal URL: 2 to 24 of lower-case letters and '-'. */
export const URL_ITEMS = words(`
  db-dump deploy-key prod-config api-tokens ssh-keys customer-export payroll vpn-config aws-credentials
  kubeconfig terraform-state root-ca ldap-bind jenkins grafana releases`);

/** Roles claimed by decoy JWTs. */
export const JWT_ROLES = words('admin superuser ops billing-admin');

/** The capitalised form of a lower-case name. */
export const capitalise = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** The word a seed byte picks. */
export const pick = (list: readonly string[], byte: number | undefined): string =>
  list[(byte ?? 0) % list.length]!;
