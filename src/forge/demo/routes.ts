import { showAbout } from './about-page.js';
import type { DemoRoute } from './demo-context.js';
import { echoRequest } from './echo.js';
import { healthApi } from './health-api.js';
import { showHome } from './home-page.js';
import { showLogin, submitLogin } from './login-routes.js';
import { createOrderApi } from './orders-api.js';
import { showProduct, showProducts } from './product-pages.js';
import { getProductApi, listProductsApi } from './products-api.js';
import { showSearch } from './search-page.js';
import { serveFavicon, serveRobots } from './well-known-files.js';

/** Every route of the demo shop; patterns match the whole path, captures become params. */
export const DEMO_ROUTES: readonly DemoRoute[] = [
  { pattern: /^\/$/, methods: { GET: showHome } },
  { pattern: /^\/about$/, methods: { GET: showAbout } },
  { pattern: /^\/products$/, methods: { GET: showProducts } },
  { pattern: /^\/products\/([^/]+)$/, methods: { GET: showProduct } },
  { pattern: /^\/login$/, methods: { GET: showLogin, POST: submitLogin } },
  { pattern: /^\/search$/, methods: { GET: showSearch } },
  { pattern: /^\/api\/products$/, methods: { GET: listProductsApi } },
  { pattern: /^\/api\/products\/([^/]+)$/, methods: { GET: getProductApi } },
  { pattern: /^\/api\/orders$/, methods: { POST: createOrderApi } },
  { pattern: /^\/api\/health$/, methods: { GET: healthApi } },
  {
    pattern: /^\/echo$/,
    // Every body-carrying method too, so gateway tests can see how each one is forwarded.
    methods: {
      GET: echoRequest,
      POST: echoRequest,
      PUT: echoRequest,
      PATCH: echoRequest,
      DELETE: echoRequest,
    },
  },
  { pattern: /^\/robots\.txt$/, methods: { GET: serveRobots } },
  { pattern: /^\/favicon\.ico$/, methods: { GET: serveFavicon } },
];
