/** A table of the decoy database, as its error pages "leak" it. */
export interface SqlTable {
  readonly name: string;
  /** The class an ORM maps it to, for stack traces. */
  readonly model: string;
  readonly columns: readonly (readonly [name: string, type: string])[];
}

/** The decoy database's schema: the tables an intruder hopes to find. */
export const SQL_TABLES: readonly SqlTable[] = Object.freeze([
  {
    name: 'users',
    model: 'User',
    columns: [
      ['id', 'int(10) unsigned'],
      ['username', 'varchar(64)'],
      ['email', 'varchar(191)'],
      ['password_hash', 'char(60)'],
      ['api_key', 'varchar(64)'],
      ['role', "enum('admin','staff','customer')"],
      ['last_login_at', 'datetime'],
    ],
  },
  {
    name: 'customers',
    model: 'Customer',
    columns: [
      ['id', 'int(10) unsigned'],
      ['email', 'varchar(191)'],
      ['full_name', 'varchar(128)'],
      ['stripe_customer_id', 'varchar(32)'],
      ['phone', 'varchar(32)'],
      ['created_at', 'datetime'],
    ],
  },
  {
    name: 'payments',
    model: 'Payment',
    columns: [
      ['id', 'bigint(20) unsigned'],
      ['order_id', 'bigint(20) unsigned'],
      ['card_last4', 'char(4)'],
      ['amount_cents', 'int(11)'],
      ['provider_secret', 'varchar(128)'],
      ['status', 'varchar(16)'],
    ],
  },
  {
    name: 'api_tokens',
    model: 'ApiToken',
    columns: [
      ['id', 'int(10) unsigned'],
      ['user_id', 'int(10) unsigned'],
      ['token', 'varchar(80)'],
      ['scopes', 'text'],
      ['expires_at', 'datetime'],
    ],
  },
  {
    name: 'admin_sessions',
    model: 'AdminSession',
    columns: [
      ['id', 'char(40)'],
      ['admin_id', 'int(10) unsigned'],
      ['ip_address', 'varchar(45)'],
      ['payload', 'longtext'],
      ['last_activity', 'int(11)'],
    ],
  },
]);

/** The decoy database's name, one per site. */
export const DATABASE_NAMES: readonly string[] = Object.freeze([
  'app_production',
  'shop_prod',
  'webapp',
  'crm_live',
  'portal_main',
]);
