import type { Framework, FrameworkCatalog } from './framework-catalog.js';
import { GDPR_CATALOG } from './gdpr-catalog.js';
import { ISO27001_CATALOG } from './iso27001-catalog.js';
import { SOC2_CATALOG } from './soc2-catalog.js';

/** Every framework's catalog, by name. */
export const CATALOGS: Readonly<Record<Framework, FrameworkCatalog>> = {
  soc2: SOC2_CATALOG,
  iso27001: ISO27001_CATALOG,
  gdpr: GDPR_CATALOG,
};
